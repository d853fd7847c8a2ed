import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

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

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}
