import "server-only";
import type { Sql } from "../risk/sql";

// PersonFindingCount (decision 035) is kept by statement triggers, each recounting the people its rows
// concern. A bulk writer that writes findings in many batches would recount the same people (agency staff
// on every account) once per batch, from all their findings; it defers the counts for its transaction
// instead and recounts the people it touched once, at its end (migration 20261210030000).

/** From here to the end of the transaction the triggers leave the counts to `recountPersonFindings`. */
export async function deferPersonFindingCounts(sql: Sql): Promise<void> {
  await sql(`SELECT set_config('gatehouse.person_counts_deferred', 'on', true)`, []);
}

/**
 * Recounts these people's open findings (null = every person of the organisation), locking their rows in
 * id order as the triggers do, and lets the triggers count again for the rest of the transaction.
 */
export async function recountPersonFindings(sql: Sql, orgId: string, personIds: string[] | null): Promise<void> {
  if (personIds === null) await sql(`SELECT gatehouse_recount_org_person_findings($1)`, [orgId]);
  else if (personIds.length > 0) await sql(`SELECT gatehouse_recount_person_findings($1, $2::text[])`, [orgId, personIds]);
  await sql(`SELECT set_config('gatehouse.person_counts_deferred', 'off', true)`, []);
}
