import { z } from "zod";
import { VIEW_NAME_MAX_LENGTH } from "./limits";
import { CONTROL_CHARACTER_KEY, isSingleLine, linkChoice, SINGLE_LINE_PATTERN } from "./text";
import { hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "./invisible-characters";
import { RULE_IDS, SEVERITIES } from "@/lib/risk/types";
import { recordId } from "./record-fields";
import { allParams as all, ignoredFilters, oneOf, shownValue, textReason, unknownParameters, type FilterCheck, type IgnoredFilter, type IgnoredReason, type QueryParams } from "./ignored-filters";

// The accounts table's whole state lives in the URL, so a link can be shared and the back button works.
// Every parameter falls back to its default when it is missing or malformed: a bad link still opens.

export const ACCOUNT_SORTS = ["storeName", "score", "risk", "passwordAge", "lastLogin"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** Columns the reader may hide; the store name always shows (it is the row's link). */
export const ACCOUNT_COLUMNS = ["sellerId", "client", "region", "plan", "status", "score", "critical", "high", "openFindings", "passwordAge", "lastLogin", "logins"] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];
export const DEFAULT_ACCOUNT_COLUMNS: readonly AccountColumn[] = ["sellerId", "client", "plan", "status", "score", "critical", "high", "passwordAge", "lastLogin"];

/** The client filter's value for accounts without a client. */
export const NO_CLIENT = "none";

/** The CSV export stops here (and says so in a header): a bigger file is no longer a spreadsheet. */
export const EXPORT_ROW_LIMIT = 50_000;

export const PAGE_SIZES = [25, 50, 100] as const;

export const ACCOUNT_PLANS = ["PROFESSIONAL", "INDIVIDUAL"] as const;
export const ACCOUNT_STATUSES = ["ACTIVE", "SUSPENDED", "DEACTIVATED"] as const;
/** The client filter's id: at most this long (and one line). */
const CLIENT_FILTER_MAX_LENGTH = 64;

/** The search box's limit (its input's maxLength too). */
export const ACCOUNT_SEARCH_MAX_LENGTH = 200;

/** Keyset position: the sort key values and id of the row to continue after ("n") or before ("p"). */
export interface AccountCursor {
  direction: "next" | "prev";
  keys: (string | number)[];
  id: string;
}

const cursorJson = z.tuple([z.enum(["n", "p"]), z.array(z.union([z.string().max(500), z.number().finite()])).min(1).max(2), z.string().min(1).max(64)]);

export function encodeCursor(cursor: AccountCursor): string {
  return Buffer.from(JSON.stringify([cursor.direction === "next" ? "n" : "p", cursor.keys, cursor.id])).toString("base64url");
}

export function decodeCursor(value: unknown): AccountCursor | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  try {
    const parsed = cursorJson.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    const [d, keys, id] = parsed.data;
    return { direction: d === "n" ? "next" : "prev", keys, id };
  } catch {
    return undefined;
  }
}

// A filter typed or pasted into the address bar: one line, or no filter. A control character (a NUL above all, which
// PostgreSQL refuses in any text parameter) used to reach the statement and answer 500.
const optionalText = (max: number) => z.string().trim().max(max).refine(isSingleLine).optional().catch(undefined).transform((v) => (v ? v : undefined));
const optionalScore = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(100).optional()).catch(undefined);

/** The filters alone: shared by the table, the CSV export and saved views. */
export const accountFilterSchema = z.object({
  q: optionalText(ACCOUNT_SEARCH_MAX_LENGTH),
  client: optionalText(CLIENT_FILTER_MAX_LENGTH),
  market: z.string().trim().regex(/^[A-Z]{2,3}$/).optional().catch(undefined),
  plan: linkChoice(ACCOUNT_PLANS).optional().catch(undefined),
  status: linkChoice(ACCOUNT_STATUSES).optional().catch(undefined),
  severity: linkChoice(SEVERITIES as unknown as ["critical", "high", "medium", "low"]).optional().catch(undefined),
  rule: linkChoice(RULE_IDS).optional().catch(undefined),
  min: optionalScore,
  max: optionalScore,
});
export type AccountFilter = z.infer<typeof accountFilterSchema>;

const columnsParam = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v): AccountColumn[] => {
    if (v === undefined) return [...DEFAULT_ACCOUNT_COLUMNS];
    if (v === "none") return [];
    const picked = new Set(v.split(","));
    const cols = ACCOUNT_COLUMNS.filter((c) => picked.has(c));
    return cols.length ? cols : [...DEFAULT_ACCOUNT_COLUMNS];
  });

export const accountListQuerySchema = accountFilterSchema.extend({
  pageSize: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).catch(25),
  sort: z.enum(ACCOUNT_SORTS).catch("storeName"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  cursor: z.unknown().optional().transform(decodeCursor),
  cols: columnsParam,
  density: z.enum(["comfortable", "compact"]).catch("comfortable"),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

const FILTER_KEYS = ["q", "client", "market", "plan", "status", "severity", "rule", "min", "max"] as const;

/**
 * Every parameter the table reads: its filters, its other state, and `col` (the column menu's checkboxes). Any
 * other name in its link is named as unknown (decision 067); the table's own links carry only these.
 */
export const ACCOUNT_LIST_PARAMETERS: readonly string[] = [...FILTER_KEYS, "pageSize", "sort", "dir", "cursor", "cols", "col", "density"];

type RawParams = QueryParams;

/**
 * Reads URLSearchParams or Next's searchParams object; a repeated parameter counts by its first value.
 * The column menu's checkboxes arrive as repeated `col` values and replace `cols`.
 */
export function parseAccountListQuery(raw: RawParams): AccountListQuery {
  const keys = ACCOUNT_LIST_PARAMETERS.filter((k) => k !== "col");
  const values: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, all(raw, k)[0]]));
  const checked = all(raw, "col");
  if (checked.length) values.cols = checked.join(",");
  return accountListQuerySchema.parse(values);
}

const wholeScore = (): IgnoredReason => ({ kind: "wholeNumber", min: 0, max: 100 });
const ACCOUNT_FILTER_REASONS: Record<(typeof FILTER_KEYS)[number], (raw: string) => IgnoredReason> = {
  q: textReason(ACCOUNT_SEARCH_MAX_LENGTH),
  client: textReason(CLIENT_FILTER_MAX_LENGTH),
  market: () => ({ kind: "marketplace" }),
  plan: oneOf(ACCOUNT_PLANS),
  status: oneOf(ACCOUNT_STATUSES),
  severity: oneOf(SEVERITIES),
  rule: () => ({ kind: "rule" }),
  min: wholeScore,
  max: wholeScore,
};

/**
 * The table's state, and the filters the URL gave that it could not use, so the page can say which and why
 * instead of listing every account as if none had been asked for. `alsoRead`: parameters the caller reads itself
 * beside the table's (the snapshot download's `view`, `format`, `lang`), which are not unknown.
 */
export function parseAccountListPage(raw: RawParams, alsoRead: readonly string[] = []): AccountListPageState {
  const query = parseAccountListQuery(raw);
  const checks: FilterCheck[] = FILTER_KEYS.map((name) => {
    const [first, ...later] = all(raw, name);
    return { name, raw: first, later, applied: query[name] !== undefined, reason: ACCOUNT_FILTER_REASONS[name] };
  });
  return { query, ignored: [...ignoredFilters(checks), ...unknownParameters(raw, new Set([...ACCOUNT_LIST_PARAMETERS, ...alsoRead]), FILTER_KEYS)] };
}

/** What parseAccountListPage gives: the table's state and the filters it did not apply. */
export interface AccountListPageState {
  query: AccountListQuery;
  ignored: IgnoredFilter[];
}

/**
 * The state without its client filter, which names no client the reader can reach (the database said so): dropped and
 * named like any filter the table cannot apply (decisions 066, 093), after the filters before it in the link. The
 * table then lists every account the reader sees, as for any dropped filter, instead of "0 accounts" without a word,
 * from its first page.
 */
export function withoutUnreachableClient({ query, ignored }: AccountListPageState): AccountListPageState {
  if (query.client === undefined) return { query, ignored };
  const named: IgnoredFilter = { name: "client", value: shownValue(query.client), reason: { kind: "noSuchClient" } };
  const at = ignored.findIndex((i) => i.name !== "q" || i.reason.kind === "unknown");
  // A page position belongs to the filtered list: kept, it would open the whole list somewhere in its middle.
  return { query: { ...query, client: undefined, cursor: undefined }, ignored: at === -1 ? [...ignored, named] : [...ignored.slice(0, at), named, ...ignored.slice(at)] };
}

/**
 * A page position (`cursor`) in the link that the table could not read: not one it wrote, or cut or edited. The table
 * starts at the first page; the page says so as a page position, not as a filter (nothing was filtered). A blank one
 * is no position, as a blank filter is no filter.
 */
export function isCursorUnread(raw: RawParams, query: Pick<AccountListQuery, "cursor">): boolean {
  const given = all(raw, "cursor")[0];
  return given !== undefined && given.trim() !== "" && query.cursor === undefined;
}

/**
 * A search too long to apply (from an edited or shared link: the box itself stops at the limit). It
 * falls back to no search like any malformed parameter, but the page says so instead of silently
 * listing every account.
 */
export function isAccountSearchTooLong(raw: RawParams): boolean {
  return (all(raw, "q")[0]?.trim().length ?? 0) > ACCOUNT_SEARCH_MAX_LENGTH;
}

/**
 * A minimum score above the maximum: no account can match. The range stays in the URL as typed (the
 * reader fixes one of the two numbers), but the page says why the table is empty.
 */
export function isScoreRangeInverted(query: Pick<AccountFilter, "min" | "max">): boolean {
  return query.min !== undefined && query.max !== undefined && query.min > query.max;
}

/** A URL from a submitted form (empty fields, checkbox lists) rather than the canonical one. */
export function isCanonicalAccountSearch(raw: RawParams): boolean {
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));
  return entries.every(([k, v]) => k !== "col" && v !== "" && v !== undefined);
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** The canonical query string of a table state: defaults are left out, so equal states give equal URLs. */
export function accountListSearch(query: AccountListQuery, change: Partial<AccountListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "client", "market", "plan", "status", "severity", "rule"] as const) {
    if (next[key]) params.set(key, next[key]);
  }
  if (next.min !== undefined) params.set("min", String(next.min));
  if (next.max !== undefined) params.set("max", String(next.max));
  if (next.sort !== "storeName") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  if (!sameColumns(next.cols, DEFAULT_ACCOUNT_COLUMNS)) params.set("cols", next.cols.length ? next.cols.join(",") : "none");
  if (next.density !== "comfortable") params.set("density", next.density);
  if (next.cursor) params.set("cursor", encodeCursor(next.cursor));
  return params.toString();
}

export function accountListHref(query: AccountListQuery, change: Partial<AccountListQuery> = {}): string {
  const s = accountListSearch(query, change);
  return s ? `/accounts?${s}` : "/accounts";
}

/** What a form of the table does not edit, and so carries along as hidden fields. */
export type KeptPart = "sort" | "pageSize" | "cols" | "density" | "filters";

/**
 * The hidden fields that carry the state a form does not edit (name, value), so submitting it keeps the
 * sort, columns and density. The columns always travel, `none` included: a form with no `col` box ticked
 * must not fall back to the default columns.
 */
export function keptParams(query: AccountListQuery, except: readonly KeptPart[]): [string, string][] {
  const keep: [string, string][] = [];
  if (!except.includes("sort") && query.sort !== "storeName") keep.push(["sort", query.sort]);
  if (!except.includes("sort") && query.dir !== "asc") keep.push(["dir", query.dir]);
  if (!except.includes("pageSize") && query.pageSize !== 25) keep.push(["pageSize", String(query.pageSize)]);
  if (!except.includes("cols")) keep.push(["cols", query.cols.length ? query.cols.join(",") : "none"]);
  if (!except.includes("density") && query.density !== "comfortable") keep.push(["density", query.density]);
  if (!except.includes("filters")) {
    for (const key of FILTER_KEYS) if (query[key] !== undefined) keep.push([key, String(query[key])]);
  }
  return keep;
}

export function hasAccountFilters(query: AccountFilter): boolean {
  return FILTER_KEYS.some((k) => query[k] !== undefined);
}

// An id is printable: a control character (`%00` in a path) is no account's (record-fields.ts says why).
export const accountIdSchema = recordId;

export const createSavedViewSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(VIEW_NAME_MAX_LENGTH, "validation.viewNameTooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY),
  /** The table's query string; re-parsed and re-serialised so only known, valid state is stored. */
  query: z.string().max(4000).transform((q) => accountListSearch(parseAccountListQuery(new URLSearchParams(q)), { cursor: undefined })),
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewSchema>;

export const deleteSavedViewSchema = z.object({ id: z.string().min(1).max(64) });
export type DeleteSavedViewInput = z.infer<typeof deleteSavedViewSchema>;
