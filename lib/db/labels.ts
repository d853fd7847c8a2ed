import "server-only";
import type { Scope } from "./scope";
import { dbFor } from "./tenant";

/** Display names for people and devices of the caller's organisation (one set-based statement). */
export async function labelsFor(scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await dbFor(scope).$queryRawUnsafe<{ id: string; label: string; person: boolean }[]>(
    `SELECT id, name AS label, true AS person FROM "Person" WHERE "orgId" = $1 AND id = ANY($2::text[])
     UNION ALL
     SELECT id, coalesce(label, kind::text), false FROM "Device" WHERE "orgId" = $1 AND id = ANY($2::text[])`,
    scope.orgId,
    ids,
  );
  // People first, devices after: a device's label wins on the (impossible) shared id, as before.
  return new Map(rows.sort((a, b) => Number(b.person) - Number(a.person)).map((r) => [r.id, r.label]));
}
