import "server-only";
import { AppError } from "@/lib/errors";
import { NO_CLIENT, withoutUnreachableClient, type AccountCursor, type AccountFilter, type AccountListPageState, type AccountListQuery } from "@/lib/validation/accounts";
import { TOOL_CATALOGUE } from "@/lib/risk/tools";
import { ACCOUNT_PAGE_SQL, COUNT_CAP, countStatement, cursorFits, pageStatement } from "./accounts-sql";
import { refreshAccountIfStale } from "../findings";
import type { AccountStatus, DeviceKind, FindingStatus, LoginRole, LoginStatus, MethodRole, OtherConsole, PermissionLevel, Plan, Severity, SubjectType, TwoStepKind } from "../generated/enums";
import type { HistoryEntry } from "../history";
import type { LabelRow } from "../labels";
import type { AccountReportRow } from "./account-page-extras";
import type { ApiTokenActor, Provenance } from "./account-provenance";
import type { Scope } from "../scope";
import { dateOrNull } from "../json-dates";
import { reachableClient } from "../clients/client-records";
import { dbFor, scopedRows } from "../tenant";
import { utcToday } from "@/lib/days";

export interface AccountListRow {
  id: string;
  storeName: string;
  sellerId: string | null;
  region: string;
  marketplaces: string[];
  plan: string;
  status: string;
  clientId: string | null;
  clientName: string | null;
  score: number;
  loginCount: number;
  openFindings: number;
  openCritical: number;
  openHigh: number;
  /** The primary login's password change (the oldest if several), ISO; null when unknown. */
  passwordChangedAt: string | null;
  /** The newest login on any of the account's logins, ISO; null when nobody ever logged in. */
  lastLoginAt: string | null;
}

export interface AccountListPage {
  rows: AccountListRow[];
  /** Exact up to COUNT_CAP; `totalCapped` says the real number is larger. */
  total: number;
  totalCapped: boolean;
  pageSize: number;
  next?: AccountCursor;
  prev?: AccountCursor;
  /** The query's cursor was not read (it does not fit the sort: a link whose sort was edited): this is the first page. */
  cursorDropped: boolean;
}

interface RawRow extends Omit<AccountListRow, "passwordChangedAt" | "lastLoginAt"> {
  /** The view's capped total, on every row when asked for (pageStatement's `withTotal`). */
  total?: number;
  k0: string | number;
  k1?: number;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
}

async function fetchPage(scope: Scope, query: Pick<AccountListQuery, AccountFilterKey | "sort" | "dir">, cursor: AccountCursor | undefined, limit: number, withTotal = false) {
  const { sql, params, reversed } = pageStatement(scope, query, query.sort, query.dir, cursor, limit + 1, { withTotal });
  const raw = await scopedRows<RawRow>(scope, sql, params);
  const total = raw[0]?.total;
  const more = raw.length > limit;
  const rows = raw.slice(0, limit);
  if (reversed) rows.reverse();
  const keyOf = (r: RawRow) => (r.k1 === undefined ? [r.k0] : [r.k0, r.k1]);
  return {
    more,
    total,
    first: rows[0] ? { keys: keyOf(rows[0]), id: rows[0].id } : undefined,
    last: rows.at(-1) ? { keys: keyOf(rows.at(-1)!), id: rows.at(-1)!.id } : undefined,
    rows: rows.map(({ k0: _k0, k1: _k1, total: _total, ...r }): AccountListRow => ({
      ...r,
      passwordChangedAt: r.passwordChangedAt?.toISOString() ?? null,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    })),
  };
}

type AccountFilterKey = keyof AccountFilter;

/**
 * One page of the accounts table, sorted, filtered and keyset-paged by the server in one statement (the page with
 * its counts and the capped total, decision 058), whatever the page size; a page with no rows (nothing matches, or
 * a cursor past the end) counts its total in a second.
 */
export async function listAccounts(scope: Scope, query: AccountListQuery): Promise<AccountListPage> {
  const cursor = cursorFits(query.sort, query.cursor) ? query.cursor : undefined;
  const page = await fetchPage(scope, query, cursor, query.pageSize, true);
  let n = page.total;
  if (n === undefined) {
    const count = countStatement(scope, query);
    n = (await scopedRows<{ n: number }>(scope, count.sql, count.params))[0]?.n ?? 0;
  }
  const backwards = cursor?.direction === "prev";
  // Reading forwards, a previous page exists whenever we came by a cursor; backwards, a next one does.
  const hasPrev = backwards ? page.more : !!cursor;
  const hasNext = backwards ? true : page.more;
  return {
    rows: page.rows,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    pageSize: query.pageSize,
    next: hasNext && page.last ? { direction: "next", ...page.last } : undefined,
    prev: hasPrev && page.first ? { direction: "prev", ...page.first } : undefined,
    cursorDropped: query.cursor !== undefined && !cursor,
  };
}

/**
 * Whether the table's client filter (an id) names a client the caller can reach. No filter, and "no client", always do;
 * another organisation's client, one not assigned to a Manager or Viewer, and an id nobody has do not, alike.
 */
export async function clientFilterReaches(scope: Scope, client: string | undefined): Promise<boolean> {
  if (client === undefined || client === NO_CLIENT) return true;
  return (await reachableClient(scope, client)) !== null;
}

/**
 * The accounts table for a link's state: a client filter naming no client the caller can reach is dropped and named
 * (withoutUnreachableClient), and the table listed without it, rather than "0 accounts" without a word (decision 093).
 * The reach is asked beside the page's statement, so a reachable client costs no round trip; an unreachable one lists again.
 */
export async function listAccountsOfLink(scope: Scope, state: AccountListPageState): Promise<AccountListPageState & { result: AccountListPage }> {
  const [result, reaches] = await Promise.all([listAccounts(scope, state.query), clientFilterReaches(scope, state.query.client)]);
  if (reaches) return { ...state, result };
  const dropped = withoutUnreachableClient(state);
  return { ...dropped, result: await listAccounts(scope, dropped.query) };
}

/** Every account matching the filters in table order, in keyset batches (the CSV export streams them). */
export async function* listAllAccounts(scope: Scope, query: AccountListQuery, batchSize = 1000): AsyncGenerator<AccountListRow[]> {
  let cursor: AccountCursor | undefined;
  for (;;) {
    const page = await fetchPage(scope, query, cursor, batchSize);
    if (page.rows.length) yield page.rows;
    if (!page.more || !page.last) return;
    cursor = { direction: "next", ...page.last };
  }
}

export interface AccountFilterOptions {
  clients: { id: string; name: string }[];
  marketplaces: string[];
}

/** How long the filter choices of one scope are reused: new clients and marketplaces appear within this. */
export const FILTER_OPTIONS_TTL_MS = 30_000;
const filterOptionsCache = new Map<string, { at: number; options: Promise<AccountFilterOptions> }>();

/**
 * Choices for the table's filters: the clients in scope and the marketplaces in use, in one statement,
 * kept for FILTER_OPTIONS_TTL_MS per organisation and client set (the DISTINCT over every account's
 * marketplaces was the costliest statement of a cheap page).
 */
export function listAccountFilterOptions(scope: Scope, now = Date.now()): Promise<AccountFilterOptions> {
  const key = `${scope.orgId}|${scope.clientIds ? [...scope.clientIds].sort().join(",") : "*"}`;
  const hit = filterOptionsCache.get(key);
  if (hit && now - hit.at < FILTER_OPTIONS_TTL_MS) return hit.options;
  const options = readAccountFilterOptions(scope);
  filterOptionsCache.set(key, { at: now, options });
  options.catch(() => filterOptionsCache.delete(key));
  if (filterOptionsCache.size > 1000) {
    for (const [k, v] of filterOptionsCache) if (now - v.at >= FILTER_OPTIONS_TTL_MS) filterOptionsCache.delete(k);
  }
  return options;
}

async function readAccountFilterOptions(scope: Scope): Promise<AccountFilterOptions> {
  const rows = await dbFor(scope).$queryRawUnsafe<{ kind: string; id: string; name: string }[]>(
    `SELECT 'client' AS kind, c.id, c.name FROM "Client" c
      WHERE c."orgId" = $1 AND ($2::text[] IS NULL OR c.id = ANY($2::text[]))
     UNION ALL
     SELECT DISTINCT 'market', m, m FROM "SellerAccount" a, unnest(a.marketplaces) m
      WHERE a."orgId" = $1 AND ($2::text[] IS NULL OR a."clientId" = ANY($2::text[]))
     ORDER BY 1, 3`,
    scope.orgId,
    scope.clientIds,
  );
  return {
    clients: rows.filter((r) => r.kind === "client").map((r) => ({ id: r.id, name: r.name })),
    marketplaces: rows.filter((r) => r.kind === "market").map((r) => r.id),
  };
}

interface LoginDetail {
  id: string;
  role: LoginRole;
  email: string | null;
  status: LoginStatus;
  personId: string;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  person: { id: string; name: string; external: boolean; company: string | null; departedAt: Date | null };
  usedBy: { person: { id: string; name: string } }[];
  twoStepMethods: {
    id: string;
    kind: TwoStepKind;
    role: MethodRole;
    label: string | null;
    phoneLast4: string | null;
    device: { id: string; label: string | null; kind: DeviceKind; skipOtpOnBrowser: boolean; holder: { id: string; name: string } | null } | null;
  }[];
  permissions: { toolId: string; level: PermissionLevel; marketplace: string | null }[];
}

export interface AccountDetail {
  id: string;
  storeName: string;
  sellerId: string | null;
  region: string;
  marketplaces: string[];
  plan: Plan;
  status: AccountStatus;
  lastVerifiedAt: Date | null;
  score: number;
  version: number;
  clientId: string | null;
  client: { id: string; name: string } | null;
  logins: LoginDetail[];
  partners: { id: string; company: string; linkSentAt: Date | null; acceptedAt: Date | null; rights: string[] }[];
  apps: { id: string; appName: string; developer: string | null; authorizedAt: Date | null; expiresAt: Date | null; roles: string[] }[];
  otherAccess: { id: string; console: OtherConsole; role: string; person: { id: string; name: string } }[];
  /** Open and accepted, most severe first. */
  findings: {
    id: string;
    ruleId: string;
    severity: Severity;
    subjectType: SubjectType;
    subjectId: string;
    evidence: string;
    evidenceData: unknown;
    status: FindingStatus;
    acceptedReason: string | null;
    acceptedUntil: Date | null;
    firstSeenAt: Date;
    lastSeenAt: Date;
  }[];
}

export interface AccountPage {
  account: AccountDetail;
  /** Daily scores of the last `SCORE_DAYS` days, oldest first. */
  scores: { day: string; score: number }[];
  /** The newest audit events of the account, newest first. */
  history: HistoryEntry[];
  /** The latest access review per login id. */
  reviews: Map<string, { decision: string; note: string | null; decidedAt: Date; by: string }>;
  /** Each finding's open task, by finding id, named in place of its "Make a task" button. */
  findingTasks: Map<string, OpenFindingTask>;
}

/** A finding's open task, as its account page names it. */
export interface OpenFindingTask {
  id: string;
  assignee: string | null;
  dueOn: string;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
/** Where a record's facts came from and who last checked them, as the statement reads them (its provenance line). */
export interface RawSource { source: Provenance["source"]; verifiedAt: string | null; verifiedById: string | null }
type RawLogin = Omit<Json<LoginDetail>, "usedBy" | "twoStepMethods"> & RawSource & {
  person: Json<LoginDetail["person"]>;
  usedBy: { person: { id: string; name: string; company: string | null } }[];
  twoStepMethods: (LoginDetail["twoStepMethods"][number] & RawSource)[];
  invitedAt: string | null;
  acceptedAt: string | null;
  passwordReused: boolean;
};
/** The account page's one statement, as read (decision 047): what the page shows, and what its forms and provenance lines need. */
export interface AccountPageRow extends Omit<AccountDetail, "logins" | "partners" | "apps" | "otherAccess" | "findings"> {
  stale: boolean;
  source: Provenance["source"];
  verifiedById: string | null;
  logins: RawLogin[];
  partners: (Json<AccountDetail["partners"][number]> & RawSource)[];
  apps: (Json<AccountDetail["apps"][number]> & RawSource)[];
  otherAccess: (AccountDetail["otherAccess"][number] & RawSource)[];
  findings: Json<AccountDetail["findings"][number]>[];
  scores: { day: string; score: number }[];
  events: (Omit<HistoryEntry, "at"> & { at: string })[];
  reviews: { loginId: string; decision: string; note: string | null; decidedAt: string; by: string | null }[];
  openTasks: (OpenFindingTask & { findingId: string })[];
  members: { id: string; name: string }[];
  /** The organisation's API tokens: a record written through one names it (decision 094). */
  apiTokens: ({ id: string } & ApiTokenActor)[];
  /** Null unless asked for: every finding of the account, resolved ones too (the removal preview). */
  findingCount: number | null;
  reports: AccountReportRow[] | null;
  labels: LabelRow[] | null;
}

/** What the account page's statement reads beyond the page itself (each is left out, unread, when false). */
export interface AccountPageWant {
  editing: boolean;
  reports: boolean;
  labels: boolean;
}
const PAGE_ONLY: AccountPageWant = { editing: false, reports: false, labels: false };

const SCORE_DAYS = 90;
const HISTORY_LIMIT = 50;

async function readAccountPage(scope: Scope, id: string, today: string, want: AccountPageWant): Promise<AccountPageRow | undefined> {
  const since = new Date(Date.now() - SCORE_DAYS * 86_400_000);
  const rows = await scopedRows<AccountPageRow>(scope, ACCOUNT_PAGE_SQL, [scope.orgId, scope.clientIds, id, today, since, HISTORY_LIMIT, want.editing, want.reports, want.labels]);
  return rows[0];
}

/**
 * The account page's statement (see ACCOUNT_PAGE_SQL); another tenant's id, or one outside a Manager's
 * clients, is NOT_FOUND. Findings not evaluated since yesterday are recomputed first (age-based rules move
 * with the date), then read again.
 */
export async function readAccountPageRow(scope: Scope, id: string, want: AccountPageWant = PAGE_ONLY): Promise<AccountPageRow> {
  const today = utcToday();
  let row = await readAccountPage(scope, id, today, want);
  if (row?.stale) {
    await refreshAccountIfStale(scope, id);
    row = await readAccountPage(scope, id, today, want);
  }
  if (!row) throw new AppError("NOT_FOUND", "Seller account not found");
  return row;
}

/** The page's data from its row: the provenance and form facts left out, so what is rendered is what it was. */
export function accountPageOf(row: AccountPageRow): AccountPage {
  const { stale: _stale, scores, events, reviews, openTasks, members: _m, apiTokens: _tk, findingCount: _f, reports: _r, labels: _l, source: _s, verifiedById: _v, ...account } = row;
  return {
    account: {
      ...account,
      logins: account.logins.map(({ invitedAt: _i, acceptedAt: _a, passwordReused: _p, source: _ls, verifiedAt: _lv, verifiedById: _lb, ...l }) => ({
        ...l,
        lastLoginAt: dateOrNull(l.lastLoginAt),
        passwordChangedAt: dateOrNull(l.passwordChangedAt),
        person: { ...l.person, departedAt: dateOrNull(l.person.departedAt) },
        usedBy: l.usedBy.map((u) => ({ person: { id: u.person.id, name: u.person.name } })),
        twoStepMethods: l.twoStepMethods.map(({ source: _ms, verifiedAt: _mv, verifiedById: _mb, ...m }) => m),
      })),
      partners: account.partners.map(({ source: _ps, verifiedAt: _pv, verifiedById: _pb, ...p }) => ({ ...p, linkSentAt: dateOrNull(p.linkSentAt), acceptedAt: dateOrNull(p.acceptedAt) })),
      apps: account.apps.map(({ source: _as, verifiedAt: _av, verifiedById: _ab, ...a }) => ({ ...a, authorizedAt: dateOrNull(a.authorizedAt), expiresAt: dateOrNull(a.expiresAt) })),
      otherAccess: account.otherAccess.map(({ source: _os, verifiedAt: _ov, verifiedById: _ob, ...o }) => o),
      findings: account.findings.map((f) => ({ ...f, acceptedUntil: dateOrNull(f.acceptedUntil), firstSeenAt: new Date(f.firstSeenAt), lastSeenAt: new Date(f.lastSeenAt) })),
    },
    scores,
    history: events.map((e) => ({ ...e, at: new Date(e.at) })),
    reviews: new Map(reviews.map((r) => [r.loginId, { decision: r.decision, note: r.note, decidedAt: new Date(r.decidedAt), by: r.by ?? "—" }])),
    findingTasks: new Map(openTasks.map(({ findingId, ...task }) => [findingId, task])),
  };
}

/** The account page's data (without what its forms and provenance lines need); another tenant's id is NOT_FOUND. */
export async function getAccountPageOrThrow(scope: Scope, id: string): Promise<AccountPage> {
  return accountPageOf(await readAccountPageRow(scope, id));
}

/** One account with everything its page shows; another tenant's id is NOT_FOUND. */
export async function getAccountDetailOrThrow(scope: Scope, id: string): Promise<AccountDetail> {
  return (await getAccountPageOrThrow(scope, id)).account;
}

/**
 * The tool areas, from the shipped catalogue the Tool table is synced to at every start
 * (syncToolCatalogue): the same rows, without a statement per page view.
 */
export function listTools(): { id: string; group: string; nameEn: string; nameJa: string; sortOrder: number }[] {
  return TOOL_CATALOGUE.tools.map((tool, index) => ({ id: tool.id, group: tool.group, nameEn: tool.nameEn, nameJa: tool.nameJa, sortOrder: index }));
}
