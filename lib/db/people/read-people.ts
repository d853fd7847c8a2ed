import "server-only";
import type { PersonListQuery } from "@/lib/validation/people";
import { AppError } from "@/lib/errors";
import type { DeviceKind, LoginRole, LoginStatus, MethodRole, OffboardingTaskKind, PermissionLevel, Severity, SubjectType, TwoStepKind } from "../generated/enums";
import { personMetrics, type PersonMetrics } from "./person-metrics";
import type { PersonPageWant, RawPersonExtras } from "./person-page-extras";
import { ACCESS_JOINS, ACCESS_METRICS, accessOrder, FINDING_METRICS, storedAccessOrder, METRIC_COLUMNS, METRIC_JOINS, personPageStatement, personVisibility, SCOPED_ACCOUNTS, scopeParams } from "./people-sql";
import type { Scope } from "../scope";
import { dateOrNull } from "../json-dates";
import { scopedRows } from "../tenant";

export interface PersonListRow {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  external: boolean;
  /** UTC day, or null while the person is still with us. */
  departedAt: string | null;
  activeLogins: number;
  adminLogins: number;
  accounts: number;
  devices: number;
  openFindings: number;
}

export interface PersonListPage {
  rows: PersonListRow[];
  total: number;
  page: number;
  pageSize: number;
}

// $3 search text, $4 external filter, $5 departed filter (NULL = either).
const candidates = (scope: Scope) => {
  const visible = personVisibility(scope);
  return `${SCOPED_ACCOUNTS}${visible.cte}, candidates AS (
  SELECT p.id, p.name FROM "Person" p
  WHERE p."orgId" = $1
    AND ($3::text IS NULL
         OR strpos(lower(p.name), lower($3)) > 0
         OR strpos(lower(coalesce(p.company, '')), lower($3)) > 0
         OR strpos(lower(coalesce(p.email, '')), lower($3)) > 0
         OR EXISTS (SELECT 1 FROM "Login" l WHERE l."orgId" = $1 AND l."personId" = p.id AND strpos(lower(coalesce(l.email, '')), lower($3)) > 0))
    AND ($4::boolean IS NULL OR p.external = $4)
    AND ($5::boolean IS NULL OR (p."departedAt" IS NOT NULL) = $5)
    AND ${visible.where})`;
};

const yesNo = (v: "yes" | "no" | undefined) => (v === undefined ? null : v === "yes");

type MetricRow = Omit<PersonListRow, "departedAt"> & { departedAt: Date | null };

/** Every metric for the given people, in one set-based query (never one per person). */
async function metricsFor(scope: Scope, personIds: string[]): Promise<MetricRow[]> {
  if (personIds.length === 0) return [];
  return scopedRows<MetricRow>(
    scope,
    `WITH ${SCOPED_ACCOUNTS}, ids AS (SELECT unnest($3::text[]) AS id), ${ACCESS_METRICS}, ${FINDING_METRICS}
     SELECT p.id, p.name, p.email, p.company, p.external, p."departedAt", ${METRIC_COLUMNS}
     FROM "Person" p ${METRIC_JOINS} WHERE p."orgId" = $1 AND p.id IN (SELECT id FROM ids)`,
    [...scopeParams(scope), personIds],
  );
}

/** The ids of one page of candidates ($6 limit, $7 offset), in the list's order. */
function pageStatement(scope: Scope, query: PersonListQuery): string {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  if (query.sort === "name") return `WITH ${candidates(scope)} SELECT id FROM candidates ORDER BY name ${dir}, id ASC LIMIT $6 OFFSET $7`;
  // By access over the whole organisation: the stored PersonAccess, in its index's order.
  if (scope.clientIds === null)
    return `WITH ${candidates(scope)}
      SELECT p.id FROM "PersonAccess" pa JOIN candidates p ON p.id = pa."personId" WHERE pa."orgId" = $1
      ORDER BY ${storedAccessOrder(dir)} LIMIT $6 OFFSET $7`;
  // Within a Manager's clients: counted for the visible candidates (findings are not needed to order:
  // they are counted for the page only).
  return `WITH ${candidates(scope)}, ids AS (SELECT id FROM candidates), ${ACCESS_METRICS}
    SELECT p.id FROM "Person" p ${ACCESS_JOINS} WHERE p."orgId" = $1 AND p.id IN (SELECT id FROM ids)
    ORDER BY ${accessOrder(dir)} LIMIT $6 OFFSET $7`;
}

/** The stored open findings of `fc` (PersonFindingCount), as the list shows them: one number. */
const STORED_OPEN_FINDINGS = `coalesce(fc."openCritical" + fc."openHigh" + fc."openMedium" + fc."openLow", 0)::int AS "openFindings"`;
const STORED_COLUMNS = `p.id, p.name, p.email, p.company, p.external, p."departedAt",
  coalesce(pa."activeLogins", 0)::int AS "activeLogins", coalesce(pa."adminLogins", 0)::int AS "adminLogins",
  coalesce(pa.accounts, 0)::int AS accounts, coalesce(pa.devices, 0)::int AS devices, ${STORED_OPEN_FINDINGS}`;

/**
 * Over the whole organisation, one statement reads the page with every metric and the total from what is
 * stored (PersonAccess, PersonFindingCount, PersonCount; decisions 008 and 035): nothing is counted over
 * every person or finding of the organisation per request. Filtered, the total counts the candidates.
 * Unfiltered: $1 orgId, $2 limit, $3 offset. Filtered: as pageStatement ($1-$5, then $6 limit, $7 offset).
 */
function storedPageStatement(scope: Scope, query: PersonListQuery, filtered: boolean): string {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const byName = query.sort === "name";
  const order = byName ? `p.name ${dir}, p.id ASC` : storedAccessOrder(dir);
  const from = byName
    ? `"Person" p LEFT JOIN "PersonAccess" pa ON pa."personId" = p.id`
    : `"PersonAccess" pa JOIN "Person" p ON p.id = pa."personId" AND p."orgId" = $1`;
  const where = byName ? `p."orgId" = $1` : `pa."orgId" = $1`;
  const joins = `LEFT JOIN "PersonFindingCount" fc ON fc."personId" = p.id`;
  if (!filtered)
    return `SELECT ${STORED_COLUMNS}, (SELECT people FROM "PersonCount" WHERE "orgId" = $1) AS total
      FROM ${from} ${joins} WHERE ${where} ORDER BY ${order} LIMIT $2 OFFSET $3`;
  return `WITH ${candidates(scope)} SELECT ${STORED_COLUMNS}, (SELECT count(*)::int FROM candidates) AS total
      FROM ${from} ${joins} WHERE ${where} AND p.id IN (SELECT id FROM candidates) ORDER BY ${order} LIMIT $6 OFFSET $7`;
}

type StoredRow = MetricRow & { total: number | null };
const toRow = (r: MetricRow): PersonListRow => ({ ...r, departedAt: r.departedAt ? r.departedAt.toISOString().slice(0, 10) : null });

/** People of the organisation visible in scope, with the access each holds; one page, sorted by the server. */
export async function listPeople(scope: Scope, query: PersonListQuery): Promise<PersonListPage> {
  const filterValues = [query.q ?? null, yesNo(query.external), yesNo(query.departed)];
  if (scope.clientIds === null) {
    const filtered = filterValues.some((v) => v !== null);
    const statement = storedPageStatement(scope, query, filtered);
    const read = (limit: number, offset: number) =>
      filtered
        ? scopedRows<StoredRow>(scope, statement, [...scopeParams(scope), ...filterValues, limit, offset])
        : scopedRows<StoredRow>(scope, statement, [scope.orgId, limit, offset]);
    const rows = await read(query.pageSize, (query.page - 1) * query.pageSize);
    // Past the last page no row carries the total: the first row does (a second statement only then).
    const total = rows.length > 0 ? rows[0].total : query.page > 1 ? ((await read(1, 0))[0]?.total ?? 0) : 0;
    return { total: total ?? 0, page: query.page, pageSize: query.pageSize, rows: rows.map(({ total: _total, ...r }) => toRow(r)) };
  }
  const filters = [...scopeParams(scope), ...filterValues];
  const [page, total] = await Promise.all([
    scopedRows<{ id: string }>(scope, pageStatement(scope, query), [...filters, query.pageSize, (query.page - 1) * query.pageSize]),
    scopedRows<{ total: number }>(scope, `WITH ${candidates(scope)} SELECT count(*)::int AS total FROM candidates`, filters),
  ]);
  const rows = new Map((await metricsFor(scope, page.map((p) => p.id))).map((r) => [r.id, r]));
  return {
    total: total[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    rows: page
      .map((p) => rows.get(p.id))
      .filter((r): r is MetricRow => r !== undefined)
      .map(toRow),
  };
}

interface PersonLogin {
  id: string;
  role: LoginRole;
  email: string | null;
  status: LoginStatus;
  lastLoginAt: Date | null;
  personId: string;
  person: { id: string; name: string };
  account: { id: string; storeName: string; sellerId: string | null };
  /** Levels above None, in the catalogue's order. */
  permissions: { level: PermissionLevel; marketplace: string | null; tool: { id: string; nameJa: string; nameEn: string; sortOrder: number } }[];
}

interface DeviceMethod {
  id: string;
  kind: TwoStepKind;
  role: MethodRole;
  login: { id: string; email: string | null; status: LoginStatus; role: LoginRole; person: { id: string; name: string }; account: { id: string; storeName: string } };
}

interface PersonDevice {
  id: string;
  kind: DeviceKind;
  label: string | null;
  skipOtpOnBrowser: boolean;
  /** 2SV methods on logins of accounts in scope that send codes to this device. */
  methods: DeviceMethod[];
  /** The same, on other people's logins. */
  othersLogins: DeviceMethod[];
}

interface PersonFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  evidence: string;
  evidenceData: unknown;
  firstSeenAt: Date;
  subjectType: SubjectType;
  subjectId: string;
  account: { id: string; storeName: string };
}

interface OffboardingItem {
  id: string;
  kind: OffboardingTaskKind;
  createdAt: Date;
  doneAt: Date | null;
  doneById: string | null;
  doneByName: string | null;
  loginId: string | null;
  deviceId: string | null;
  login: { id: string; email: string | null; role: LoginRole; status: LoginStatus; personId: string } | null;
  device: { id: string; label: string | null; kind: DeviceKind } | null;
  account: { id: string; storeName: string } | null;
  /** PRIMARY_HANDOVER once ticked: the current employee the login went to. */
  handedTo: { id: string; name: string } | null;
}

export interface PersonDetail {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  external: boolean;
  departedAt: Date | null;
  /** When the current offboarding was started; null when none (or from before this was recorded). */
  offboardingStartedAt: Date | null;
  metrics: { activeLogins: number; adminLogins: number; accounts: number; devices: number; openFindings: number };
  logins: PersonLogin[];
  devices: PersonDevice[];
  findings: PersonFinding[];
  checklist: {
    tasks: OffboardingItem[];
    /** Open items on accounts outside the caller's clients: counted, never shown. */
    hiddenOpen: number;
    /** Ticked items that changed records (any scope): the offboarding can be cancelled only while 0. */
    changedSteps: number;
  };
}

export interface PersonPageRow extends Omit<MetricRow, "departedAt" | keyof PersonMetrics>, RawPersonExtras {
  otherAccessAccounts: string[];
  departedAt: Date | null;
  offboardingStartedAt: Date | null;
  changedSteps: number;
  logins: (Omit<PersonLogin, "lastLoginAt"> & { lastLoginAt: string | null })[];
  deviceList: Omit<PersonDevice, "othersLogins">[];
  findings: (Omit<PersonFinding, "firstSeenAt"> & { firstSeenAt: string })[];
  tasks: (Omit<OffboardingItem, "createdAt" | "doneAt"> & { createdAt: string; doneAt: string | null })[];
  hiddenOpen: number;
}

const PAGE_ONLY: PersonPageWant = { editing: false, handover: false, labels: false };

/** The person page's row (personPageStatement), with what `want` asks for beyond the page; out of scope → NOT_FOUND. */
export async function readPersonPageRow(scope: Scope, personId: string, want: PersonPageWant = PAGE_ONLY): Promise<PersonPageRow> {
  const [row] = await scopedRows<PersonPageRow>(scope, personPageStatement(scope), [...scopeParams(scope), personId, want.editing, want.handover, want.labels]);
  if (!row) throw new AppError("NOT_FOUND", "Person not found");
  return row;
}

/** What the page renders of its row: the provenance and the editors' facts are left out (person-page-extras.ts). */
export function personDetailOf(row: PersonPageRow): PersonDetail {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    company: row.company,
    external: row.external,
    departedAt: row.departedAt,
    offboardingStartedAt: row.offboardingStartedAt,
    metrics: personMetrics(row.logins, row.otherAccessAccounts, row.deviceList.length, row.findings.length),
    logins: row.logins.map((l) => ({ ...l, lastLoginAt: dateOrNull(l.lastLoginAt) })),
    devices: row.deviceList.map((d) => ({ ...d, othersLogins: d.methods.filter((m) => m.login.person.id !== row.id) })),
    findings: row.findings.map((f) => ({ ...f, firstSeenAt: new Date(f.firstSeenAt) })),
    checklist: {
      tasks: row.tasks.map((t) => ({ ...t, createdAt: new Date(t.createdAt), doneAt: dateOrNull(t.doneAt) })),
      hiddenOpen: row.hiddenOpen,
      changedSteps: row.changedSteps,
    },
  };
}

/**
 * One person with everything their page shows, limited to accounts in scope, in one statement
 * (personPageStatement): the logins they own or use with levels, the devices they hold and whose
 * logins use them for 2SV, open findings about the person, their logins or their devices, and the
 * offboarding checklist. Out of scope → NOT_FOUND.
 */
export async function getPersonDetailOrThrow(scope: Scope, personId: string): Promise<PersonDetail> {
  return personDetailOf(await readPersonPageRow(scope, personId));
}
