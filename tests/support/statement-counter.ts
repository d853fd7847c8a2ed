import type { Scope } from "@/lib/db/scope";
import { createAppPool, createTenantDb, dbFor } from "@/lib/db/tenant";

/**
 * Runs `read` with the organisation's scoped client replaced by one that records every lone statement it sends,
 * through Prisma or scopedRows (the pool view's onStatement: what goes on the wire, not what Prisma logs).
 */
export async function countStatements<T>(scope: Scope, read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pool = createAppPool();
  const statements: string[] = [];
  const counting = createTenantDb(pool, scope.orgId, { onStatement: (sql) => void statements.push(sql) });
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
