import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { ownerStatementName, preparedStatementsWanted } from "./prepared-statements";
import { poolSize } from "./pool-size";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { gatehouseDb?: PrismaClient };

/** One client per process, created on first use so `next build` needs no database. */
export function getDb(): PrismaClient {
  if (!globalForDb.gatehouseDb) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    globalForDb.gatehouseDb = createDb(connectionString);
  }
  return globalForDb.gatehouseDb;
}

export function createDb(connectionString: string, max = poolSize()): PrismaClient {
  // The few registered statements by name on a direct connection (lib/db/prepared-statements.ts, decision 049);
  // "" is pg's unnamed statement.
  const options = preparedStatementsWanted() ? { statementNameGenerator: (query: { sql: string }) => ownerStatementName(query.sql) ?? "" } : undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }, options), transactionOptions: WRITE_TRANSACTION_OPTIONS });
}

/**
 * Prisma's defaults give a transaction 2 s to get a connection: in a burst of writes (50 people saving at once,
 * or a busy 2-core server) the later ones failed with "unable to start a transaction" instead of waiting their
 * turn, which a user sees as an error and a lost edit. A write waits up to 10 s for a connection and may run 15 s.
 */
export const WRITE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
