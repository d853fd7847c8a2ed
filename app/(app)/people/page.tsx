import Link from "@/components/link";
import { requireScope } from "@/lib/auth/scope";
import { listPeople } from "@/lib/db/people/read-people";
import { getT } from "@/lib/i18n/server";
import { parsePersonListPage, type PersonListQuery } from "@/lib/validation/people";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { PeopleTable } from "./_components/people-table";
import { pageTitle } from "@/lib/i18n/page-title";
import { ActionForm } from "@/components/action-form";
import { isOrgAdmin } from "@/lib/db/scope";
import { createPersonAction } from "./[id]/actions";
import { confirmSameNameField, personFields } from "./_components/person-fields";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(query: PersonListQuery, change: Partial<PersonListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.external) params.set("external", next.external);
  if (next.departed) params.set("departed", next.departed);
  if (next.sort !== "access") params.set("sort", next.sort);
  if (next.dir !== (next.sort === "access" ? "desc" : "asc")) params.set("dir", next.dir);
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  if (next.page > 1) params.set("page", String(next.page));
  const s = params.toString();
  return s ? `/people?${s}` : "/people";
}

export const generateMetadata = () => pageTitle("nav.people");

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { query, ignored } = parsePersonListPage(raw);
  const [scope, t] = await Promise.all([requireScope(), getT()]);
  const result = await listPeople(scope, query);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = !!(query.q || query.external || query.departed);

  const sortHeader = (column: PersonListQuery["sort"], label: string) => {
    const active = query.sort === column;
    const first = column === "access" ? "desc" : "asc";
    const dir = active ? (query.dir === "asc" ? "desc" : "asc") : first;
    return (
      <Link href={href(query, { sort: column, dir, page: 1 })}>
        {label}{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  };
  const select = (name: "external" | "departed", label: string, options: [string, string][]) => (
    <div>
      <label htmlFor={`people-${name}`} className="block text-xs text-slate-600">{label}</label>
      <select id={`people-${name}`} name={name} defaultValue={query[name] ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("people.title")}</h1>
          <p className="text-sm text-slate-600">{t("people.count", { count: result.total })}</p>
          <p className="text-xs text-slate-500">{t("people.accessOrder")}</p>
        </div>
        <form role="search" className="flex flex-wrap items-end gap-2" action="/people">
          {query.sort !== "access" && <input type="hidden" name="sort" value={query.sort} />}
          <div>
            <label htmlFor="people-q" className="block text-xs text-slate-600">{t("people.search")}</label>
            <input id="people-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("people.searchPlaceholder")}
              className="w-64 rounded border border-slate-300 px-3 py-1.5" />
          </div>
          {select("external", t("people.filterExternal"), [["", t("people.filterAll")], ["yes", t("people.filterExternalYes")], ["no", t("people.filterExternalNo")]])}
          {select("departed", t("people.filterDeparted"), [["", t("people.filterAll")], ["yes", t("people.filterDepartedYes")], ["no", t("people.filterDepartedNo")]])}
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-white hover:bg-blue-800">{t("people.search")}</button>
          {filtered && <Link href="/people" className="px-1 py-1.5 text-sm">{t("people.clearFilters")}</Link>}
        </form>
      </div>
      <IgnoredFiltersNotice ignored={ignored} t={t} />
      {isOrgAdmin(scope) && !scope.portal && (
        // People are the organisation's: Owners and Admins add them (decision 015).
        <ActionForm action={createPersonAction} schema="createPerson" fields={[...personFields(t), confirmSameNameField(t, "validation.personNameTaken")]} submitLabel={t("people.create")} pendingLabel={t("form.saving")} testId="add-person-form"
          fold={{ summary: t("people.add"), summaryClassName: "cursor-pointer text-sm text-blue-800", className: "rounded-lg border border-slate-200 bg-white p-3", testId: "add-person",
            intro: <p className="mt-2 max-w-2xl text-sm text-slate-700">{t("people.addIntro")}</p> }} />
      )}
      <PeopleTable
        rows={result.rows}
        sortHeaders={{ name: sortHeader("name", t("people.name")), access: sortHeader("access", t("people.adminLogins")) }}
        ariaSort={{ [query.sort === "name" ? "name" : "adminLogins"]: query.dir === "asc" ? "ascending" : "descending" }}
        labels={{
          caption: t("people.title"),
          empty: result.total === 0 && !filtered ? t("people.empty") : t("people.emptyFiltered"),
          company: t("people.company"),
          accounts: t("people.accounts"),
          activeLogins: t("people.activeLogins"),
          devices: t("people.devices"),
          openFindings: t("people.openFindings"),
          external: t("people.external"),
          departed: t("people.departed"),
          adminLogins: t("people.adminLogins"),
        }}
      />
      {pages > 1 && (
        <nav aria-label={t("pagination.label")} className="flex items-center gap-3 text-sm">
          {query.page > 1 ? <Link href={href(query, { page: query.page - 1 })} rel="prev">{t("pagination.previous")}</Link> : <span className="text-slate-400">{t("pagination.previous")}</span>}
          <span>{t("pagination.pageOf", { page: query.page, pages })}</span>
          {query.page < pages ? <Link href={href(query, { page: query.page + 1 })} rel="next">{t("pagination.next")}</Link> : <span className="text-slate-400">{t("pagination.next")}</span>}
        </nav>
      )}
    </div>
  );
}
