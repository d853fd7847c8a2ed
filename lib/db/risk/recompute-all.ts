import "server-only";
import type { Db } from "../client";
import { loadSharedDevices } from "./load-snapshot";
import { loadRiskSettings, recomputeAccounts, type RecomputeResult } from "./recompute";
import { createSqlPool, sqlOf, type SqlPool } from "./sql";

export const RECOMPUTE_BATCH = 1000;
/** Batches in flight at once: while PostgreSQL reads or writes one, Node evaluates the other. */
export const RECOMPUTE_CONCURRENCY = 2;

/**
 * Where the batches run: the app's Prisma client, or — for a system job started from a script — a
 * connection string, on which a small pg pool is opened for the job and closed after it (the Prisma
 * client and its layers are then never loaded: less memory, less work per batch).
 */
export type RecomputeDb = Db | { connectionString: string };

function runnerFor(db: RecomputeDb, concurrency: number): SqlPool {
  if ("connectionString" in db) return createSqlPool(db.connectionString, concurrency + 1);
  return {
    query: sqlOf(db),
    transaction: (fn) => db.$transaction((tx) => fn(sqlOf(tx)), { timeout: 120_000 }),
    end: async () => undefined,
  };
}

/**
 * Recomputes accounts in batches, each batch its own transaction (one statement to read, one to
 * write). Batches cover disjoint accounts and only read other accounts (as device-sharing context), so
 * two run at once. `onlyStale` skips accounts already evaluated today: age-based rules change with the
 * calendar even when nobody writes.
 */
export async function recomputeOrganisations(
  db: RecomputeDb,
  options: { today: string; orgIds?: string[]; onlyStale?: boolean; batchSize?: number; concurrency?: number; onBatch?: (done: number) => void },
): Promise<RecomputeResult> {
  const total: RecomputeResult = { accounts: 0, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH;
  const concurrency = Math.max(1, options.concurrency ?? RECOMPUTE_CONCURRENCY);
  const runner = runnerFor(db, concurrency);
  try {
    const orgs = options.orgIds ?? (await runner.query<{ id: string }>(`SELECT id FROM "Organization" ORDER BY id`, [])).map((o) => o.id);
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    for (const orgId of orgs) {
      const settings = await loadRiskSettings(runner.query, orgId);
      // The organisation's shared devices, looked up once on a connection of its own while the first
      // batches run without it (each then looks its devices up itself). A batch therefore judges
      // sharing as of the start of the job, plus the sharing among its own accounts' logins as of its
      // read; a write in between recomputes its own accounts anyway.
      let sharedDevices: string[] | undefined;
      const lookup = loadSharedDevices(runner.query, orgId).then(
        (ids) => {
          sharedDevices = ids;
        },
        () => undefined, // only an optimisation: the batches then look their devices up themselves
      );
      let after = "";
      for (;;) {
        const rows = await runner.query<{ id: string }>(
          `SELECT id FROM "SellerAccount" WHERE "orgId" = $1 AND id > $2 ${options.onlyStale ? `AND ("evaluatedOn" IS NULL OR "evaluatedOn" < $4::date)` : ""}
           ORDER BY id LIMIT $3`,
          [orgId, after, batchSize, ...(options.onlyStale ? [options.today] : [])],
        );
        if (rows.length === 0) break;
        const ids = rows.map((r) => r.id);
        after = ids[ids.length - 1];
        const range: [string, string] = [ids[0], after];
        const batch = runner
          .transaction((sql) => recomputeAccounts(sql, orgId, ids, { today: options.today, settings, range, sharedDevices }))
          .then((r) => {
            for (const k of Object.keys(total) as (keyof RecomputeResult)[]) total[k] += r[k];
            options.onBatch?.(total.accounts);
          })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(batch));
        inFlight.add(batch);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
        if (failure !== undefined) break;
      }
      await Promise.all(inFlight);
      await lookup;
      if (failure !== undefined) throw failure;
    }
    return total;
  } finally {
    await runner.end();
  }
}
