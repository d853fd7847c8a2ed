import "server-only";
import type { Db } from "../client";
import { loadRiskSettings, recomputeAccounts, type RecomputeResult } from "./recompute";

export const RECOMPUTE_BATCH = 2000;

/**
 * Recomputes accounts in batches, each batch its own transaction (a set-based read of ~8 queries and a
 * handful of set-based writes). `onlyStale` skips accounts already evaluated today: age-based rules
 * change with the calendar even when nobody writes.
 */
export async function recomputeOrganisations(
  db: Db,
  options: { today: string; orgIds?: string[]; onlyStale?: boolean; batchSize?: number; onBatch?: (done: number) => void },
): Promise<RecomputeResult> {
  const total: RecomputeResult = { accounts: 0, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  const orgs = options.orgIds ?? (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH;
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
      const r = await db.$transaction((tx) => recomputeAccounts(tx, orgId, ids, { today: options.today, settings }), { timeout: 120_000 });
      for (const k of Object.keys(total) as (keyof RecomputeResult)[]) total[k] += r[k];
      options.onBatch?.(total.accounts);
      after = ids[ids.length - 1];
    }
  }
  return total;
}
