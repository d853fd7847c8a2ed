import Link from "next/link";
import { requireScope } from "@/lib/auth/scope";
import { ScoreBadge } from "@/components/score-badge";
import { listAccounts } from "@/lib/db/accounts";
import { scoreSummary } from "@/lib/db/scores";
import { getT } from "@/lib/i18n/server";
import { accountListQuerySchema, type AccountListQuery } from "@/lib/validation/accounts";
import { AccountsTable } from "./_components/accounts-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(query: AccountListQuery, change: Partial<AccountListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "storeName") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  if (next.page > 1) params.set("page", String(next.page));
  const s = params.toString();
  return s ? `/accounts?${s}` : "/accounts";
}

export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = accountListQuerySchema.parse({ q: raw.q, page: raw.page, pageSize: raw.pageSize, sort: raw.sort, dir: raw.dir });
  const [scope, t] = await Promise.all([requireScope(), getT()]);
  const [result, scores] = await Promise.all([listAccounts(scope, query), scoreSummary(scope)]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  const sortHeader = (column: AccountListQuery["sort"], label: string) => {
    const active = query.sort === column;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <Link href={href(query, { sort: column, dir, page: 1 })} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        {label}{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
          <p className="text-sm text-slate-600">{t("accounts.count", { count: result.total })}</p>
        </div>
        <form role="search" className="flex gap-2" action="/accounts">
          <label htmlFor="q" className="sr-only">{t("accounts.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("accounts.searchPlaceholder")}
            className="w-72 rounded border border-slate-300 px-3 py-1.5" />
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-white hover:bg-blue-800">{t("accounts.search")}</button>
        </form>
      </div>
      {scores.portfolio.score !== null && (
        <section aria-label={t("scores.title")} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <span className="font-medium">{t("scores.portfolio")}</span>
          <ScoreBadge score={scores.portfolio.score} label={t("scores.portfolio")} />
          <span className="text-slate-400" aria-hidden>|</span>
          <span className="text-slate-600">{t("scores.byClient")}:</span>
          <ul className="flex flex-wrap gap-2">
            {scores.clients.map((c) => (
              <li key={c.clientId ?? "none"} className="flex items-center gap-1">
                <span>{c.name ?? t("scores.noClient")}</span>
                <ScoreBadge score={c.score} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <AccountsTable
        rows={result.rows}
        sortHeaders={{ storeName: sortHeader("storeName", t("account.storeName")), score: sortHeader("score", t("account.score")) }}
        labels={{
          caption: t("accounts.title"),
          empty: query.q ? t("accounts.emptySearch", { q: query.q }) : t("accounts.empty"),
          storeName: t("account.storeName"),
          sellerId: t("account.sellerId"),
          client: t("account.client"),
          region: t("account.region"),
          plan: t("account.plan"),
          status: t("account.status"),
          score: t("account.score"),
          logins: t("account.logins"),
          openFindings: t("account.openFindings"),
          plans: { PROFESSIONAL: t("plan.PROFESSIONAL"), INDIVIDUAL: t("plan.INDIVIDUAL") },
          statuses: { ACTIVE: t("accountStatus.ACTIVE"), SUSPENDED: t("accountStatus.SUSPENDED"), DEACTIVATED: t("accountStatus.DEACTIVATED") },
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
