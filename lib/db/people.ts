import "server-only";
import type { PersonListQuery } from "@/lib/validation/people";
import { ACCESS_JOINS, ACCESS_METRICS, accessOrder, assertPersonVisible, FINDING_METRICS, METRIC_COLUMNS, METRIC_JOINS, personVisibility, SCOPED_ACCOUNTS, scopeParams } from "./people-sql";
import { accountScopeWhere, type Scope } from "./scope";
import { dbFor } from "./tenant";

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
  return dbFor(scope).$queryRawUnsafe<MetricRow[]>(
    `WITH ${SCOPED_ACCOUNTS}, ids AS (SELECT unnest($3::text[]) AS id), ${ACCESS_METRICS}, ${FINDING_METRICS}
     SELECT p.id, p.name, p.email, p.company, p.external, p."departedAt", ${METRIC_COLUMNS}
     FROM "Person" p ${METRIC_JOINS} WHERE p."orgId" = $1 AND p.id IN (SELECT id FROM ids)`,
    ...scopeParams(scope),
    personIds,
  );
}

/** People of the organisation visible in scope, with the access each holds; one page, sorted by the server. */
export async function listPeople(scope: Scope, query: PersonListQuery): Promise<PersonListPage> {
  const db = dbFor(scope);
  const filters = [...scopeParams(scope), query.q ?? null, yesNo(query.external), yesNo(query.departed)];
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // By access, every candidate's access is needed to order them (findings are not: they are counted
  // for the page only); by name, nothing but the names.
  const pageSql =
    query.sort === "access"
      ? `WITH ${candidates(scope)}, ids AS (SELECT id FROM candidates), ${ACCESS_METRICS}
         SELECT p.id FROM "Person" p ${ACCESS_JOINS} WHERE p."orgId" = $1 AND p.id IN (SELECT id FROM ids)
         ORDER BY ${accessOrder(dir)} LIMIT $6 OFFSET $7`
      : `WITH ${candidates(scope)} SELECT id FROM candidates ORDER BY name ${dir}, id ASC LIMIT $6 OFFSET $7`;
  const [page, total] = await Promise.all([
    db.$queryRawUnsafe<{ id: string }[]>(pageSql, ...filters, query.pageSize, (query.page - 1) * query.pageSize),
    db.$queryRawUnsafe<{ total: number }[]>(`WITH ${candidates(scope)} SELECT count(*)::int AS total FROM candidates`, ...filters),
  ]);
  const rows = new Map((await metricsFor(scope, page.map((p) => p.id))).map((r) => [r.id, r]));
  return {
    total: total[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    rows: page
      .map((p) => rows.get(p.id))
      .filter((r): r is MetricRow => r !== undefined)
      .map((r) => ({ ...r, departedAt: r.departedAt ? r.departedAt.toISOString().slice(0, 10) : null })),
  };
}

/**
 * One person with everything their page shows, limited to accounts in scope: the logins they own or
 * use with levels, the devices they hold and whose logins use them for 2SV, open findings about the
 * person, their logins or their devices, and the offboarding checklist. Out of scope → NOT_FOUND.
 */
export async function getPersonDetailOrThrow(scope: Scope, personId: string) {
  const db = dbFor(scope);
  await assertPersonVisible(db, scope, personId);
  const orgId = scope.orgId;
  const inScope = { orgId, account: accountScopeWhere(scope) };
  const taskInScope = { OR: [{ accountId: null }, { account: accountScopeWhere(scope) }] };
  const [person, logins, devices, tasks, hiddenOpenTasks, metrics] = await Promise.all([
    db.person.findFirstOrThrow({
      where: { id: personId, orgId },
      select: { id: true, name: true, email: true, company: true, external: true, departedAt: true },
    }),
    db.login.findMany({
      where: { ...inScope, OR: [{ personId }, { usedBy: { some: { orgId, personId } } }] },
      orderBy: [{ account: { storeName: "asc" } }, { role: "asc" }, { email: "asc" }],
      select: {
        id: true, role: true, email: true, status: true, lastLoginAt: true, personId: true,
        person: { select: { id: true, name: true } },
        account: { select: { id: true, storeName: true, sellerId: true } },
        permissions: {
          where: { level: { not: "NONE" } },
          select: { level: true, marketplace: true, tool: { select: { id: true, nameJa: true, nameEn: true, sortOrder: true } } },
          orderBy: { tool: { sortOrder: "asc" } },
        },
      },
    }),
    db.device.findMany({
      where: { orgId, holderId: personId },
      orderBy: [{ kind: "asc" }, { label: "asc" }],
      select: {
        id: true, kind: true, label: true, skipOtpOnBrowser: true,
        methods: {
          where: { orgId, login: inScope },
          select: {
            id: true, kind: true, role: true,
            login: { select: { id: true, email: true, status: true, role: true, person: { select: { id: true, name: true } }, account: { select: { id: true, storeName: true } } } },
          },
        },
      },
    }),
    db.offboardingTask.findMany({
      where: { orgId, personId, ...taskInScope },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, kind: true, createdAt: true, doneAt: true, doneById: true, loginId: true, deviceId: true,
        login: { select: { id: true, email: true, role: true, status: true, personId: true } },
        device: { select: { id: true, label: true, kind: true } },
        account: { select: { id: true, storeName: true } },
      },
    }),
    db.offboardingTask.count({ where: { orgId, personId, doneAt: null, NOT: taskInScope } }),
    metricsFor(scope, [personId]),
  ]);
  const subjects = [
    { subjectType: "person" as const, subjectId: personId },
    { subjectType: "login" as const, subjectId: { in: logins.map((l) => l.id) } },
    { subjectType: "device" as const, subjectId: { in: devices.map((d) => d.id) } },
  ];
  const doneBy = [...new Set(tasks.map((t) => t.doneById).filter((id): id is string => !!id))];
  const [findings, users] = await Promise.all([
    db.finding.findMany({
      where: { orgId, status: "OPEN", account: accountScopeWhere(scope), OR: subjects },
      orderBy: [{ severity: "asc" }, { ruleId: "asc" }, { id: "asc" }],
      select: { id: true, ruleId: true, severity: true, evidence: true, evidenceData: true, firstSeenAt: true, subjectType: true, subjectId: true, account: { select: { id: true, storeName: true } } },
    }),
    doneBy.length ? db.user.findMany({ where: { id: { in: doneBy }, memberships: { some: { orgId } } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    ...person,
    metrics: { activeLogins: metrics[0].activeLogins, adminLogins: metrics[0].adminLogins, accounts: metrics[0].accounts, devices: metrics[0].devices, openFindings: metrics[0].openFindings },
    logins,
    devices: devices.map((d) => ({ ...d, othersLogins: d.methods.filter((m) => m.login.person.id !== personId) })),
    findings,
    checklist: {
      tasks: tasks.map((t) => ({ ...t, doneByName: t.doneById ? (names.get(t.doneById) ?? null) : null })),
      /** Open items on accounts outside the caller's clients: counted, never shown. */
      hiddenOpen: hiddenOpenTasks,
    },
  };
}

export type PersonDetail = Awaited<ReturnType<typeof getPersonDetailOrThrow>>;
