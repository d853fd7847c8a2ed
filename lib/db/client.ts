import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { ownerStatementName, preparedStatementsWanted } from "./prepared-statements";

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

export function createDb(connectionString: string, max = 10): PrismaClient {
  // The few registered statements by name on a direct connection (lib/db/prepared-statements.ts, decision 049);
  // "" is pg's unnamed statement.
  const options = preparedStatementsWanted() ? { statementNameGenerator: (query: { sql: string }) => ownerStatementName(query.sql) ?? "" } : undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }, options) });
}
