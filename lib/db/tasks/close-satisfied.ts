import "server-only";
import type { Tx } from "../client";
import { sqlOf, type Sql } from "../risk/sql";

// A task closes itself when the captured data shows the change: called at the end of every recompute
// (lib/db/risk/recompute.ts), which every write and import of access data runs in its transaction, so a
// task never stays open past the write that satisfied it. One statement; the indexes on
// ("orgId", "accountId", status) keep it to the touched accounts' open tasks.

const LEVEL_RANK = `ARRAY['NONE','VIEW','VIEW_EDIT','ADMIN']`;
const ROLE_RANK = `ARRAY['VIEWER','EDITOR','ADMIN']`;

export const CLOSE_SATISFIED_SQL = `
UPDATE "RemediationTask" t SET status = 'SATISFIED', "closedAt" = now()
WHERE t."orgId" = $1 AND t."accountId" = ANY($2::text[]) AND t.status = 'OPEN' AND (
  (t.kind IN ('REMOVE_LOGIN', 'REDUCE_LOGIN') AND NOT EXISTS (
     SELECT 1 FROM "Login" l WHERE l.id = t."subjectId" AND l."orgId" = $1 AND l.status IN ('ACTIVE', 'INVITED')))
  OR (t.kind = 'REDUCE_LOGIN' AND NOT EXISTS (
     SELECT 1 FROM jsonb_to_recordset(coalesce(t.target->'levels', '[]'::jsonb)) AS w(tool text, marketplace text, level text)
     JOIN "PermissionGrant" g ON g."orgId" = $1 AND g."loginId" = t."subjectId" AND g."toolId" = w.tool AND g.marketplace IS NOT DISTINCT FROM w.marketplace
     WHERE array_position(${LEVEL_RANK}, g.level::text) > array_position(${LEVEL_RANK}, w.level)))
  OR (t.kind = 'REMOVE_PARTNER' AND NOT EXISTS (SELECT 1 FROM "AuthorizedPartner" p WHERE p.id = t."subjectId" AND p."orgId" = $1))
  OR (t.kind = 'REMOVE_APP' AND NOT EXISTS (SELECT 1 FROM "AppAuthorization" a WHERE a.id = t."subjectId" AND a."orgId" = $1))
  OR (t.kind = 'REMOVE_OTHER_ACCESS' AND NOT EXISTS (SELECT 1 FROM "OtherAccess" o WHERE o.id = t."subjectId" AND o."orgId" = $1))
  OR (t.kind = 'REDUCE_OTHER_ACCESS' AND NOT EXISTS (
     SELECT 1 FROM "OtherAccess" o WHERE o.id = t."subjectId" AND o."orgId" = $1
       AND coalesce(array_position(${ROLE_RANK}, upper(o.role)), 4) > array_position(${ROLE_RANK}, t.target->>'role')))
  OR (t.kind = 'FINDING' AND NOT EXISTS (SELECT 1 FROM "Finding" f WHERE f.id = t."findingId" AND f."orgId" = $1 AND f.status = 'OPEN'))
)
RETURNING t.id`;

/** Closes the open tasks of these accounts whose change the data now shows; returns their ids. */
export async function closeSatisfiedTasks(tx: Tx | Sql, orgId: string, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await sqlOf(tx)<{ id: string }>(CLOSE_SATISFIED_SQL, [orgId, [...accountIds]]);
  return rows.map((r) => r.id);
}
