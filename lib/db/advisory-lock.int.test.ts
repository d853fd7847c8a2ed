import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { until } from "@/tests/support/job-waits";
import { lockForTransaction } from "./advisory-lock";
import type { Sql } from "./risk/sql";

// The one advisory-lock helper, in both shapes its callers pass (a Prisma transaction; the large import's plain
// connection): a key held by one transaction is refused to another until the first ends, a different key is not, and
// the lock is the one the inline statement of earlier releases took for the same text (an old and a new process
// running side by side still exclude each other). No timings: the other side asks with pg_try_advisory_xact_lock, and
// a waiter is seen waiting in pg_locks.

const db = testDb();
afterAll(() => db.$disconnect());

/** The statement every caller ran inline before the helper (stop 41): what an older process still runs. */
const INLINE_TRY = `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS got`;

/** A plain connection in a transaction of its own, as the large import holds one (bulk-import/connection.ts). */
async function plainTransaction() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  const sql: Sql = async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[];
  const [{ pid }] = await sql<{ pid: number }>(`SELECT pg_backend_pid() AS pid`, []);
  const tries = async (key: string) => (await sql<{ got: boolean }>(INLINE_TRY, [key]))[0].got;
  const end = async () => {
    await client.query("ROLLBACK").catch(() => undefined);
    await client.end();
  };
  return { sql, pid, tries, end };
}

const keyOf = (name: string) => `advisory-test:${name}:${crypto.randomUUID()}`;

describe("lockForTransaction", () => {
  it("holds a key against every other transaction until the holder's ends, and no other key (a Prisma transaction holding)", async () => {
    const held = keyOf("held");
    const other = keyOf("other");
    const second = await plainTransaction();
    try {
      await db.$transaction(
        async (tx) => {
          await lockForTransaction(tx, held);
          // The statement older releases ran inline is refused the same key: it is the same lock.
          expect(await second.tries(held)).toBe(false);
          expect(await second.tries(other)).toBe(true);
        },
        { timeout: 60_000 },
      );
      // The holder's transaction ended: the key is free again (taken here by the other transaction).
      expect(await second.tries(held)).toBe(true);
    } finally {
      await second.end();
    }
  });

  it("makes a second holder of the same key wait until the first commits (a plain connection holding, then a Prisma transaction waiting)", async () => {
    const key = keyOf("queue");
    const first = await plainTransaction();
    let acquired = false;
    let waiting: Promise<void> | null = null;
    try {
      await lockForTransaction(first.sql, key);
      waiting = (async () => {
        await db.$transaction(
          async (tx) => {
            await lockForTransaction(tx, key);
            acquired = true;
          },
          { timeout: 60_000, maxWait: 15_000 },
        );
      })();
      // The waiter is seen in pg_locks, not granted, on the lock the first transaction holds (a 64-bit key is shown
      // as its high and low halves, classid and objid, with objsubid 1).
      await until(async () => {
        const [row] = await db.$queryRawUnsafe<{ granted: number; waiting: number }[]>(
          `SELECT count(*) FILTER (WHERE granted AND pid = $1)::int AS granted, count(*) FILTER (WHERE NOT granted AND pid <> $1)::int AS waiting
           FROM pg_locks l WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($2, 0)`,
          first.pid,
          key,
        );
        return row.granted === 1 && row.waiting === 1;
      });
      expect(acquired).toBe(false);
      await first.sql("COMMIT", []);
      await waiting;
      expect(acquired).toBe(true);
    } finally {
      await first.end();
      await waiting?.catch(() => undefined);
    }
  });
});
