import "server-only";
import type { Db } from "../client";
import { loadRiskSettings, recomputeAccounts, type RecomputeResult } from "./recompute";

export const RECOMPUTE_BATCH = 1000;
/** Batches in flight at once: while PostgreSQL reads or writes one, Node evaluates the other. */
export const RECOMPUTE_CONCURRENCY = 2;

/**
 * Recomputes accounts in batches, each batch its own transaction (one statement to read, one to
 * write). Batches cover disjoint accounts and only read other accounts (as device-sharing context), so
 * two run at once. `onlyStale` skips accounts already evaluated today: age-based rules change with the
 * calendar even when nobody writes.
 */
export async function recomputeOrganisations(
  db: Db,
  options: { today: string; orgIds?: string[]; onlyStale?: boolean; batchSize?: number; concurrency?: number; onBatch?: (done: number) => void },
): Promise<RecomputeResult> {
  const total: RecomputeResult = { accounts: 0, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  const orgs = options.orgIds ?? (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH;
  const concurrency = Math.max(1, options.concurrency ?? RECOMPUTE_CONCURRENCY);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (const orgId of orgs) {
    const settings = await db.$transaction((tx) => loadRiskSettings(tx, orgId));
    let after = "";
    for (;;) {
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM "SellerAccount" WHERE "orgId" = $1 AND id > $2 ${options.onlyStale ? `AND ("evaluatedOn" IS NULL OR "evaluatedOn" < $4::date)` : ""}
         ORDER BY id LIMIT $3`,
        orgId,
        after,
        batchSize,
        ...(options.onlyStale ? [options.today] : []),
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      after = ids[ids.length - 1];
      const range: [string, string] = [ids[0], after];
      const batch = db
        .$transaction((tx) => recomputeAccounts(tx, orgId, ids, { today: options.today, settings, range }), { timeout: 120_000 })
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
    if (failure !== undefined) throw failure;
  }
  return total;
}
