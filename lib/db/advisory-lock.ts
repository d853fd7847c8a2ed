import "server-only";
import type { Tx } from "./client";
import type { Sql } from "./risk/sql";

// One way to take a transaction-scoped advisory lock, for the Prisma transactions of lib/db and the large import's
// own connection (bulk-import/connection.ts, which has no Prisma). The key is a text hashed by PostgreSQL
// (hashtextextended, seed 0) to the lock's 64-bit id: processes of different versions exclude each other exactly when
// they pass the same text, so a key's text is never changed once released (e.g. `snapshot-upsert:<org>`).
// The lock is held until the transaction ends; there is no unlock.

export const ADVISORY_XACT_LOCK_SQL = "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))";

/** Waits for, then holds until the end of `tx`'s transaction, the advisory lock named `key`. Call it inside a transaction only. */
export async function lockForTransaction(tx: Pick<Tx, "$executeRawUnsafe"> | Sql, key: string): Promise<void> {
  if (typeof tx === "function") await tx(ADVISORY_XACT_LOCK_SQL, [key]);
  else await tx.$executeRawUnsafe(ADVISORY_XACT_LOCK_SQL, key);
}
