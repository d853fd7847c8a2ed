import "server-only";
import { NO_CLIENT, type AccountCursor, type AccountFilter, type AccountSort } from "@/lib/validation/accounts";
import { evidenceIdsOf, labelsOf } from "../labels";
import type { Scope } from "../scope";
import { likeLiteral } from "../same-text";

// SQL of the accounts table, shared by the page, the CSV export and the overview's links, so a number
// on the overview and the rows behind its link are counted the same way. $1 is always the orgId; each
// filter that is set adds its test and its parameter, and a filter that is not set adds nothing
// (decision 048: a `$n IS NULL OR …` test is folded away only after the planner has decided how to
// join, so the search's `IN (SELECT …)` stayed a filter over every account of the organisation instead
// of a join from the few matching ones). The search is an ILIKE pattern (containsPattern) for
// gatehouse_accounts_matching (migration 20261130070000_search_function): the logins' e-mails are
// searched once through their trigram index, not once per account.

/** "Contains q", case-insensitively, as an ILIKE pattern: the user's % and _ are literal. */
export const containsPattern = (q: string) => `%${likeLiteral(q)}%`;

const SEVERITY_COLUMNS = { critical: "openCritical", high: "openHigh", medium: "openMedium", low: "openLow" } as const;

/**
 * The scoped, filtered accounts `a` but for the search: the WHERE clause, its parameters pushed onto `params`
 * (which must be empty: the orgId becomes $1). "Has an open finding of this severity / rule" reads the
 * account's stored open counts and rule ids (kept by triggers on Finding, decision 024), not the findings.
 */
function accountFilters(scope: Scope, f: AccountFilter, params: unknown[]): string[] {
  if (params.length) throw new Error("accountFilters: the orgId must be $1");
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const tests = [`a."orgId" = ${p(scope.orgId)}`];
  if (scope.clientIds) tests.push(`a."clientId" = ANY(${p(scope.clientIds)}::text[])`);
  if (f.client != null) {
    const at = p(f.client);
    tests.push(f.client === NO_CLIENT ? `(a."clientId" = ${at}::text OR a."clientId" IS NULL)` : `a."clientId" = ${at}::text`);
  }
  if (f.market != null) tests.push(`${p(f.market)}::text = ANY(a.marketplaces)`);
  if (f.plan != null) tests.push(`a.plan::text = ${p(f.plan)}::text`);
  if (f.status != null) tests.push(`a.status::text = ${p(f.status)}::text`);
  if (f.severity != null) tests.push(f.severity in SEVERITY_COLUMNS ? `a."${SEVERITY_COLUMNS[f.severity]}" > 0` : "false");
  if (f.rule != null) tests.push(`a."openRuleIds" @> ARRAY[${p(f.rule)}::text]`);
  if (f.min != null) tests.push(`a.score >= ${p(f.min)}::int`);
  if (f.max != null) tests.push(`a.score <= ${p(f.max)}::int`);
  return tests;
}

/**
 * Up to this many search matches, the statement looks each matching account up by its key; beyond, it reads
 * the organisation's accounts once and tests each against the hashed matches (decision 048). Looking up 10,000
 * matches one by one cost twice the function's own 70 ms; reading 10,000 accounts to keep one cost 3 ms.
 */
export const SEARCH_BY_KEY_MAX = 500;

/**
 * `SELECT ${columns} FROM "SellerAccount" a ${joins}` over the filtered accounts, and the CTE it needs (`m`, the
 * search's matches, computed once) or "". The planner cannot know how many accounts a search matches (the
 * function hides it), so both ways are in the statement and the count of matches picks one at run time: each
 * branch's count test is a one-time filter, and the branch it turns off is never executed.
 */
export function filteredAccounts(scope: Scope, f: AccountFilter, params: unknown[], columns: string, joins = ""): { cte: string; branches: string[]; wholeOrg: boolean } {
  const tests = accountFilters(scope, f, params);
  const where = tests.join("\n        AND ");
  const from = `SELECT ${columns}
      FROM "SellerAccount" a ${joins}
      WHERE`;
  if (!f.q) return { cte: "", branches: [`${from} ${where}`], wholeOrg: tests.length === 1 };
  params.push(containsPattern(f.q));
  return {
    wholeOrg: false,
    cte: `m AS MATERIALIZED (SELECT gatehouse_accounts_matching($1, $${params.length}::text) AS id)`,
    // "OR false" keeps the second test a hashed filter: a top-level IN would become a join, planned as the first.
    branches: [
      `${from} (SELECT count(*) FROM m) <= ${SEARCH_BY_KEY_MAX} AND a.id = ANY(ARRAY(SELECT id FROM m))
        AND ${where}`,
      `${from} (SELECT count(*) FROM m) > ${SEARCH_BY_KEY_MAX} AND (a.id IN (SELECT id FROM m) OR false)
        AND ${where}`,
    ],
  };
}

interface SortKey {
  /** Key expressions, most significant first; the account id always breaks ties. */
  exprs: string[];
  types: ("text" | "int" | "float8")[];
  /** Set-based joins the keys need, over every filtered account (never one query per row). */
  joins: string;
  /** "asc" in the URL means descending keys (password age ascending = changed most recently). */
  invert: boolean;
}

const epoch = (column: string) => `coalesce(extract(epoch FROM ${column})::float8, 0)`;

export const SORT_KEYS: Record<AccountSort, SortKey> = {
  storeName: { exprs: [`a."storeName"`], types: ["text"], joins: "", invert: false },
  score: { exprs: ["a.score"], types: ["int"], joins: "", invert: false },
  risk: {
    exprs: [`a."openCritical"`, `a."openHigh"`],
    types: ["int", "int"],
    joins: "",
    invert: false,
  },
  // Unknown dates count as oldest (epoch 0): an unknown password age or a login never seen is a risk.
  passwordAge: {
    exprs: [epoch("pw.changed")],
    types: ["float8"],
    joins: `LEFT JOIN (SELECT "accountId", min("passwordChangedAt") AS changed FROM "Login"
                       WHERE "orgId" = $1 AND role = 'PRIMARY' AND status <> 'REMOVED' GROUP BY "accountId") pw ON pw."accountId" = a.id`,
    invert: true,
  },
  lastLogin: {
    exprs: [epoch("ll.last")],
    types: ["float8"],
    joins: `LEFT JOIN (SELECT "accountId", max("lastLoginAt") AS last FROM "Login" WHERE "orgId" = $1 GROUP BY "accountId") ll ON ll."accountId" = a.id`,
    invert: false,
  },
};

export interface PageStatement {
  sql: string;
  params: unknown[];
  /** The statement reads backwards (a "previous" cursor): reverse its rows. */
  reversed: boolean;
}

/** A cursor fits a sort when its keys have the sort's types; otherwise it is ignored (first page). */
export function cursorFits(sort: AccountSort, cursor: AccountCursor | undefined): cursor is AccountCursor {
  if (!cursor) return false;
  const { types } = SORT_KEYS[sort];
  return cursor.keys.length === types.length && cursor.keys.every((k, i) => (types[i] === "text" ? typeof k === "string" : typeof k === "number"));
}

/**
 * One statement: the page's ids by keyset, then its display columns over those ids only. `withTotal`: each row also
 * carries the view's capped total (`total`, countStatement's figure), counted once in the same statement (decision 058):
 * one statement, one tenant setting and one implicit transaction fewer per page, and a search's matches found once for
 * both. A page with no rows carries no total; the caller counts apart then (countStatement).
 */
export function pageStatement(
  scope: Scope,
  filter: AccountFilter,
  sort: AccountSort,
  dir: "asc" | "desc",
  cursor: AccountCursor | undefined,
  limit: number,
  { withTotal = false }: { withTotal?: boolean } = {},
): PageStatement {
  const key = SORT_KEYS[sort];
  const params: unknown[] = [];
  // The page's rows carry their display columns from the keyset scan, so the account is not read twice; the client's
  // name and the logins' figures are looked up per row of the page (decision 048: fewer joins to plan per view).
  const columns = `a.id, ${key.exprs.map((e, i) => `${e} AS k${i}`).join(", ")}, a."storeName", a."sellerId", a.region, a.marketplaces, a.plan, a.status,
             a.score, a."clientId", a."openCritical", a."openHigh", a."openMedium", a."openLow"`;
  const filtered = filteredAccounts(scope, filter, params, columns, key.joins);
  const backwards = cursor?.direction === "prev";
  const ascending = (dir === "asc") !== key.invert !== backwards;
  const order = ascending ? "ASC" : "DESC";
  const keyCols = key.exprs.map((_, i) => `k${i}`);
  let seek = "";
  if (cursor) {
    const at = cursor.keys.map((v, i) => {
      params.push(v);
      return `$${params.length}::${key.types[i]}`;
    });
    params.push(cursor.id);
    seek = `WHERE (${[...keyCols, "id"].join(", ")}) ${ascending ? ">" : "<"} (${[...at, `$${params.length}::text`].join(", ")})`;
  }
  params.push(limit);
  const orderBy = [...keyCols, "id"].map((c) => `${c} ${order}`).join(", ");
  // With the search's two branches, each takes its own page first, so the many-matches one can stop early in key
  // order (an index scan) instead of sorting every match (a UNION ALL does not pass the order down).
  const tail = `${seek} ORDER BY ${orderBy} LIMIT $${params.length}`;
  const union = filtered.branches.length === 1 ? filtered.branches[0] : filtered.branches.map((b) => `(SELECT * FROM (${b}) f ${tail})`).join("\n      UNION ALL ");
  // The total's filter tests are the page's own, with the same parameters in the same places (accountFilters numbers
  // them in one order; the cursor's and the limit's come after), and it reads the search's matches from the same `m`.
  const total = withTotal ? `,\n    total AS (${countSql(filteredAccounts(scope, filter, [], "1"))})` : "";
  const sql = `WITH ${filtered.cte ? `${filtered.cte},\n    ` : ""}filtered AS (
      ${union}),
    page AS (SELECT * FROM filtered ${seek} ORDER BY ${orderBy} LIMIT $${params.length})${total}
    SELECT ${withTotal ? "(SELECT n FROM total) AS total, " : ""}page.id, page."storeName", page."sellerId", page.region, page.marketplaces, page.plan::text AS plan, page.status::text AS status, page.score,
           page."clientId", (SELECT c.name FROM "Client" c WHERE c.id = page."clientId" AND c."orgId" = $1) AS "clientName", ${keyCols.map((c) => `page.${c}`).join(", ")},
           lc.n AS "loginCount", page."openCritical" + page."openHigh" + page."openMedium" + page."openLow" AS "openFindings", page."openCritical", page."openHigh",
           lc.changed AS "passwordChangedAt", lc.last AS "lastLoginAt"
    FROM page
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, max("lastLoginAt") AS last,
                               min("passwordChangedAt") FILTER (WHERE role = 'PRIMARY' AND status <> 'REMOVED') AS changed
                        FROM "Login" WHERE "orgId" = $1 AND "accountId" = page.id) lc
    ORDER BY ${orderBy.replace(/\b(k\d|id)\b/g, "page.$1")}`;
  return { sql, params, reversed: backwards };
}

/** Exact while small, capped beyond: counting a huge filtered set on every page view is not cheap. */
export const COUNT_CAP = 10_000;

/** The count of `filtered` (made with columns "1"), capped at COUNT_CAP + 1, without its CTE. */
function countSql(filtered: ReturnType<typeof filteredAccounts>): string {
  // Every account of the organisation (no filter, no client restriction): its stored total, kept by triggers
  // on SellerAccount (migration 20261212010000_account_counts), instead of counting them per view.
  if (filtered.wholeOrg) return `SELECT coalesce((SELECT accounts FROM "AccountCount" WHERE "orgId" = $1), 0)::int AS n`;
  return `SELECT count(*)::int AS n FROM (${filtered.branches.join("\n      UNION ALL ")} LIMIT ${COUNT_CAP + 1}) t`;
}

export function countStatement(scope: Scope, filter: AccountFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const filtered = filteredAccounts(scope, filter, params, "1");
  const sql = countSql(filtered);
  return { sql: filtered.cte ? `WITH ${filtered.cte}\n${sql}` : sql, params };
}

/** Where a record's facts came from and who last checked them: the page's provenance lines. */
const SOURCE = (alias: string) => `'source', ${alias}.source, 'verifiedAt', ${alias}."verifiedAt", 'verifiedById', ${alias}."verifiedById"`;
/** The kept reports the account page lists. */
const REPORTS_LIMIT = 20;
// The ids the open and accepted findings' evidence mentions (lib/db/labels.ts).
const EVIDENCE_IDS = evidenceIdsOf(`"Finding" f`, `f."orgId" = $1 AND f."accountId" = acc.id AND f.status IN ('OPEN', 'ACCEPTED')`);

const IN_CLIENTS = (alias: string) => `($2::text[] IS NULL OR ${alias}."clientId" = ANY($2::text[]))`;

/**
 * Everything the account page shows, in one statement: the account ($3, in scope) with its client,
 * logins (person, users, 2SV methods with devices, grants), partners, apps, other access, open and
 * accepted findings, daily scores since $5, the newest $6 audit events (actor, finding's rule) and the
 * latest access review per login. Relations come back as JSON arrays, ordered as the page shows them;
 * `stale` says the findings were last evaluated before $4 (today). No row = not found or out of scope.
 * Array columns may be NULL in stored rows: coalesced to empty arrays, as Prisma reads them.
 *
 * It also carries what the page used to read in a second statement (decision 047): every record's source and
 * verifier (the provenance lines; `members` names the organisation's members, the only verifiers shown), each
 * login's remaining form values, the shared users' companies, and behind CASE (not run when false) $7 the
 * count of all the account's findings (the removal preview; the rest of it is counted from the lists),
 * $8 the kept reports, $9 the names of the people and devices the findings' evidence mentions.
 */
export const ACCOUNT_PAGE_SQL = `
WITH acc AS (SELECT a.* FROM "SellerAccount" a WHERE a.id = $3 AND a."orgId" = $1 AND ${IN_CLIENTS("a")})
SELECT acc.id, acc."storeName", acc."sellerId", acc.region, coalesce(acc.marketplaces, '{}') AS marketplaces, acc.plan::text AS plan, acc.status::text AS status,
  acc."lastVerifiedAt", acc.score, acc.version, acc."clientId", acc.source, acc."verifiedById",
  (acc."evaluatedOn" IS NULL OR acc."evaluatedOn" < $4::date) AS stale,
  (SELECT json_build_object('id', c.id, 'name', c.name) FROM "Client" c WHERE c.id = acc."clientId" AND c."orgId" = $1) AS client,
  (SELECT coalesce(json_agg(json_build_object(
      'id', l.id, 'role', l.role, 'email', l.email, 'status', l.status, 'personId', l."personId",
      'lastLoginAt', l."lastLoginAt", 'passwordChangedAt', l."passwordChangedAt",
      'person', json_build_object('id', p.id, 'name', p.name, 'external', p.external, 'company', p.company, 'departedAt', p."departedAt"),
      'usedBy', (SELECT coalesce(json_agg(json_build_object('person', json_build_object('id', up.id, 'name', up.name, 'company', up.company)) ORDER BY up.name, up.id), '[]')
                 FROM "LoginUser" u JOIN "Person" up ON up.id = u."personId" AND up."orgId" = $1 WHERE u."orgId" = $1 AND u."loginId" = l.id),
      'twoStepMethods', (SELECT coalesce(json_agg(json_build_object(
            'id', m.id, 'kind', m.kind, 'role', m.role, 'label', m.label, 'phoneLast4', m."phoneLast4",
            'device', CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'label', d.label, 'kind', d.kind, 'skipOtpOnBrowser', d."skipOtpOnBrowser",
                        'holder', CASE WHEN h.id IS NULL THEN NULL ELSE json_build_object('id', h.id, 'name', h.name) END) END,
            ${SOURCE("m")})
          ORDER BY m.role, m.kind, m.id), '[]')
        FROM "TwoStepMethod" m
        LEFT JOIN "Device" d ON d.id = m."deviceId" AND d."orgId" = $1
        LEFT JOIN "Person" h ON h.id = d."holderId" AND h."orgId" = $1
        WHERE m."orgId" = $1 AND m."loginId" = l.id),
      'permissions', (SELECT coalesce(json_agg(json_build_object('toolId', g."toolId", 'level', g.level, 'marketplace', g.marketplace) ORDER BY g."toolId", g.marketplace NULLS FIRST, g.id), '[]')
        FROM "PermissionGrant" g WHERE g."orgId" = $1 AND g."loginId" = l.id),
      'invitedAt', l."invitedAt", 'acceptedAt', l."acceptedAt", 'passwordReused', l."passwordReused", ${SOURCE("l")}
    ) ORDER BY l.role, l.email, l.id), '[]')
   FROM "Login" l JOIN "Person" p ON p.id = l."personId" AND p."orgId" = $1
   WHERE l."orgId" = $1 AND l."accountId" = acc.id) AS logins,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'company', x.company, 'linkSentAt', x."linkSentAt", 'acceptedAt', x."acceptedAt", 'rights', coalesce(x.rights, '{}'), ${SOURCE("x")})
      ORDER BY x.company, x.id), '[]')
   FROM "AuthorizedPartner" x WHERE x."orgId" = $1 AND x."accountId" = acc.id) AS partners,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'appName', x."appName", 'developer', x.developer, 'authorizedAt', x."authorizedAt", 'expiresAt', x."expiresAt", 'roles', coalesce(x.roles, '{}'), ${SOURCE("x")})
      ORDER BY x."appName", x.id), '[]')
   FROM "AppAuthorization" x WHERE x."orgId" = $1 AND x."accountId" = acc.id) AS apps,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'console', x.console, 'role', x.role, 'person', json_build_object('id', p.id, 'name', p.name), ${SOURCE("x")})
      ORDER BY x.console, x.id), '[]')
   FROM "OtherAccess" x JOIN "Person" p ON p.id = x."personId" AND p."orgId" = $1 WHERE x."orgId" = $1 AND x."accountId" = acc.id) AS "otherAccess",
  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'ruleId', f."ruleId", 'severity', f.severity, 'subjectType', f."subjectType", 'subjectId', f."subjectId",
        'evidence', f.evidence, 'evidenceData', f."evidenceData", 'status', f.status, 'acceptedReason', f."acceptedReason", 'acceptedUntil', f."acceptedUntil",
        'firstSeenAt', f."firstSeenAt", 'lastSeenAt', f."lastSeenAt")
      ORDER BY f.severity, f."ruleId", f.id), '[]')
   FROM "Finding" f WHERE f."orgId" = $1 AND f."accountId" = acc.id AND f.status IN ('OPEN', 'ACCEPTED')) AS findings,
  -- Each finding's open task, named in place of its "Make a task" button (at most one each: createFindingTask refuses a second).
  (SELECT coalesce(json_agg(json_build_object('findingId', t."findingId", 'id', t.id, 'assignee', u.name, 'dueOn', to_char(t."dueOn", 'YYYY-MM-DD'))
      ORDER BY t."createdAt", t.id), '[]')
   FROM "RemediationTask" t LEFT JOIN "User" u ON u.id = t."assigneeId"
   WHERE t."orgId" = $1 AND t."accountId" = acc.id AND t.status = 'OPEN' AND t."findingId" IS NOT NULL) AS "openTasks",
  (SELECT coalesce(json_agg(json_build_object('day', to_char(s.day, 'YYYY-MM-DD'), 'score', s.score) ORDER BY s.day), '[]')
   FROM "AccountScoreDaily" s WHERE s."orgId" = $1 AND s."accountId" = acc.id AND s.day >= $5::timestamptz) AS scores,
  (SELECT coalesce(json_agg(json_build_object('id', e.id::text, 'at', e."createdAt", 'action', e.action, 'actor', e.actor, 'actorToken', e."actorToken", 'ruleId', e."ruleId", 'before', e.before, 'after', e.after)
      ORDER BY e.id DESC), '[]')
   FROM (SELECT ev.id, ev."createdAt", ev.action, ev.before, ev.after, u.name AS actor, f."ruleId",
           -- A change through an API token is credited to the token (decision 094).
           CASE WHEN tk.id IS NULL THEN NULL ELSE json_build_object('name', tk.name, 'revoked', tk."revokedAt" IS NOT NULL) END AS "actorToken"
         FROM "AuditEvent" ev
         LEFT JOIN "User" u ON u.id = ev."actorUserId"
         LEFT JOIN "ApiToken" tk ON tk.id = ev."actorTokenId" AND tk."orgId" = $1
         LEFT JOIN "Finding" f ON ev."entityType" = 'Finding' AND f.id = ev."entityId" AND f."orgId" = $1
         WHERE ev."orgId" = $1 AND ev."accountId" = acc.id ORDER BY ev.id DESC LIMIT $6) e) AS events,
  (SELECT coalesce(json_agg(json_build_object('loginId', r."loginId", 'decision', r.decision, 'note', r.note, 'decidedAt', r."decidedAt", 'by', r.reviewer)), '[]')
   FROM (SELECT DISTINCT ON (ri."subjectId") ri."subjectId" AS "loginId", ri.decision, ri.comment AS note, ri."decidedAt", u.name AS reviewer
         FROM "ReviewItem" ri LEFT JOIN "User" u ON u.id = ri."decidedById"
         WHERE ri."orgId" = $1 AND ri."accountId" = acc.id AND ri.kind = 'LOGIN' AND ri.decision IS NOT NULL
         ORDER BY ri."subjectId", ri."decidedAt" DESC, ri.id DESC) r) AS reviews,
  -- A verifier's name is shown only when they are a member of this organisation (users are not tenant rows).
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name)), '[]')
   FROM "Membership" mb JOIN "User" u ON u.id = mb."userId" WHERE mb."orgId" = $1) AS members,
  -- …or an API token of this organisation, when the write came through one (decision 094).
  (SELECT coalesce(json_agg(json_build_object('id', tk.id, 'name', tk.name, 'revoked', tk."revokedAt" IS NOT NULL)), '[]')
   FROM "ApiToken" tk WHERE tk."orgId" = $1) AS "apiTokens",
  CASE WHEN $7 THEN (SELECT count(*)::int FROM "Finding" f WHERE f."orgId" = $1 AND f."accountId" = acc.id) END AS "findingCount",
  CASE WHEN $8 THEN (SELECT coalesce(json_agg(r ORDER BY r."createdAt" DESC), '[]') FROM (
      SELECT id, format, locale, "createdAt", sha256 FROM "Report" WHERE "orgId" = $1 AND "accountId" = acc.id ORDER BY "createdAt" DESC LIMIT ${REPORTS_LIMIT}
    ) r) END AS reports,
  CASE WHEN $9 THEN (SELECT coalesce(json_agg(x), '[]') FROM (${labelsOf(EVIDENCE_IDS)}) x) END AS labels
FROM acc`;
