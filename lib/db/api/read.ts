import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { AppError } from "@/lib/errors";
import { REMEDIATION } from "@/lib/risk";
import { compareFindings } from "@/lib/risk/order";
import type { Finding, RuleId } from "@/lib/risk/types";
import type { AccountsQuery, ApiAccount, ApiAccountDetail, ApiFinding, FindingsQuery } from "@/lib/validation/api";
import { findClientByName } from "../clients/client-records";
import { refreshAccountIfStale } from "../findings";
import type { Scope } from "../scope";
import { dbFor } from "../tenant";

// What /api/v1 reads: accounts and findings named by their external ids, through the caller's scope
// (tenant and clients in the same WHERE as the ids; row-level security underneath). Lists are keyset
// pages: one statement per page whatever its depth, counts computed over the page's rows only.

/** The column the API names records by. */
const EXT = `"externalId"`;

/** A subject's external id: each type's own table, joined only for findings of that type. */
const SUBJECT_JOINS = `
  LEFT JOIN "Login" sl ON f."subjectType" = 'login' AND sl.id = f."subjectId"
  LEFT JOIN "Person" sp ON f."subjectType" = 'person' AND sp.id = f."subjectId"
  LEFT JOIN "Device" sd ON f."subjectType" = 'device' AND sd.id = f."subjectId"
  LEFT JOIN "AuthorizedPartner" spa ON f."subjectType" = 'partner' AND spa.id = f."subjectId"
  LEFT JOIN "AppAuthorization" sap ON f."subjectType" = 'app' AND sap.id = f."subjectId"`;
const SUBJECT_ID = `COALESCE(CASE f."subjectType" WHEN 'account' THEN a.${EXT} WHEN 'login' THEN sl.${EXT} WHEN 'person' THEN sp.${EXT}
  WHEN 'device' THEN sd.${EXT} WHEN 'partner' THEN spa.${EXT} WHEN 'app' THEN sap.${EXT} END, f."subjectId")`;

/** The account filter of a scope as SQL on alias `a`, with its parameters appended to `params`. */
function scopeFilter(scope: Scope, params: unknown[]): string {
  params.push(scope.orgId);
  let sql = `a."orgId" = $${params.length}`;
  if (scope.clientIds) {
    params.push(scope.clientIds);
    sql += ` AND a."clientId" = ANY($${params.length}::text[])`;
  }
  return sql;
}

function cursorValue(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const after = decodeCursor(cursor);
  if (after === null) throw new ApiError("invalid_request", [{ path: "query.cursor", message: "api.problem.cursor" }]);
  return after;
}

interface AccountRow {
  key: string;
  id: string;
  sellerId: string | null;
  storeName: string;
  client: string | null;
  score: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

const toAccount = (r: AccountRow): ApiAccount => ({
  id: r.id, sellerId: r.sellerId, storeName: r.storeName, client: r.client, score: r.score,
  open: { critical: Number(r.critical), high: Number(r.high), medium: Number(r.medium), low: Number(r.low) },
});

const OPEN_COUNTS = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE f.severity = 'critical')::int AS critical, count(*) FILTER (WHERE f.severity = 'high')::int AS high,
           count(*) FILTER (WHERE f.severity = 'medium')::int AS medium, count(*) FILTER (WHERE f.severity = 'low')::int AS low
    FROM "Finding" f WHERE f."orgId" = a."orgId" AND f."accountId" = a.id AND f.status = 'OPEN') o ON true`;

export async function listApiAccounts(scope: Scope, query: AccountsQuery): Promise<{ data: ApiAccount[]; next: string | null }> {
  const params: unknown[] = [];
  let where = scopeFilter(scope, params);
  const after = cursorValue(query.cursor);
  if (after !== null) {
    params.push(after);
    where += ` AND a.${EXT} > $${params.length}`;
  }
  if (query.client !== undefined) {
    // One client name means one client on every path (decision 074): a width or case twin finds it too.
    // A client the caller cannot reach (none of that name, another organisation's, outside a token's clients) is 404, as
    // GET /snapshot?client= answers it: an empty list would read to a script as "this client has no accounts" (decision 093).
    const client = await findClientByName(dbFor(scope), scope.orgId, query.client, scope.clientIds);
    if (!client) throw new AppError("NOT_FOUND", "Client not found");
    params.push(client.id);
    where += ` AND a."clientId" = $${params.length}`;
  }
  params.push(query.limit + 1);
  const rows = await dbFor(scope).$queryRawUnsafe<AccountRow[]>(
    `SELECT a.${EXT} AS key, a.${EXT} AS id, a."sellerId", a."storeName", c.name AS client, a.score, o.critical, o.high, o.medium, o.low
     FROM (SELECT * FROM "SellerAccount" a WHERE ${where} ORDER BY a.${EXT} LIMIT $${params.length}) a
     LEFT JOIN "Client" c ON c.id = a."clientId"
     ${OPEN_COUNTS}
     ORDER BY a.${EXT}`,
    ...params,
  );
  const page = rows.slice(0, query.limit);
  return { data: page.map(toAccount), next: rows.length > query.limit ? encodeCursor(page.at(-1)!.key) : null };
}

/** An account of the caller's scope by external id; any other id (unknown, another client's or organisation's): NOT_FOUND. */
async function reachableAccountOrThrow(scope: Scope, externalId: string): Promise<void> {
  const params: unknown[] = [];
  const where = scopeFilter(scope, params);
  params.push(externalId);
  const found = await dbFor(scope).$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SellerAccount" a WHERE ${where} AND a.${EXT} = $${params.length}`, ...params);
  if (found.length === 0) throw new AppError("NOT_FOUND", "Seller account not found");
}

interface FindingRow {
  key: string;
  account: string;
  rule: string;
  severity: ApiFinding["severity"];
  type: ApiFinding["subject"]["type"];
  subjectId: string;
  evidence: string;
  status: "OPEN" | "ACCEPTED" | "RESOLVED";
}

const STATUS = { OPEN: "open", ACCEPTED: "accepted", RESOLVED: "resolved" } as const;

export async function listApiFindings(scope: Scope, query: FindingsQuery): Promise<{ data: ApiFinding[]; next: string | null }> {
  const params: unknown[] = [];
  let where = scopeFilter(scope, params);
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where += ` AND ${sql.replace("?", `$${params.length}`)}`;
  };
  const after = cursorValue(query.cursor);
  if (after !== null) add(`f.id > ?`, after);
  if (query.status) add(`f.status = ?::"FindingStatus"`, query.status.toUpperCase());
  if (query.severity) add(`f.severity = ?::"Severity"`, query.severity);
  if (query.account !== undefined) {
    // An account the caller cannot reach is 404, as GET /accounts/{id} answers it, not an empty list a script reads as
    // "nothing open" (decision 093). Its own statement: a reachable account with no findings still lists none.
    await reachableAccountOrThrow(scope, query.account);
    add(`a.${EXT} = ?`, query.account);
  }
  params.push(query.limit + 1);
  const rows = await dbFor(scope).$queryRawUnsafe<FindingRow[]>(
    `SELECT f.id AS key, a.${EXT} AS account, f."ruleId" AS rule, f.severity::text AS severity, f."subjectType"::text AS type, ${SUBJECT_ID} AS "subjectId",
            f.evidence, f.status::text AS status
     FROM "Finding" f JOIN "SellerAccount" a ON a.id = f."accountId" AND a."orgId" = f."orgId"
     ${SUBJECT_JOINS}
     WHERE f."orgId" = $1 AND ${where}
     ORDER BY f.id LIMIT $${params.length}`,
    ...params,
  );
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => ({ account: r.account, rule: r.rule as ApiFinding["rule"], severity: r.severity, subject: { type: r.type, id: r.subjectId }, evidence: r.evidence, status: STATUS[r.status] })),
    next: rows.length > query.limit ? encodeCursor(page.at(-1)!.key) : null,
  };
}

interface DetailRow extends AccountRow {
  dbId: string;
  region: string;
  marketplaces: string[];
  plan: ApiAccountDetail["plan"];
  status: ApiAccountDetail["status"];
}

/** One account by external id with its current (open and accepted) findings; outside the scope: NOT_FOUND. */
export async function getApiAccountOrThrow(scope: Scope, externalId: string): Promise<ApiAccountDetail> {
  const db = dbFor(scope);
  const params: unknown[] = [];
  const where = scopeFilter(scope, params);
  params.push(externalId);
  const read = () =>
    db.$queryRawUnsafe<DetailRow[]>(
      `SELECT a.id AS "dbId", a.${EXT} AS key, a.${EXT} AS id, a."sellerId", a."storeName", c.name AS client, a.score, o.critical, o.high, o.medium, o.low,
              a.region, a.marketplaces, a.plan::text AS plan, a.status::text AS status
       FROM "SellerAccount" a LEFT JOIN "Client" c ON c.id = a."clientId" ${OPEN_COUNTS}
       WHERE ${where} AND a.${EXT} = $${params.length}`,
      ...params,
    );
  let [row] = await read();
  if (!row) throw new AppError("NOT_FOUND", "Seller account not found");
  // Age-based rules move with the calendar: the same refresh as the account page.
  await refreshAccountIfStale(scope, row.dbId);
  [row] = await read();
  if (!row) throw new AppError("NOT_FOUND", "Seller account not found");
  const findings = await db.$queryRawUnsafe<FindingRow[]>(
    `SELECT f.id AS key, a.${EXT} AS account, f."ruleId" AS rule, f.severity::text AS severity, f."subjectType"::text AS type, ${SUBJECT_ID} AS "subjectId", f.evidence, f.status::text AS status
     FROM "Finding" f JOIN "SellerAccount" a ON a.id = f."accountId" ${SUBJECT_JOINS}
     WHERE f."orgId" = $1 AND f."accountId" = $2 AND f.status <> 'RESOLVED'`,
    scope.orgId,
    row.dbId,
  );
  const listed = findings.map((f) => ({
    rule: f.rule as RuleId, severity: f.severity, subject: { type: f.type, id: f.subjectId }, evidence: f.evidence,
    remediation: { ja: REMEDIATION[f.rule as RuleId].ja, en: REMEDIATION[f.rule as RuleId].en }, status: f.status === "ACCEPTED" ? ("accepted" as const) : ("open" as const),
  }));
  // In the engine's own order, as `gatehouse audit --json` lists them.
  listed.sort((a, b) => compareFindings(a as unknown as Finding, b as unknown as Finding));
  return { ...toAccount(row), region: row.region, marketplaces: row.marketplaces, plan: row.plan, status: row.status, findings: listed };
}
