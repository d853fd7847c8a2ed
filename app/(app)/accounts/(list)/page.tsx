import Link from "@/components/link";
import { redirect } from "next/navigation";
import { requireScope } from "@/lib/auth/scope";
import { listAccountFilterOptions, listAccountsOfLink } from "@/lib/db/accounts/read-accounts";
import { GettingStarted } from "@/components/getting-started";
import { listSavedViews } from "@/lib/db/saved-views";
import { canWrite } from "@/lib/db/write-context";
import { utcToday } from "@/lib/days";
import { getLocale, getT } from "@/lib/i18n/server";
import { perLocale } from "@/lib/i18n/per-locale";
import type { Locale } from "@/lib/i18n/locales";
import {
  accountListHref,
  accountListSearch,
  EXPORT_ROW_LIMIT,
  hasAccountFilters,
  isAccountSearchTooLong,
  isCanonicalAccountSearch,
  isCursorUnread,
  parseAccountListPage,
  type AccountColumn,
  type AccountListQuery,
  type AccountSort,
} from "@/lib/validation/accounts";
import { AccountsTable, type AccountsTableLabels } from "../_components/accounts-table";
import { FiltersForm, TableViewControls } from "../_components/table-controls";
import { SavedViews } from "../_components/saved-views";
import { pageTitle } from "@/lib/i18n/page-title";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { firstParam } from "@/lib/validation/ignored-filters";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Which column header sorts by which key, and the direction a first click picks (riskiest first). */
const SORTABLE: { column: "storeName" | AccountColumn; sort: AccountSort; firstDir: "asc" | "desc" }[] = [
  { column: "storeName", sort: "storeName", firstDir: "asc" },
  { column: "score", sort: "score", firstDir: "asc" },
  { column: "critical", sort: "risk", firstDir: "desc" },
  { column: "passwordAge", sort: "passwordAge", firstDir: "desc" },
  { column: "lastLogin", sort: "lastLogin", firstDir: "asc" },
];

export const generateMetadata = () => pageTitle("nav.accounts");

/** The table's words that depend on the language alone: built once per locale, not on every view (decision 097). */
const listWords = perLocale((t, locale: Locale) => {
  const columnLabels: Record<AccountColumn, string> = {
    sellerId: t("account.sellerId"), client: t("account.client"), region: t("account.region"), plan: t("account.plan"), status: t("account.status"),
    score: t("account.score"), critical: t("table.openCritical"), high: t("table.openHigh"), openFindings: t("account.openFindings"),
    passwordAge: t("table.passwordAge"), lastLogin: t("table.lastLogin"), logins: t("account.logins"),
  };
  const table: Omit<AccountsTableLabels, "caption"> = {
    storeName: t("account.storeName"), ...columnLabels, never: t("table.never"), unknown: t("table.unknown"), days: t("table.days", { days: "{days}" }),
    plans: { PROFESSIONAL: t("plan.PROFESSIONAL"), INDIVIDUAL: t("plan.INDIVIDUAL") },
    statuses: { ACTIVE: t("accountStatus.ACTIVE"), SUSPENDED: t("accountStatus.SUSPENDED"), DEACTIVATED: t("accountStatus.DEACTIVATED") },
  };
  // toLocaleString builds a number format per call (≈ 0.1 ms): the note is the same for every view in a language.
  return { columnLabels, table, exportNote: t("export.note", { max: EXPORT_ROW_LIMIT.toLocaleString(locale) }) };
});

export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = parseAccountListPage(raw);
  const searchTooLong = isAccountSearchTooLong(raw);
  const cursorUnread = isCursorUnread(raw, parsed.query);
  // A submitted form sends empty fields and checkbox lists: show the canonical, shareable URL instead
  // (unless that would drop a value, or a page position, the page did not apply before it can say why).
  if (!isCanonicalAccountSearch(raw) && parsed.ignored.length === 0 && !cursorUnread) redirect(accountListHref(parsed.query));
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  // A client filter naming no client this user can reach is dropped and named with the others (decision 093).
  const [{ query, ignored, result }, options, views] = await Promise.all([listAccountsOfLink(scope, parsed), listAccountFilterOptions(scope), listSavedViews(scope)]);
  // A page position dropped with an unreachable client (withoutUnreachableClient) is a stale page link too.
  const pageLinkStale = cursorUnread || result.cursorDropped || (parsed.query.cursor !== undefined && query.cursor === undefined);
  const portal = Boolean(scope.portal);

  const words = listWords(locale);
  const columnLabels = words.columnLabels;
  const label = (c: "storeName" | AccountColumn) => (c === "storeName" ? t("account.storeName") : columnLabels[c]);
  const headers: Partial<Record<"storeName" | AccountColumn, React.ReactNode>> = {};
  const ariaSort: Partial<Record<string, "ascending" | "descending">> = {};
  for (const s of SORTABLE) {
    const active = query.sort === s.sort;
    const dir = active ? (query.dir === "asc" ? "desc" : "asc") : s.firstDir;
    if (active) ariaSort[s.column] = query.dir === "asc" ? "ascending" : "descending";
    headers[s.column] = (
      <Link href={accountListHref(query, { sort: s.sort, dir, cursor: undefined })} className="text-slate-800">
        {label(s.column)}{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  }
  const sortLabel = label(SORTABLE.find((s) => s.sort === query.sort)!.column);
  const labels: AccountsTableLabels = {
    caption: t("table.caption", { sort: sortLabel, dir: t(query.dir === "asc" ? "table.ascending" : "table.descending") }),
    ...words.table,
  };
  const filtered = hasAccountFilters(query);
  const clearHref = accountListHref(query, { q: undefined, client: undefined, market: undefined, plan: undefined, status: undefined, severity: undefined, rule: undefined, min: undefined, max: undefined, cursor: undefined });
  const empty = filtered ? (
    <span data-testid="no-match">{t("table.noMatch")} <Link href={clearHref}>{t("table.clearFilters")}</Link></span>
  ) : query.cursor ? (
    <Link href={accountListHref(query, { cursor: undefined })}>{t("table.first")}</Link>
  ) : (
    t("accounts.empty")
  );
  const search = accountListSearch(query, { cursor: undefined });
  // A page position the table could not read is no filter: said as what it is, and the first page shown.
  const staleLink = pageLinkStale && (
    <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="stale-page-link">
      {t("table.staleCursor")}
    </p>
  );
  // Nothing recorded yet (not merely nothing matching): how to begin, instead of an empty table. A link's filters
  // the page dropped, or a page position it could not read, are still named: a shared link's mistake is never
  // silent, even before the first account (decision 099).
  if (!filtered && !query.cursor && result.total === 0)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
        <IgnoredFiltersNotice ignored={ignored} t={t} />
        {staleLink}
        <GettingStarted scope={scope} t={t} />
      </div>
    );
  const page = (cursor: AccountListQuery["cursor"]) => accountListHref(query, { cursor });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
          <p className="text-sm text-slate-600" data-testid="accounts-total">
            {result.totalCapped ? t("table.totalCapped", { count: result.total.toLocaleString(locale) }) : t("accounts.count", { count: result.total })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {canWrite(scope) && !scope.portal && <Link href="/accounts/new" className="rounded bg-blue-700 px-3 py-1 text-white no-underline hover:bg-blue-800" data-testid="add-account">{t("accounts.add")}</Link>}
          <a href={`/api/accounts/export${search ? `?${search}` : ""}`} download className="rounded border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100">
            {t("export.csv")}
          </a>
          <a href={`/api/snapshot?view=1${search ? `&${search}` : ""}`} download className="rounded border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100">
            {t("export.snapshot")}
          </a>
          <a href={`/api/snapshot?view=1&format=xlsx&lang=${locale}${search ? `&${search}` : ""}`} download className="rounded border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100">
            {t("export.sheetXlsx")}
          </a>
          <span className="text-xs text-slate-600">{words.exportNote}</span>
        </div>
      </div>
      {/* Saved views beside the filters they recall (below them on a narrow screen), not under the table. */}
      <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <FiltersForm query={query} locale={locale} clients={options.clients} marketplaces={options.marketplaces} searchTooLong={searchTooLong ? firstParam(raw.q)?.trim() : undefined} showClient={!portal} />
        <SavedViews views={views} currentSearch={search} t={t} />
      </div>
      {/* The search box says itself when its search was too long to apply. */}
      <IgnoredFiltersNotice ignored={searchTooLong ? ignored.filter((i) => i.name !== "q") : ignored} t={t} />
      {staleLink}
      <TableViewControls query={query} locale={locale} labels={columnLabels} hidden={portal ? ["client"] : []} />
      <AccountsTable rows={result.rows} columns={portal ? query.cols.filter((c) => c !== "client") : query.cols} labels={labels} headers={headers} ariaSort={ariaSort} density={query.density} empty={empty} today={utcToday()} />
      {(result.prev || result.next || query.cursor) && (
        <nav aria-label={t("pagination.label")} className="flex items-center gap-4 text-sm">
          {query.cursor && <Link href={page(undefined)}>{t("table.first")}</Link>}
          {result.prev ? <Link href={page(result.prev)} rel="prev">{t("pagination.previous")}</Link> : <span className="text-slate-500">{t("pagination.previous")}</span>}
          {result.next ? <Link href={page(result.next)} rel="next">{t("pagination.next")}</Link> : <span className="text-slate-500">{t("pagination.next")}</span>}
        </nav>
      )}
    </div>
  );
}
