import "server-only";
import { AppError } from "@/lib/errors";
import type { AccountCursor, AccountFilter, AccountListQuery } from "@/lib/validation/accounts";
import { COUNT_CAP, countStatement, cursorFits, pageStatement } from "./accounts-sql";
import { getDb } from "./client";
import { accountScopeWhere, type Scope } from "./scope";
import { dbFor } from "./tenant";

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
}

interface RawRow extends Omit<AccountListRow, "passwordChangedAt" | "lastLoginAt"> {
  k0: string | number;
  k1?: number;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
}

async function fetchPage(scope: Scope, query: Pick<AccountListQuery, AccountFilterKey | "sort" | "dir">, cursor: AccountCursor | undefined, limit: number) {
  const { sql, params, reversed } = pageStatement(scope, query, query.sort, query.dir, cursor, limit + 1);
  const raw = await dbFor(scope).$queryRawUnsafe<RawRow[]>(sql, ...params);
  const more = raw.length > limit;
  const rows = raw.slice(0, limit);
  if (reversed) rows.reverse();
  const keyOf = (r: RawRow) => (r.k1 === undefined ? [r.k0] : [r.k0, r.k1]);
  return {
    more,
    first: rows[0] ? { keys: keyOf(rows[0]), id: rows[0].id } : undefined,
    last: rows.at(-1) ? { keys: keyOf(rows.at(-1)!), id: rows.at(-1)!.id } : undefined,
    rows: rows.map(({ k0: _k0, k1: _k1, ...r }): AccountListRow => ({
      ...r,
      passwordChangedAt: r.passwordChangedAt?.toISOString() ?? null,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    })),
  };
}

type AccountFilterKey = keyof AccountFilter;

/**
 * One page of the accounts table, sorted, filtered and keyset-paged by the server in two statements
 * (the page with its counts, and a capped total), whatever the page size.
 */
export async function listAccounts(scope: Scope, query: AccountListQuery): Promise<AccountListPage> {
  const cursor = cursorFits(query.sort, query.cursor) ? query.cursor : undefined;
  const count = countStatement(scope, query);
  const [page, counted] = await Promise.all([
    fetchPage(scope, query, cursor, query.pageSize),
    dbFor(scope).$queryRawUnsafe<{ n: number }[]>(count.sql, ...count.params),
  ]);
  const n = counted[0]?.n ?? 0;
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
  };
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

/** Choices for the table's filters: the clients in scope and the marketplaces in use, in one statement. */
export async function listAccountFilterOptions(scope: Scope): Promise<{ clients: { id: string; name: string }[]; marketplaces: string[] }> {
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

/** One account with everything its page shows; another tenant's id is NOT_FOUND. */
export async function getAccountDetailOrThrow(scope: Scope, id: string) {
  const account = await dbFor(scope).sellerAccount.findFirst({
    where: { id, ...accountScopeWhere(scope) },
    include: {
      client: { select: { id: true, name: true } },
      logins: {
        orderBy: [{ role: "asc" }, { email: "asc" }],
        include: {
          person: { select: { id: true, name: true, external: true, company: true, departedAt: true } },
          usedBy: { select: { person: { select: { id: true, name: true } } } },
          twoStepMethods: {
            orderBy: [{ role: "asc" }, { kind: "asc" }],
            include: { device: { select: { id: true, label: true, kind: true, skipOtpOnBrowser: true, holder: { select: { id: true, name: true } } } } },
          },
          permissions: { select: { toolId: true, level: true, marketplace: true } },
        },
      },
      partners: { orderBy: { company: "asc" } },
      apps: { orderBy: { appName: "asc" } },
      otherAccess: { include: { person: { select: { id: true, name: true } } }, orderBy: { console: "asc" } },
      findings: { where: { status: { in: ["OPEN", "ACCEPTED"] } }, orderBy: [{ severity: "asc" }, { ruleId: "asc" }] },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
  return account;
}

export type AccountDetail = Awaited<ReturnType<typeof getAccountDetailOrThrow>>;

export async function listTools() {
  return getDb().tool.findMany({ orderBy: [{ sortOrder: "asc" }] });
}
