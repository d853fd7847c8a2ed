import { CLIENT_SELECT_MAX } from "@/lib/client-search";
import { RULES } from "@/lib/risk";
import type { Locale } from "@/lib/i18n/locales";
import { perLocale } from "@/lib/i18n/per-locale";
import { ACCOUNT_COLUMNS, ACCOUNT_SEARCH_MAX_LENGTH, accountListHref, isScoreRangeInverted, keptParams, NO_CLIENT, PAGE_SIZES, type AccountColumn, type AccountListQuery } from "@/lib/validation/accounts";
import { FilterBar, type ClientFilter, type FilterBarWords } from "./filter-bar";
import { ViewControls, type ViewControlsWords } from "./view-controls";

// The table's controls, from the URL state to the compact props of their client components (filter-bar.tsx,
// view-controls.tsx): what depends on the locale alone is built once per locale (decision 042).

const filterWords = perLocale((t, locale): FilterBarWords => ({
  filters: t("table.filters"),
  search: t("accounts.search"),
  searchPlaceholder: t("accounts.searchPlaceholder"),
  // `{count}` is filled in by the bar with the length of the search it keeps in the box.
  searchTooLong: t("accounts.searchTooLong", { max: ACCOUNT_SEARCH_MAX_LENGTH, count: "{count}" }),
  any: t("table.any"),
  client: t("account.client"),
  noClient: t("scores.noClient"),
  marketplace: t("table.marketplace"),
  plan: t("account.plan"),
  status: t("account.status"),
  severity: t("table.severity"),
  rule: t("table.rule"),
  minScore: t("table.minScore"),
  maxScore: t("table.maxScore"),
  scoreRangeInverted: t("table.scoreRangeInverted"),
  pageSize: t("table.pageSize"),
  clearFilters: t("table.clearFilters"),
  plans: (["PROFESSIONAL", "INDIVIDUAL"] as const).map((p) => [p, t(`plan.${p}`)]),
  statuses: (["ACTIVE", "SUSPENDED", "DEACTIVATED"] as const).map((s) => [s, t(`accountStatus.${s}`)]),
  severities: (["critical", "high", "medium", "low"] as const).map((s) => [s, t(`severity.${s}`)]),
  rules: RULES.map((r) => [r.id, r.title[locale]]),
  pageSizes: PAGE_SIZES.filter((n) => n !== 25).map((n) => [String(n), String(n)]),
  picker: { label: t("account.client"), placeholder: t("table.clientSearch"), noMatch: t("table.clientNoMatch"), failed: t("table.clientSearchFailed"), found: t("table.clientsFound", { count: "{count}" }), noClient: t("scores.noClient") },
}));

const viewWords = perLocale((t): ViewControlsWords => ({
  columns: t("table.columns"), applyColumns: t("table.applyColumns"), density: t("table.density"), comfortable: t("table.comfortable"), compact: t("table.compact"),
}));

/** The filters form: the values, kept state and option lists its client component needs. */
export function FiltersForm({ query, locale, clients, marketplaces, searchTooLong, showClient = true }: {
  query: AccountListQuery; locale: Locale; clients: { id: string; name: string }[]; marketplaces: string[];
  /** False in a seller's portal: all its accounts are its own, one client. */
  showClient?: boolean;
  /** The search as typed when it was over the limit and not applied: kept in the box (nothing lost), said under it. */
  searchTooLong?: string;
}) {
  const words = filterWords(locale);
  // Above CLIENT_SELECT_MAX the client filter is a search box: the page carries only the chosen client.
  const clientFilter: ClientFilter = !showClient ? null : clients.length > CLIENT_SELECT_MAX
    ? { noClientValue: NO_CLIENT, picker: query.client === NO_CLIENT ? { id: NO_CLIENT, name: words.noClient } : (clients.find((c) => c.id === query.client) ?? null) }
    : { select: [...clients.map((c): [string, string] => [c.id, c.name]), [NO_CLIENT, words.noClient]] };
  const { q, client, market, plan, status, severity, rule, min, max } = query;
  // Only the filters that are set: an unset one would travel as "$undefined".
  const values = Object.fromEntries(Object.entries({ q: searchTooLong ?? q, client, market, plan, status, severity, rule, min, max, pageSize: query.pageSize === 25 ? undefined : String(query.pageSize) }).filter(([, v]) => v !== undefined));
  return (
    <FilterBar
      words={words}
      values={values}
      keep={keptParams(query, ["filters", "pageSize"])}
      clients={clientFilter}
      marketplaces={marketplaces}
      clearHref={accountListHref(query, { q: undefined, client: undefined, market: undefined, plan: undefined, status: undefined, severity: undefined, rule: undefined, min: undefined, max: undefined, cursor: undefined })}
      searchTooLong={searchTooLong !== undefined}
      rangeInverted={isScoreRangeInverted(query)}
    />
  );
}

/** The column menu (every column but `hidden`, ticked when shown) and the density switch. */
export function TableViewControls({ query, locale, labels, hidden = [] }: { query: AccountListQuery; locale: Locale; labels: Record<AccountColumn, string>; hidden?: AccountColumn[] }) {
  return (
    <ViewControls
      words={viewWords(locale)}
      keep={keptParams(query, ["cols"])}
      columns={ACCOUNT_COLUMNS.filter((c) => !hidden.includes(c)).map((c) => [c, labels[c], query.cols.includes(c)])}
      density={query.density}
      densityHrefs={{ comfortable: accountListHref(query, { density: "comfortable" }), compact: accountListHref(query, { density: "compact" }) }}
    />
  );
}
