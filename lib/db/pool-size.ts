// How many connections each of the process's PostgreSQL pools may open (the owner's, the scoped role's, the replica's).
// Decision 058: on a 2-core host that also runs the database, twenty backends (two pools of 10) cost 1–2 ms more
// PostgreSQL CPU per request at 10 concurrent requests than eight (two of 4). The default stays 10: the scoped pool
// also carries Prisma's interactive write transactions, which hold a connection across the app's awaits, so a small
// pool can queue reads behind a burst of writes. GATEHOUSE_DB_POOL_SIZE sets it.

export const DEFAULT_POOL_SIZE = 10;

export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const value = env.GATEHOUSE_DB_POOL_SIZE;
  if (value === undefined || value === "") return DEFAULT_POOL_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`GATEHOUSE_DB_POOL_SIZE must be a whole number from 1 to 100 (got "${value}")`);
  return n;
}
