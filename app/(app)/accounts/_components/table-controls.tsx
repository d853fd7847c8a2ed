import Link from "@/components/link";
import { CLIENT_SELECT_MAX } from "@/lib/client-search";
import { RULES } from "@/lib/risk";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { ClientPicker } from "./client-picker";
import { ACCOUNT_COLUMNS, ACCOUNT_SEARCH_MAX_LENGTH, accountListHref, isScoreRangeInverted, NO_CLIENT, PAGE_SIZES, type AccountColumn, type AccountListQuery } from "@/lib/validation/accounts";

// Plain GET forms: the URL is the table's state, so filtering works without JavaScript, a reload shows
// the same view and the back button returns to the previous one.

const FIELD = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const LABEL = "block text-xs font-medium text-slate-700";

/** Carries the state a form does not edit, so submitting it keeps sort, columns and density. */
function Keep({ query, except }: { query: AccountListQuery; except: string[] }) {
  const keep: [string, string][] = [];
  if (!except.includes("sort") && query.sort !== "storeName") keep.push(["sort", query.sort]);
  if (!except.includes("sort") && query.dir !== "asc") keep.push(["dir", query.dir]);
  if (!except.includes("pageSize") && query.pageSize !== 25) keep.push(["pageSize", String(query.pageSize)]);
  if (!except.includes("cols")) keep.push(["cols", query.cols.length ? query.cols.join(",") : "none"]);
  if (!except.includes("density") && query.density !== "comfortable") keep.push(["density", query.density]);
  if (!except.includes("filters")) {
    for (const key of ["q", "client", "market", "plan", "status", "severity", "rule"] as const) if (query[key]) keep.push([key, query[key]]);
    if (query.min !== undefined) keep.push(["min", String(query.min)]);
    if (query.max !== undefined) keep.push(["max", String(query.max)]);
  }
  return keep.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[]; anyLabel: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className={LABEL}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function FiltersForm({ query, t, locale, clients, marketplaces, searchTooLong = false, showClient = true }: {
  query: AccountListQuery; t: Translate; locale: Locale; clients: { id: string; name: string }[]; marketplaces: string[];
  /** False in a seller's portal: all its accounts are its own, one client. */
  showClient?: boolean;
  /** The link's search was over the limit and is not applied: said under the box. */
  searchTooLong?: boolean;
}) {
  const any = t("table.any");
  // Kept in the URL as typed; both fields point at the one message saying why nothing matches.
  const rangeInverted = isScoreRangeInverted(query);
  const rangeInvalid = rangeInverted ? { "aria-invalid": true, "aria-describedby": "score-range-error" } : {};
  return (
    <form role="search" action="/accounts" aria-label={t("table.filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <Keep query={query} except={["filters", "pageSize"]} />
      <div>
        <label htmlFor="q" className={LABEL}>{t("accounts.search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("accounts.searchPlaceholder")} maxLength={ACCOUNT_SEARCH_MAX_LENGTH}
          aria-invalid={searchTooLong || undefined} aria-describedby={searchTooLong ? "q-error" : undefined} className={`${FIELD} w-72 aria-invalid:border-red-600`} />
        {searchTooLong && <p id="q-error" role="alert" className="mt-0.5 max-w-72 text-xs text-red-700">{t("accounts.searchTooLong", { max: ACCOUNT_SEARCH_MAX_LENGTH })}</p>}
      </div>
      {!showClient ? null : clients.length > CLIENT_SELECT_MAX ? (
        <ClientPicker name="client" noClientValue={NO_CLIENT}
          selected={query.client === NO_CLIENT ? { id: NO_CLIENT, name: t("scores.noClient") } : (clients.find((c) => c.id === query.client) ?? null)}
          messages={{ label: t("account.client"), placeholder: t("table.clientSearch"), noMatch: t("table.clientNoMatch"), failed: t("table.clientSearchFailed"), found: t("table.clientsFound", { count: "{count}" }), noClient: t("scores.noClient") }} />
      ) : (
        <Select name="client" label={t("account.client")} value={query.client} anyLabel={any}
          options={[...clients.map((c) => ({ value: c.id, label: c.name })), { value: NO_CLIENT, label: t("scores.noClient") }]} />
      )}
      <Select name="market" label={t("table.marketplace")} value={query.market} anyLabel={any} options={marketplaces.map((m) => ({ value: m, label: m }))} />
      <Select name="plan" label={t("account.plan")} value={query.plan} anyLabel={any}
        options={(["PROFESSIONAL", "INDIVIDUAL"] as const).map((p) => ({ value: p, label: t(`plan.${p}`) }))} />
      <Select name="status" label={t("account.status")} value={query.status} anyLabel={any}
        options={(["ACTIVE", "SUSPENDED", "DEACTIVATED"] as const).map((s) => ({ value: s, label: t(`accountStatus.${s}`) }))} />
      <Select name="severity" label={t("table.severity")} value={query.severity} anyLabel={any}
        options={(["critical", "high", "medium", "low"] as const).map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
      <Select name="rule" label={t("table.rule")} value={query.rule} anyLabel={any} options={RULES.map((r) => ({ value: r.id, label: r.title[locale] }))} />
      <div>
        <div className="flex items-end gap-3">
          <div>
            <label htmlFor="f-min" className={LABEL}>{t("table.minScore")}</label>
            <input id="f-min" name="min" type="number" min={0} max={100} inputMode="numeric" defaultValue={query.min ?? ""} {...rangeInvalid} className={`${FIELD} w-20 aria-invalid:border-red-600`} />
          </div>
          <div>
            <label htmlFor="f-max" className={LABEL}>{t("table.maxScore")}</label>
            <input id="f-max" name="max" type="number" min={0} max={100} inputMode="numeric" defaultValue={query.max ?? ""} {...rangeInvalid} className={`${FIELD} w-20 aria-invalid:border-red-600`} />
          </div>
        </div>
        {rangeInverted && <p id="score-range-error" role="alert" className="mt-0.5 max-w-56 text-xs text-red-700">{t("table.scoreRangeInverted")}</p>}
      </div>
      <Select name="pageSize" label={t("table.pageSize")} value={query.pageSize === 25 ? undefined : String(query.pageSize)} anyLabel="25"
        options={PAGE_SIZES.filter((n) => n !== 25).map((n) => ({ value: String(n), label: String(n) }))} />
      <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white hover:bg-blue-800">{t("accounts.search")}</button>
      <Link href={accountListHref(query, { q: undefined, client: undefined, market: undefined, plan: undefined, status: undefined, severity: undefined, rule: undefined, min: undefined, max: undefined, cursor: undefined })} className="py-1.5 text-sm">
        {t("table.clearFilters")}
      </Link>
    </form>
  );
}

export function ColumnMenu({ query, t, labels, hidden = [] }: { query: AccountListQuery; t: Translate; labels: Record<AccountColumn, string>; hidden?: AccountColumn[] }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">{t("table.columns")}</summary>
      <form action="/accounts" className="absolute z-10 mt-1 w-64 space-y-1 rounded border border-slate-200 bg-white p-3 shadow-lg">
        <Keep query={query} except={["cols"]} />
        <input type="hidden" name="cols" value="none" />
        <fieldset>
          <legend className="sr-only">{t("table.columns")}</legend>
          {ACCOUNT_COLUMNS.filter((c) => !hidden.includes(c)).map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="col" value={c} defaultChecked={query.cols.includes(c)} />
              {labels[c]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="mt-2 rounded bg-blue-700 px-3 py-1 text-sm text-white hover:bg-blue-800">{t("table.applyColumns")}</button>
      </form>
    </details>
  );
}

export function DensitySwitch({ query, t }: { query: AccountListQuery; t: Translate }) {
  return (
    <div role="group" aria-label={t("table.density")} className="flex items-center gap-1 text-sm">
      <span className="text-slate-600">{t("table.density")}:</span>
      {(["comfortable", "compact"] as const).map((d) => (
        <Link key={d} href={accountListHref(query, { density: d })} aria-current={query.density === d ? "true" : undefined}
          className={`rounded px-2 py-0.5 ${query.density === d ? "bg-slate-200 font-semibold text-slate-900" : ""}`}>
          {t(`table.${d}`)}
        </Link>
      ))}
    </div>
  );
}
