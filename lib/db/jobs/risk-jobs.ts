import "server-only";
import { recomputeAccounts, type RecomputeResult } from "../risk/recompute";
import { recomputeOrganisations } from "../risk/recompute-all";
import { createSqlPool } from "../risk/sql";

// The risk engine's background jobs. They are system work (every organisation, as the tables' owner on
// DATABASE_URL) and idempotent: recomputing an account twice for the same day writes nothing the second
// time, so a job retried after its worker died simply finishes the work.

/** The day's change: every account not yet evaluated on `today` (ages grow daily). */
export function recomputeDay(connectionString: string, today: string): Promise<RecomputeResult> {
  return recomputeOrganisations({ connectionString }, { today, onlyStale: true });
}

/** After a threshold change: every account of one organisation, whatever day it was last evaluated. */
export function recomputeOrganisation(connectionString: string, orgId: string, today: string): Promise<RecomputeResult> {
  return recomputeOrganisations({ connectionString }, { today, orgIds: [orgId] });
}

/** Accounts holding an acceptance whose last day was before `today`: recomputed, which re-opens it (audited). */
export async function reopenExpiredAcceptances(connectionString: string, today: string): Promise<RecomputeResult> {
  const total: RecomputeResult = { accounts: 0, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  const pool = createSqlPool(connectionString, 2);
  try {
    const due = await pool.query<{ orgId: string; accountId: string }>(
      `SELECT DISTINCT "orgId", "accountId" FROM "Finding"
       WHERE status = 'ACCEPTED' AND "acceptedUntil" IS NOT NULL AND "acceptedUntil" < $1::date
       ORDER BY "orgId", "accountId"`,
      [today],
    );
    const byOrg = new Map<string, string[]>();
    for (const row of due) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row.accountId]);
    for (const [orgId, accountIds] of byOrg) {
      for (let i = 0; i < accountIds.length; i += 500) {
        const ids = accountIds.slice(i, i + 500);
        const result = await pool.transaction((sql) => recomputeAccounts(sql, orgId, ids, { today }));
        for (const k of Object.keys(total) as (keyof RecomputeResult)[]) total[k] += result[k];
      }
    }
    return total;
  } finally {
    await pool.end();
  }
}
