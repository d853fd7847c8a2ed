import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { appDatabaseUrl, UNSAFE_ROLE_SQL } from "./app-role";
import { MAX_PREPARED_PER_CONNECTION, preparedStatementsWanted } from "./prepared-statements";
import { poolSize } from "./pool-size";
import { RAW_TYPES, rawParams } from "./raw-rows";
import { queriesInTurn } from "./queries-in-turn";
import { queryConfig, runScoped, staleStatement } from "./scoped-query";
import { WRITE_TRANSACTION_OPTIONS, type Db } from "./client";
import { boundDatabase } from "./bound-database";
import { PrismaClient } from "./generated/client";

// Defence in depth under the data layer's own tenant filter: every tenant-owned table has a
// PostgreSQL row-level security policy `"orgId" = current_setting('gatehouse.org_id', true)`
// (migration 20261130010000_row_level_security), and scoped code connects as a login role of its own
// (lib/db/app-role.ts) that is no superuser, has no BYPASSRLS, is a member of no role and owns
// nothing, so no statement on its connection can step around the policies. `dbFor(scope)` is a
// Prisma client bound to the scope's organisation.
//
// The setting is TRANSACTION-LOCAL (decision 020): every unit of work runs as
// BEGIN; set_config('gatehouse.org_id', orgId, true); …; COMMIT — a Prisma transaction's BEGIN is followed by
// the same set_config, and a lone query runs behind it in one implicit transaction (scoped-query.ts). Behind PgBouncer in transaction mode
// a server connection passes to another client at every COMMIT, so a session-level setting would leak
// to whoever gets it next; a transaction-local one ends with the transaction. Nothing here relies on
// session state: Prisma's pg adapter sends unnamed statements (no statementNameGenerator), which
// PgBouncer's transaction mode passes through. The one exception is chosen per pool: on a direct connection a
// lone query is a named statement, kept by the connection so that it is not planned again (decision 049,
// prepared-statements.ts); it holds a plan, never a tenant. A connection outside such a transaction reads
// every tenant-owned table as empty.
//
// The organisation is bound to the client rather than carried in an AsyncLocalStorage because
// Prisma's request batching does not keep the caller's async context for queries outside a
// transaction (measured: the store is gone by the time the adapter runs them).

export const TENANT_SETTING = "gatehouse.org_id";

/** Pools whose lone queries run as named statements (createAppPool's `preparedStatements`). */
const preparing = new WeakMap<pg.Pool, { max: number }>();

/** Connections whose role was checked (a property of the login, not of session state). */
const checked = new WeakSet<pg.PoolClient>();

async function checkout(shared: pg.Pool): Promise<pg.PoolClient> {
  const client = await shared.connect();
  if (checked.has(client)) return client;
  try {
    // Never scoped work as a role that row-level security does not bind (a misconfigured
    // DATABASE_APP_URL, a changed role).
    const { rows } = await client.query<{ reason: string | null; session: string; current: string }>(
      `SELECT session_user AS session, current_user AS current, (${UNSAFE_ROLE_SQL.replace("$1", "session_user")}) AS reason`,
    );
    const [{ reason, session, current }] = rows;
    if (reason || session !== current) throw new Error(`Refusing scoped work as database role "${session}" (current user "${current}"): ${reason ?? "it switched roles"}`);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  checked.add(client);
  return client;
}

/** The transaction status of the connection's last ReadyForQuery: I idle, T in a transaction, E failed. */
function transactionStatus(client: pg.PoolClient): string | null {
  return (client as unknown as { _txStatus?: string | null })._txStatus ?? null;
}

/** Whether a connection may go back to the pool after `error`: a server-reported, non-fatal error. */
function reusableAfter(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.severity !== "FATAL" && error.severity !== "PANIC";
}

function isBegin(args: unknown[]): boolean {
  const first = args[0];
  const text = typeof first === "string" ? first : typeof first === "object" && first !== null ? (first as { text?: unknown }).text : undefined;
  return typeof text === "string" && /^\s*BEGIN\b/i.test(text) && !/;/.test(text);
}

/**
 * The connection a Prisma interactive transaction gets: its BEGIN is sent together with the
 * transaction-local tenant setting, and its queries go one at a time (queries-in-turn.ts: Prisma sends an
 * include's relations at once). Everything else passes through to the pooled connection.
 */
function scopedConnection(client: pg.PoolClient, orgId: string, onStatement?: (sql: string) => void): pg.PoolClient {
  return queriesInTurn(client, (...args: unknown[]) => {
    if (onStatement && (typeof args[0] === "string" || typeof (args[0] as { text?: unknown } | null)?.text === "string")) onStatement(queryConfig(args).text);
    if (isBegin(args) && typeof args[args.length - 1] !== "function") {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text;
      return client.query(`${text}; SELECT set_config('${TENANT_SETTING}', '${orgId.replaceAll("'", "''")}', true)`).then(() => ({
        command: "BEGIN",
        rowCount: null,
        oid: 0,
        fields: [],
        rows: [],
      }));
    }
    return (client.query as (...a: unknown[]) => unknown)(...args);
  });
}

/**
 * What the Prisma adapter sees as its pool: a view of the shared pool that runs everything inside a
 * transaction carrying one organisation. It never opens connections of its own.
 */
class TenantPoolView extends pg.Pool {
  constructor(
    private readonly shared: pg.Pool,
    private readonly orgId: string,
    /** Told the text of every statement sent, whoever sends it (Prisma or scopedRows): tests count statements with it. */
    private readonly onStatement?: (sql: string) => void,
  ) {
    super({ max: 1 });
  }

  /** A raw read's rows, as Prisma's `$queryRawUnsafe` gives them, without Prisma (raw-rows.ts, decision 059). */
  async rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return ((await this.query({ text: sql, values: rawParams(params), types: RAW_TYPES })) as unknown as pg.QueryResult).rows as T[];
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) {
    const promise = checkout(this.shared).then((client) => scopedConnection(client, this.orgId, this.onStatement));
    if (!callback) return promise;
    promise.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  /**
   * A lone query (Prisma outside $transaction): its own short transaction with the setting, sent with the
   * query in one round trip (lib/db/scoped-query.ts).
   */
  override query(...args: unknown[]): never {
    if (typeof args[args.length - 1] === "function") throw new Error("TenantPoolView.query takes no callback");
    const prepared = preparing.get(this.shared) ?? false;
    return (async () => {
      try {
        return await this.runOnce(args, prepared);
      } catch (error) {
        // A named statement gone stale (another process changed the schema under its plan): its connection was
        // discarded; once more, unnamed, on another (decision 049). It failed before it ran, so nothing ran twice.
        if (!prepared || !staleStatement(error)) throw error;
        return await this.runOnce(args, false);
      }
    })() as never;
  }

  private async runOnce(args: unknown[], prepared: { max: number } | false): Promise<pg.QueryResult> {
    this.onStatement?.(queryConfig(args).text);
    const client = await checkout(this.shared);
    // pg emits 'error' on a client whose connection dies; checked out, no one else listens for it, and an
    // unheard 'error' event would end the process. The query's own rejection reports it.
    const ignore = () => undefined;
    client.on("error", ignore);
    let broken: Error | undefined;
    try {
      const result = await runScoped(client, this.orgId, args, prepared);
      // A lone `BEGIN` (never from Prisma, whose transactions use connect()) would leave a transaction open,
      // with the tenant set, on a pooled connection: the connection is not reused and the caller is told.
      if (transactionStatus(client) !== "I") throw (broken = new Error("A lone scoped query must not leave a transaction open"));
      return result;
    } catch (error) {
      // A server-reported error ended its implicit transaction at the Sync (rolled back): the connection is
      // idle and reusable, unless the error was FATAL (the server ends the connection after it) or a named
      // statement's copy on it is stale. Anything else (a lost connection, a client-side failure) keeps the
      // connection out of the pool, as pg-pool does.
      broken ??= reusableAfter(error) && !staleStatement(error) ? undefined : (error as Error);
      throw error;
    } finally {
      client.removeListener("error", ignore);
      client.release(broken);
    }
  }

  override end(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The pool of scoped work, connecting as its own role (DATABASE_APP_URL, or derived: app-role.ts).
 * `preparedStatements`: lone queries as named statements (decision 049); by default unless a pooler is in front.
 */
export function createAppPool(
  connectionString = appDatabaseUrl(),
  max = poolSize(),
  { preparedStatements = preparedStatementsWanted(), maxPerConnection = MAX_PREPARED_PER_CONNECTION }: { preparedStatements?: boolean; maxPerConnection?: number } = {},
): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  if (preparedStatements) preparing.set(pool, { max: maxPerConnection });
  pool.on("error", (error: Error & { code?: string }) => {
    // 57P01: the server is shutting down (e.g. the embedded database stopping with the app), not a failure.
    if (error.code !== "57P01") console.error(`gatehouse: idle database connection failed: ${error.message}`);
  });
  return pool;
}

/**
 * Each tenant client's pool view: scopedRows reads through it without Prisma. On the client under a registered
 * symbol, as client.ts keeps the owner's pool: the clients are cached on globalThis, and Next may bundle this
 * module more than once.
 */
const POOL_VIEW = Symbol.for("gatehouse.tenantPoolView");
type WithView = Db & { [POOL_VIEW]?: TenantPoolView };

/**
 * A Prisma client running as the scoped-work role with `orgId` as the row-level-security tenant.
 * `onStatement`: told the text of every statement it sends, through Prisma or scopedRows (tests count them).
 */
export function createTenantDb(shared: pg.Pool, orgId: string, { onStatement, ...options }: { log?: { emit: "event"; level: "query" }[]; onStatement?: (sql: string) => void } = {}): Db {
  const view = new TenantPoolView(shared, orgId, onStatement);
  const db = new PrismaClient({ ...options, adapter: new PrismaPg(view), transactionOptions: WRITE_TRANSACTION_OPTIONS }) as unknown as Db;
  (db as WithView)[POOL_VIEW] = view;
  return db;
}

/**
 * A raw read in scope, as `dbFor(scope).$queryRawUnsafe(sql, ...params)` would run it — the same pool, role,
 * tenant setting, one round trip and named statement — and with the same rows, without Prisma's per-call work
 * (raw-rows.ts, decision 059). For reads; writes stay in Prisma, in their transactions.
 */
export function scopedRows<T>(scope: { orgId: string }, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (dbFor(scope) as WithView)[POOL_VIEW]!.rows<T>(sql, params);
}

// Each client costs ~10 MB (measured), so only the most recently used organisations keep one.
const MAX_CLIENTS = 16;
interface AppClients {
  pool: pg.Pool;
  dbs: Map<string, Db>;
}
const globalForApp = globalThis as unknown as { gatehouseAppPool?: pg.Pool; gatehouseTenantDbs?: Map<string, Db>; gatehouseAppClientsAt?: Map<string, AppClients> };

function appPool(): pg.Pool {
  if (!globalForApp.gatehouseAppPool) {
    globalForApp.gatehouseAppPool = createAppPool(appDatabaseUrl());
  }
  return globalForApp.gatehouseAppPool;
}

/** The pool and tenant clients of a background job's database (bound-database.ts, decision 088), one set per connection string. */
function appClientsAt(appUrl: string): AppClients {
  const sets = (globalForApp.gatehouseAppClientsAt ??= new Map());
  let set = sets.get(appUrl);
  if (!set) sets.set(appUrl, (set = { pool: createAppPool(appUrl), dbs: new Map() }));
  return set;
}

/** Ends the pools appClientsAt made (a stopping worker, a test). */
export async function endAppPoolsAt(): Promise<void> {
  const sets = [...(globalForApp.gatehouseAppClientsAt?.values() ?? [])];
  globalForApp.gatehouseAppClientsAt?.clear();
  await Promise.all(sets.map((set) => set.pool.end()));
}

/**
 * The client for everything done on behalf of a signed-in user: the data layer's only way to
 * tenant-owned rows outside system jobs. Inside a background job, a client of the job's own database.
 */
export function dbFor(scope: { orgId: string }): Db {
  const bound = boundDatabase();
  const clients = bound ? appClientsAt(bound.appUrl()) : undefined;
  const cache = clients ? clients.dbs : (globalForApp.gatehouseTenantDbs ??= new Map());
  let db = cache.get(scope.orgId);
  if (db) {
    cache.delete(scope.orgId); // re-insert: Map order is the recency order
  } else {
    db = createTenantDb(clients ? clients.pool : appPool(), scope.orgId);
    // The least recently used one is dropped, not disconnected: a request may still be using it, and
    // it holds no connection of its own (they all belong to the shared pool).
    if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
  }
  cache.set(scope.orgId, db);
  return db;
}
