import "server-only";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "./client";
import type { Scope } from "./scope";

// SQL shared by the people list, the person page and offboarding, so "who may see this person" and
// "how much access they hold" mean the same everywhere. Every statement takes $1 = orgId and
// $2 = the scope's clientIds (NULL = every client).

/** The accounts the caller may see, as accountScopeWhere defines them. */
export const SCOPED_ACCOUNTS = `scoped_accounts AS (
  SELECT id FROM "SellerAccount" WHERE "orgId" = $1 AND ($2::text[] IS NULL OR "clientId" = ANY($2::text[])))`;

/**
 * A person is visible to an Owner/Admin always; to a Manager/Viewer only when they hold a login (owned
 * or used), a 2SV device, or other access on an account of the assigned clients. The visible ids are
 * one set (not an EXISTS per person, which made the planner's estimates explode). Needs SCOPED_ACCOUNTS.
 */
export function personVisibility(scope: Scope): { cte: string; where: string } {
  if (scope.clientIds === null) return { cte: "", where: "TRUE" };
  return {
    cte: `, visible AS (
      SELECT l."personId" AS id FROM "Login" l JOIN scoped_accounts a ON a.id = l."accountId" WHERE l."orgId" = $1
      UNION SELECT lu."personId" FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" AND l."orgId" = $1
        JOIN scoped_accounts a ON a.id = l."accountId" WHERE lu."orgId" = $1
      UNION SELECT d."holderId" FROM "TwoStepMethod" m JOIN "Device" d ON d.id = m."deviceId" AND d."orgId" = $1
        JOIN "Login" l ON l.id = m."loginId" AND l."orgId" = $1 JOIN scoped_accounts a ON a.id = l."accountId"
        WHERE m."orgId" = $1 AND d."holderId" IS NOT NULL
      UNION SELECT o."personId" FROM "OtherAccess" o JOIN scoped_accounts a ON a.id = o."accountId" WHERE o."orgId" = $1)`,
    where: `p.id IN (SELECT id FROM visible)`,
  };
}

/**
 * Access held per person, set-based over the ids in a CTE named `ids` (never one query per person):
 * logins count whether the person owns or uses them, only on accounts in scope. An admin-level login
 * is lib/risk's isAdminLogin: ACTIVE and PRIMARY, ADMIN on any tool, or View & Edit on User Permissions.
 * Joins rather than correlated subqueries: the planner's estimates for those were bad enough to
 * trigger JIT compilation, which cost more than the query itself.
 */
export const ACCESS_METRICS = `
held AS (
  SELECT h.pid, l.id, l."accountId", l.status, l.role
  FROM (SELECT "personId" AS pid, id AS lid FROM "Login" WHERE "orgId" = $1 AND "personId" IN (SELECT id FROM ids)
        UNION
        SELECT "personId", "loginId" FROM "LoginUser" WHERE "orgId" = $1 AND "personId" IN (SELECT id FROM ids)) h
  JOIN "Login" l ON l.id = h.lid AND l."orgId" = $1
  JOIN scoped_accounts a ON a.id = l."accountId"),
admin_grants AS (
  SELECT DISTINCT g."loginId" FROM "PermissionGrant" g
  WHERE g."orgId" = $1 AND g."loginId" IN (SELECT id FROM held WHERE status = 'ACTIVE')
    AND (g.level = 'ADMIN' OR (g."toolId" = 'USER_PERMISSIONS' AND g.level = 'VIEW_EDIT'))),
login_counts AS (
  SELECT held.pid,
         count(*) FILTER (WHERE held.status = 'ACTIVE') AS active_logins,
         count(*) FILTER (WHERE held.status = 'ACTIVE' AND (held.role = 'PRIMARY' OR ag."loginId" IS NOT NULL)) AS admin_logins
  FROM held LEFT JOIN admin_grants ag ON ag."loginId" = held.id
  GROUP BY held.pid),
account_counts AS (
  SELECT pid, count(DISTINCT aid) AS accounts
  FROM (SELECT pid, "accountId" AS aid FROM held WHERE status = 'ACTIVE'
        UNION
        SELECT o."personId", o."accountId" FROM "OtherAccess" o JOIN scoped_accounts a ON a.id = o."accountId"
        WHERE o."orgId" = $1 AND o."personId" IN (SELECT id FROM ids)) x
  GROUP BY pid),
device_counts AS (
  SELECT "holderId" AS pid, count(*) AS devices FROM "Device" WHERE "orgId" = $1 AND "holderId" IN (SELECT id FROM ids) GROUP BY "holderId")`;

/** Open findings about the person, one of their logins or devices; needs ACCESS_METRICS (for `held`). */
export const FINDING_METRICS = `
finding_counts AS (
  SELECT s.pid, count(*) AS open_findings
  FROM (SELECT id AS pid, 'person' AS t, id AS sid FROM ids
        UNION SELECT pid, 'login', id FROM held
        UNION SELECT "holderId", 'device', id FROM "Device" WHERE "orgId" = $1 AND "holderId" IN (SELECT id FROM ids)) s
  JOIN "Finding" f ON f."orgId" = $1 AND f.status = 'OPEN' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
  JOIN scoped_accounts a ON a.id = f."accountId"
  GROUP BY s.pid)`;

/** Joins of ACCESS_METRICS onto `"Person" p`, and the ordering "most access first" (or last). */
export const ACCESS_JOINS = `LEFT JOIN login_counts lc ON lc.pid = p.id LEFT JOIN account_counts ac ON ac.pid = p.id LEFT JOIN device_counts dc ON dc.pid = p.id`;
export const accessOrder = (dir: "ASC" | "DESC") =>
  `coalesce(lc.admin_logins, 0) ${dir}, coalesce(lc.active_logins, 0) ${dir}, coalesce(ac.accounts, 0) ${dir}, coalesce(dc.devices, 0) ${dir}, p.name ASC, p.id ASC`;

/** Every metric for the people in `ids`: ACCESS_METRICS and FINDING_METRICS joined onto `"Person" p`. */
export const METRIC_COLUMNS = `coalesce(lc.active_logins, 0)::int AS "activeLogins", coalesce(lc.admin_logins, 0)::int AS "adminLogins",
  coalesce(ac.accounts, 0)::int AS accounts, coalesce(dc.devices, 0)::int AS devices, coalesce(fc.open_findings, 0)::int AS "openFindings"`;
export const METRIC_JOINS = `${ACCESS_JOINS} LEFT JOIN finding_counts fc ON fc.pid = p.id`;

export const scopeParams = (scope: Scope) => [scope.orgId, scope.clientIds] as const;

/** Another tenant's person, or one outside a Manager's clients, is NOT_FOUND. */
export async function assertPersonVisible(db: Db | Tx, scope: Scope, personId: string): Promise<void> {
  const visible = personVisibility(scope);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH ${SCOPED_ACCOUNTS}${visible.cte} SELECT p.id FROM "Person" p WHERE p.id = $3 AND p."orgId" = $1 AND ${visible.where}`,
    ...scopeParams(scope),
    personId,
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Person not found");
}
