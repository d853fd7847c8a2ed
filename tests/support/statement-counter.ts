import type { PrismaClient } from "@/lib/db/generated/client";
import type { Scope } from "@/lib/db/scope";
import { createAppPool, createTenantDb, dbFor } from "@/lib/db/tenant";

/** Runs `read` with the organisation's scoped client replaced by one that records every statement sent. */
export async function countStatements<T>(scope: Scope, read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pool = createAppPool();
  const counting = createTenantDb(pool, scope.orgId, { log: [{ emit: "event", level: "query" }] }) as unknown as PrismaClient<"query">;
  const statements: string[] = [];
  counting.$on("query", (e) => void statements.push(e.query));
  const previous = dbFor(scope); // also makes sure the cache exists
  const holder = (globalThis as unknown as { gatehouseTenantDbs: Map<string, unknown> }).gatehouseTenantDbs;
  holder.set(scope.orgId, counting);
  try {
    return { result: await read(), statements };
  } finally {
    holder.set(scope.orgId, previous);
    await counting.$disconnect();
    await pool.end();
  }
}
