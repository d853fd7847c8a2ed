import "server-only";
import { NO_CLIENT, type AccountCursor, type AccountFilter, type AccountSort } from "@/lib/validation/accounts";
import type { Scope } from "./scope";

// SQL of the accounts table, shared by the page, the CSV export and the overview's links, so a number
// on the overview and the rows behind its link are counted the same way. Parameters: $1 orgId,
// $2 the scope's clientIds (NULL = every client), $3..$11 the filters (NULL = no filter).

export const FILTER_PARAM_COUNT = 11;

export function filterParams(scope: Scope, f: AccountFilter): unknown[] {
  return [scope.orgId, scope.clientIds, f.q ?? null, f.client ?? null, f.market ?? null, f.plan ?? null, f.status ?? null, f.severity ?? null, f.rule ?? null, f.min ?? null, f.max ?? null];
}

/** The scoped, filtered accounts `a`; "has an open finding of this severity / rule" is an EXISTS. */
export const ACCOUNT_FILTERS = `a."orgId" = $1
  AND ($2::text[] IS NULL OR a."clientId" = ANY($2::text[]))
  AND ($3::text IS NULL
       OR strpos(lower(a."storeName"), lower($3::text)) > 0
       OR strpos(lower(coalesce(a."sellerId", '')), lower($3::text)) > 0
       OR EXISTS (SELECT 1 FROM "Login" l WHERE l."orgId" = $1 AND l."accountId" = a.id AND strpos(lower(coalesce(l.email, '')), lower($3::text)) > 0))
  AND ($4::text IS NULL OR a."clientId" = $4::text OR ($4::text = '${NO_CLIENT}' AND a."clientId" IS NULL))
  AND ($5::text IS NULL OR $5::text = ANY(a.marketplaces))
  AND ($6::text IS NULL OR a.plan::text = $6::text)
  AND ($7::text IS NULL OR a.status::text = $7::text)
  AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM "Finding" f WHERE f."orgId" = $1 AND f."accountId" = a.id AND f.status = 'OPEN' AND f.severity::text = $8::text))
  AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM "Finding" f WHERE f."orgId" = $1 AND f."accountId" = a.id AND f.status = 'OPEN' AND f."ruleId" = $9::text))
  AND ($10::int IS NULL OR a.score >= $10::int)
  AND ($11::int IS NULL OR a.score <= $11::int)`;

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
    exprs: ["coalesce(fk.crit, 0)", "coalesce(fk.high, 0)"],
    types: ["int", "int"],
    joins: `LEFT JOIN (SELECT "accountId", count(*) FILTER (WHERE severity = 'critical')::int AS crit, count(*) FILTER (WHERE severity = 'high')::int AS high
                       FROM "Finding" WHERE "orgId" = $1 AND status = 'OPEN' GROUP BY "accountId") fk ON fk."accountId" = a.id`,
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

/** One statement: the page's ids by keyset, then its display columns over those ids only. */
export function pageStatement(scope: Scope, filter: AccountFilter, sort: AccountSort, dir: "asc" | "desc", cursor: AccountCursor | undefined, limit: number): PageStatement {
  const key = SORT_KEYS[sort];
  const params = filterParams(scope, filter);
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
  const sql = `WITH filtered AS (
      SELECT a.id, ${key.exprs.map((e, i) => `${e} AS k${i}`).join(", ")}
      FROM "SellerAccount" a ${key.joins}
      WHERE ${ACCOUNT_FILTERS}),
    page AS (SELECT * FROM filtered ${seek} ORDER BY ${orderBy} LIMIT $${params.length})
    SELECT a.id, a."storeName", a."sellerId", a.region, a.marketplaces, a.plan::text AS plan, a.status::text AS status, a.score,
           a."clientId", c.name AS "clientName", ${keyCols.map((c) => `page.${c}`).join(", ")},
           coalesce(lc.n, 0) AS "loginCount", coalesce(fc.open, 0) AS "openFindings", coalesce(fc.crit, 0) AS "openCritical", coalesce(fc.high, 0) AS "openHigh",
           lc.changed AS "passwordChangedAt", lc.last AS "lastLoginAt"
    FROM page
    JOIN "SellerAccount" a ON a.id = page.id AND a."orgId" = $1
    LEFT JOIN "Client" c ON c.id = a."clientId" AND c."orgId" = $1
    LEFT JOIN (SELECT "accountId", count(*)::int AS n, max("lastLoginAt") AS last,
                      min("passwordChangedAt") FILTER (WHERE role = 'PRIMARY' AND status <> 'REMOVED') AS changed
               FROM "Login" WHERE "orgId" = $1 AND "accountId" IN (SELECT id FROM page) GROUP BY "accountId") lc ON lc."accountId" = a.id
    LEFT JOIN (SELECT "accountId", count(*)::int AS open, count(*) FILTER (WHERE severity = 'critical')::int AS crit,
                      count(*) FILTER (WHERE severity = 'high')::int AS high
               FROM "Finding" WHERE "orgId" = $1 AND status = 'OPEN' AND "accountId" IN (SELECT id FROM page) GROUP BY "accountId") fc ON fc."accountId" = a.id
    ORDER BY ${orderBy.replace(/\b(k\d|id)\b/g, "page.$1")}`;
  return { sql, params, reversed: backwards };
}

/** Exact while small, capped beyond: counting a huge filtered set on every page view is not cheap. */
export const COUNT_CAP = 10_000;

export function countStatement(scope: Scope, filter: AccountFilter): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM "SellerAccount" a WHERE ${ACCOUNT_FILTERS} LIMIT ${COUNT_CAP + 1}) t`,
    params: filterParams(scope, filter),
  };
}
