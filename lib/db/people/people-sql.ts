import "server-only";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../client";
import { evidenceIdsOf, labelsOf } from "../labels";
import { peopleReachedBy } from "../reach-sql";
import type { Scope } from "../scope";

// SQL shared by the people list, the person page and offboarding, so "who may see this person" and
// "how much access they hold" mean the same everywhere. Every statement takes $1 = orgId and
// $2 = the scope's clientIds (NULL = every client).

const IN_CLIENTS = (alias: string) => `($2::text[] IS NULL OR ${alias}."clientId" = ANY($2::text[]))`;

/** The accounts the caller may see, as accountScopeWhere defines them. */
export const SCOPED_ACCOUNTS = `scoped_accounts AS (
  SELECT id FROM "SellerAccount" WHERE "orgId" = $1 AND ($2::text[] IS NULL OR "clientId" = ANY($2::text[])))`;

/**
 * A person is visible to an Owner/Admin always; to a Manager/Viewer only when they hold a login (owned
 * or used), a 2SV device, or other access on an account of the assigned clients: what those accounts reach, as a
 * client-restricted write sees it (lib/db/reach-sql.ts). Needs SCOPED_ACCOUNTS.
 */
export function personVisibility(scope: Scope): { cte: string; where: string } {
  if (scope.clientIds === null) return { cte: "", where: "TRUE" };
  return {
    cte: `, visible AS (${peopleReachedBy("scoped_accounts")})`,
    where: `p.id IN (SELECT id FROM visible)`,
  };
}

/**
 * The logins each person owns or uses on accounts in scope, one row per (person, login): ACCESS_METRICS' first
 * CTE, and the person page's login list (which counts its metrics from it, lib/db/people/person-metrics.ts).
 * "byKey": each login's account looked up by its primary key with the scope's test, for one person's few logins;
 * "scoped" joins the scoped_accounts set, which the planner materialises (every account of the organisation for
 * an Owner: 10,000–40,000 ids read per request for a person holding ten logins).
 */
export const heldLogins = (people: "ids" | "all", accounts: "scoped" | "byKey" = "scoped") => {
  const of = (column: string) => (people === "ids" ? `AND ${column} IN (SELECT id FROM ids)` : "");
  return `held AS (
  SELECT h.pid, l.id, l."accountId", l.status, l.role
  FROM (SELECT "personId" AS pid, id AS lid FROM "Login" WHERE "orgId" = $1 ${of(`"personId"`)}
        UNION
        SELECT "personId", "loginId" FROM "LoginUser" WHERE "orgId" = $1 ${of(`"personId"`)}) h
  JOIN "Login" l ON l.id = h.lid AND l."orgId" = $1
  ${inScopeJoin(accounts, `l."accountId"`)})`;
};

const inScopeJoin = (accounts: "scoped" | "byKey", column: string) =>
  accounts === "byKey" ? `JOIN "SellerAccount" a ON a.id = ${column} AND a."orgId" = $1 AND ${IN_CLIENTS("a")}` : `JOIN scoped_accounts a ON a.id = ${column}`;

/**
 * Access held per person, set-based over the ids in a CTE named `ids` (never one query per person):
 * logins count whether the person owns or uses them, only on accounts in scope. An admin-level login
 * is lib/risk's isAdminLogin: ACTIVE and PRIMARY, ADMIN on any tool, or View & Edit on User Permissions.
 * Joins rather than correlated subqueries: the planner's estimates for those were bad enough to
 * trigger JIT compilation, which cost more than the query itself. "all" = every person of the
 * organisation (no `ids`): scans by organisation instead of one index probe per person.
 */
export const accessMetrics = (people: "ids" | "all", accounts: "scoped" | "byKey" = "scoped") => {
  const of = (column: string) => (people === "ids" ? `AND ${column} IN (SELECT id FROM ids)` : "");
  const inScope = (column: string) => inScopeJoin(accounts, column);
  return `
${heldLogins(people, accounts)},
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
        SELECT o."personId", o."accountId" FROM "OtherAccess" o ${inScope(`o."accountId"`)}
        WHERE o."orgId" = $1 ${of(`o."personId"`)}) x
  GROUP BY pid),
device_counts AS (
  SELECT "holderId" AS pid, count(*) AS devices FROM "Device" WHERE "orgId" = $1 AND "holderId" IS NOT NULL ${of(`"holderId"`)} GROUP BY "holderId")`;
};
export const ACCESS_METRICS = accessMetrics("ids");

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
/** The same order over the stored PersonAccess `pa` (lib/db/people/person-access.ts) joined to people `p`. */
export const storedAccessOrder = (dir: "ASC" | "DESC") =>
  `pa."adminLogins" ${dir}, pa."activeLogins" ${dir}, pa.accounts ${dir}, pa.devices ${dir}, p.name ASC, p.id ASC`;

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

/**
 * Everything the person page shows, in one statement ($3 = the person; no row = not found or not
 * visible): the person (its access metrics are counted from the rows below, as ACCESS_METRICS and FINDING_METRICS define
 * them: lib/db/people/person-metrics.ts) and the accounts in scope where they hold other access; the logins they own or use on accounts
 * in scope (from `held`, by the (orgId, personId) indexes of Login and LoginUser, then by primary key —
 * not an OR over owner and users, which scanned every login of the organisation) with their levels; the
 * devices they hold with the in-scope logins that use them for 2SV; open findings about the person, those
 * logins or devices; the offboarding checklist on accounts in scope (or none), who ticked each item (and to
 * whom a primary login was handed), how many open items lie outside the scope, and how many ticked steps
 * changed records.
 *
 * It also carries what the page read in a second statement until decision 055 (as 047 did for the account page):
 * the person's provenance with the verifier's name, and behind CASE (not run when false) $4 what the editors need
 * (the version, the removal preview's counts, the held devices, whether anyone else could be merged into them),
 * $5 who could take over a primary login with an open hand-over on an account in scope, $6 the names of the people
 * and devices the open findings' evidence mentions.
 */
export function personPageStatement(scope: Scope): string {
  const visible = personVisibility(scope);
  return `
WITH ${visible.cte ? `${SCOPED_ACCOUNTS}${visible.cte},` : ""}
ids AS (SELECT p.id FROM "Person" p WHERE p.id = $3 AND p."orgId" = $1 AND ${visible.where}),
-- Only the held logins: the page counts its metrics from the rows it lists (lib/db/people/person-metrics.ts), not
-- with ACCESS_METRICS' four more CTEs, which were most of this statement's planning time (decision 038).
${heldLogins("ids", "byKey")},
dev AS (SELECT d.id, d.version, d.kind, d.label, d."holderId", d."skipOtpOnBrowser", d.source, d."createdAt" FROM "Device" d WHERE d."orgId" = $1 AND d."holderId" IN (SELECT id FROM ids)),
-- FINDING_METRICS's set, listed: the page's count is its length (one pass over the findings, not two).
person_findings AS (
  SELECT f.id, f."ruleId", f.severity, f.evidence, f."evidenceData", f."firstSeenAt", f."subjectType", f."subjectId", a.id AS "accountId", a."storeName"
  FROM (SELECT id AS sid, 'person' AS t FROM ids UNION SELECT id, 'login' FROM held UNION SELECT id, 'device' FROM dev) s
  JOIN "Finding" f ON f."orgId" = $1 AND f.status = 'OPEN' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
  JOIN "SellerAccount" a ON a.id = f."accountId" AND a."orgId" = $1 AND ${IN_CLIENTS("a")}),
-- The accounts in scope with an open hand-over to tick, when the caller may tick it ($5).
handover AS (
  SELECT t."accountId" FROM "OffboardingTask" t JOIN "SellerAccount" ta ON ta.id = t."accountId" AND ta."orgId" = $1 AND ${IN_CLIENTS("ta")}
  WHERE $5 AND t."orgId" = $1 AND t."personId" IN (SELECT id FROM ids) AND t.kind = 'PRIMARY_HANDOVER' AND t."doneAt" IS NULL)
SELECT p.id, p.name, p.email, p.company, p.external, p."departedAt", p."offboardingStartedAt", p.version, p.source, p."verifiedAt",
  -- A verifier's name is shown only when they are a member of this organisation (users are not tenant rows).
  (SELECT u.name FROM "Membership" mb JOIN "User" u ON u.id = mb."userId" WHERE mb."orgId" = $1 AND mb."userId" = p."verifiedById") AS "verifiedBy",
  -- …or the API token the write came through (decision 094).
  (SELECT json_build_object('name', tk.name, 'revoked', tk."revokedAt" IS NOT NULL) FROM "ApiToken" tk WHERE tk."orgId" = $1 AND tk.id = p."verifiedById") AS "verifiedByToken",
  -- For the accounts metric (ACCESS_METRICS' account_counts): accounts in scope where they hold other access.
  (SELECT coalesce(json_agg(DISTINCT o."accountId"), '[]') FROM "OtherAccess" o
   JOIN "SellerAccount" a ON a.id = o."accountId" AND a."orgId" = $1 AND ${IN_CLIENTS("a")}
   WHERE o."orgId" = $1 AND o."personId" = p.id) AS "otherAccessAccounts",
  (SELECT coalesce(json_agg(json_build_object(
      'id', l.id, 'role', l.role, 'email', l.email, 'status', l.status, 'lastLoginAt', l."lastLoginAt", 'personId', l."personId",
      'person', json_build_object('id', o.id, 'name', o.name),
      'account', json_build_object('id', a.id, 'storeName', a."storeName", 'sellerId', a."sellerId"),
      'permissions', (SELECT coalesce(json_agg(json_build_object('level', g.level, 'marketplace', g.marketplace,
            'tool', json_build_object('id', t.id, 'nameJa', t."nameJa", 'nameEn', t."nameEn", 'sortOrder', t."sortOrder"))
          ORDER BY t."sortOrder", g.marketplace NULLS FIRST, g.id), '[]')
        FROM "PermissionGrant" g JOIN "Tool" t ON t.id = g."toolId"
        WHERE g."orgId" = $1 AND g."loginId" = l.id AND g.level <> 'NONE'))
    ORDER BY a."storeName", l.role, l.email, l.id), '[]')
   FROM (SELECT DISTINCT id FROM held) h
   JOIN "Login" l ON l.id = h.id AND l."orgId" = $1
   JOIN "SellerAccount" a ON a.id = l."accountId" AND a."orgId" = $1
   JOIN "Person" o ON o.id = l."personId" AND o."orgId" = $1) AS logins,
  (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'label', d.label, 'skipOtpOnBrowser', d."skipOtpOnBrowser",
      'methods', (SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'role', m.role,
            'login', json_build_object('id', l.id, 'email', l.email, 'status', l.status, 'role', l.role,
              'person', json_build_object('id', o.id, 'name', o.name), 'account', json_build_object('id', a.id, 'storeName', a."storeName")))
          ORDER BY a."storeName", l.email, m.id), '[]')
        FROM "TwoStepMethod" m
        JOIN "Login" l ON l.id = m."loginId" AND l."orgId" = $1
        JOIN "SellerAccount" a ON a.id = l."accountId" AND a."orgId" = $1 AND ${IN_CLIENTS("a")}
        JOIN "Person" o ON o.id = l."personId" AND o."orgId" = $1
        WHERE m."orgId" = $1 AND m."deviceId" = d.id))
    ORDER BY d.kind, d.label, d.id), '[]')
   FROM dev d) AS "deviceList",
  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'ruleId', f."ruleId", 'severity', f.severity, 'evidence', f.evidence, 'evidenceData', f."evidenceData",
      'firstSeenAt', f."firstSeenAt", 'subjectType', f."subjectType", 'subjectId', f."subjectId", 'account', json_build_object('id', f."accountId", 'storeName', f."storeName"))
    ORDER BY f.severity, f."ruleId", f.id), '[]')
   FROM person_findings f) AS findings,
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'kind', t.kind, 'createdAt', t."createdAt", 'doneAt', t."doneAt", 'doneById', t."doneById",
      'loginId', t."loginId", 'deviceId', t."deviceId",
      'login', CASE WHEN tl.id IS NULL THEN NULL ELSE json_build_object('id', tl.id, 'email', tl.email, 'role', tl.role, 'status', tl.status, 'personId', tl."personId") END,
      'device', CASE WHEN td.id IS NULL THEN NULL ELSE json_build_object('id', td.id, 'label', td.label, 'kind', td.kind) END,
      'account', CASE WHEN ta.id IS NULL THEN NULL ELSE json_build_object('id', ta.id, 'storeName', ta."storeName") END,
      'doneByName', (SELECT u.name FROM "User" u JOIN "Membership" mm ON mm."userId" = u.id AND mm."orgId" = $1 WHERE u.id = t."doneById" LIMIT 1),
      'handedTo', (SELECT json_build_object('id', hp.id, 'name', hp.name) FROM "Person" hp WHERE hp.id = t."handedToId" AND hp."orgId" = $1))
    ORDER BY t.kind, t."createdAt", t.id), '[]')
   FROM "OffboardingTask" t
   LEFT JOIN "Login" tl ON tl.id = t."loginId" AND tl."orgId" = $1
   LEFT JOIN "Device" td ON td.id = t."deviceId" AND td."orgId" = $1
   LEFT JOIN "SellerAccount" ta ON ta.id = t."accountId" AND ta."orgId" = $1
   WHERE t."orgId" = $1 AND t."personId" = p.id AND (t."accountId" IS NULL OR (ta.id IS NOT NULL AND ${IN_CLIENTS("ta")}))) AS tasks,
  (SELECT count(*)::int FROM "OffboardingTask" t LEFT JOIN "SellerAccount" ta ON ta.id = t."accountId" AND ta."orgId" = $1
   WHERE t."orgId" = $1 AND t."personId" = p.id AND t."doneAt" IS NULL AND t."accountId" IS NOT NULL
     AND NOT (ta.id IS NOT NULL AND ${IN_CLIENTS("ta")})) AS "hiddenOpen",
  -- Ticked steps that changed records, in or out of scope: while there are any, the offboarding cannot be cancelled.
  (SELECT count(*)::int FROM "OffboardingTask" t WHERE t."orgId" = $1 AND t."personId" = p.id AND t."doneAt" IS NOT NULL AND t.kind <> 'DEVICE_REHOME') AS "changedSteps",
  -- The removal preview counts every record of the person, in scope or not (the page lists only those in scope).
  CASE WHEN $4 THEN json_build_object(
    'ownedLogins', (SELECT count(*)::int FROM "Login" WHERE "orgId" = $1 AND "personId" = p.id),
    'loginUses', (SELECT count(*)::int FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" WHERE lu."orgId" = $1 AND lu."personId" = p.id AND l."personId" <> p.id),
    'otherAccess', (SELECT count(*)::int FROM "OtherAccess" WHERE "orgId" = $1 AND "personId" = p.id),
    'devices', (SELECT count(*)::int FROM dev)
  ) END AS removal,
  CASE WHEN $4 THEN (SELECT coalesce(json_agg(json_build_object('id', d.id, 'version', d.version, 'kind', d.kind, 'label', d.label, 'holderId', d."holderId",
      'skipOtpOnBrowser', d."skipOtpOnBrowser", 'source', d.source) ORDER BY d."createdAt", d.id), '[]')
    FROM dev d) END AS "heldDevices",
  -- Whether the merge form has anyone to offer; its picker searches /api/people, so no list of people is read.
  CASE WHEN $4 THEN EXISTS (SELECT 1 FROM "Person" o WHERE o."orgId" = $1 AND o.id <> p.id) END AS "hasOthers",
  -- As listHandoverCandidates finds them: current staff (not external, not departed) who hold or use a login on one
  -- of those accounts, or, for callers who see every client, work at the leaver's company; by name, at most 100.
  CASE WHEN EXISTS (SELECT 1 FROM handover) THEN (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'email', c.email) ORDER BY c.name, c.id), '[]') FROM (
      SELECT c.id, c.name, c.email FROM "Person" c
       WHERE c."orgId" = $1 AND c.id <> p.id AND NOT c.external AND c."departedAt" IS NULL AND (
         EXISTS (SELECT 1 FROM "Login" l WHERE l."orgId" = $1 AND l."personId" = c.id AND l."accountId" IN (SELECT "accountId" FROM handover))
         OR EXISTS (SELECT 1 FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" WHERE lu."orgId" = $1 AND lu."personId" = c.id AND l."accountId" IN (SELECT "accountId" FROM handover))
         OR ($2::text[] IS NULL AND c.company = p.company))
       ORDER BY c.name, c.id LIMIT 100
    ) c) ELSE '[]' END AS candidates,
  CASE WHEN $6 THEN (SELECT coalesce(json_agg(x), '[]') FROM (${labelsOf(evidenceIdsOf("person_findings f"))}) x) END AS labels
FROM "Person" p
WHERE p."orgId" = $1 AND p.id IN (SELECT id FROM ids)`;
}
