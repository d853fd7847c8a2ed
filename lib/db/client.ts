import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { ownerStatementName, preparedStatementsWanted } from "./prepared-statements";
import { poolSize } from "./pool-size";
import { queriesInTurn } from "./queries-in-turn";
import { RAW_TYPES, rawParams } from "./raw-rows";
import { boundDatabase } from "./bound-database";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { gatehouseDb?: PrismaClient; gatehouseDbsAt?: Map<string, PrismaClient> };

/**
 * One client per process, created on first use so `next build` needs no database. Inside a background job, the
 * job's own database instead (bound-database.ts, decision 088): the worker's process may have no DATABASE_URL.
 */
export function getDb(): PrismaClient {
  const bound = boundDatabase();
  if (bound) return dbAt(bound.ownerUrl);
  if (!globalForDb.gatehouseDb) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    globalForDb.gatehouseDb = createDb(connectionString);
  }
  return globalForDb.gatehouseDb;
}

/** The owner's client for `connectionString`, one per connection string for the process's life (a worker's database). */
export function dbAt(connectionString: string): PrismaClient {
  const clients = (globalForDb.gatehouseDbsAt ??= new Map());
  let db = clients.get(connectionString);
  if (!db) clients.set(connectionString, (db = createDb(connectionString)));
  return db;
}

/** Disconnects the clients dbAt made (a stopping worker, a test). */
export async function disconnectDbsAt(): Promise<void> {
  const clients = [...(globalForDb.gatehouseDbsAt?.values() ?? [])];
  globalForDb.gatehouseDbsAt?.clear();
  await Promise.all(clients.map((db) => db.$disconnect()));
}

/**
 * Each owner client's pg pool (Prisma's own, given to its adapter): ownerRows reads through it without Prisma.
 * Kept on the client under a registered symbol, not in a module's WeakMap: Next bundles this module into more than
 * one chunk, and the client (on globalThis) may have been made by another copy.
 */
const OWNER_POOL = Symbol.for("gatehouse.ownerPool");
type WithPool = PrismaClient & { [OWNER_POOL]?: { pool: pg.Pool; prepared: boolean } };

/**
 * The owner's pool. A connection checked out with the promise form, which is how Prisma's adapter starts a
 * transaction, takes its queries in turn (queries-in-turn.ts: Prisma sends an include's relations at once).
 * pg-pool's own `query` checks out with a callback and sends one query: it gets the plain connection.
 */
class TransactionPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) {
    if (callback) return super.connect(callback);
    return super.connect().then((client) => queriesInTurn(client));
  }
}

export function createDb(connectionString: string, max = poolSize()): PrismaClient {
  // The few registered statements by name on a direct connection (lib/db/prepared-statements.ts, decision 049);
  // "" is pg's unnamed statement.
  const prepared = preparedStatementsWanted();
  const named = prepared ? { statementNameGenerator: (query: { sql: string }) => ownerStatementName(query.sql) ?? "" } : {};
  // The pool is made here so ownerRows can use it too; Prisma still ends it at $disconnect.
  const pool = new TransactionPool({ connectionString, max });
  // Heard before Prisma's adapter connects (ownerRows may come first): an unheard pool 'error' ends the process.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`gatehouse: idle database connection failed: ${error.message}`);
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { ...named, disposeExternalPool: true }), transactionOptions: WRITE_TRANSACTION_OPTIONS });
  (db as WithPool)[OWNER_POOL] = { pool, prepared };
  return db;
}

/**
 * A raw read on the owner's connection, as `getDb().$queryRawUnsafe(sql, ...params)` would run it (the same pool,
 * the same named statement when registered) and with the same rows, without Prisma's per-call work (raw-rows.ts,
 * decision 059). For the few system reads every request makes (the session and its scope).
 */
export async function ownerRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
  const { pool, prepared } = (getDb() as WithPool)[OWNER_POOL]!;
  const name = prepared ? ownerStatementName(sql) : undefined;
  const result = await pool.query({ ...(name ? { name } : {}), text: sql, values: rawParams(params), types: RAW_TYPES });
  return result.rows as T[];
}

/**
 * Prisma's defaults give a transaction 2 s to get a connection: in a burst of writes (50 people saving at once,
 * or a busy 2-core server) the later ones failed with "unable to start a transaction" instead of waiting their
 * turn, which a user sees as an error and a lost edit. A write waits up to 10 s for a connection and may run 15 s.
 */
export const WRITE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
