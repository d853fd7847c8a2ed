import "server-only";
import { EVIDENCE_ID_KEYS } from "@/lib/risk/evidence-ja";
import type { Scope } from "./scope";
import { dbFor } from "./tenant";

/** The labels of the ids in text[] parameter `$n`, as rows (id, label, person); the pages fold it into their reads. */
export const labelsSql = (n: number) => labelsOf(`$${n}::text[]`, true);

/** The same for the ids an SQL query (`ids`, one text column) returns, or (`array`) a text[] expression. */
export const labelsOf = (ids: string, array = false) => {
  const among = array ? `= ANY(${ids})` : `IN (${ids})`;
  return `SELECT id, name AS label, true AS person FROM "Person" WHERE "orgId" = $1 AND id ${among}
     UNION ALL
     SELECT id, coalesce(label, kind::text), false FROM "Device" WHERE "orgId" = $1 AND id ${among}`;
};

/**
 * The ids the findings `f` (a FROM item; `where` narrows it) mention in their evidence, as evidenceIds (lib/risk)
 * finds them: comma-separated lists under the keys EVIDENCE_ID_KEYS names (constants: no quote can reach the SQL).
 */
export const evidenceIdsOf = (findings: string, where = "TRUE") => `SELECT DISTINCT btrim(v) FROM ${findings}
     CROSS JOIN unnest(ARRAY[${EVIDENCE_ID_KEYS.map((k) => `'${k}'`).join(", ")}]) k
     CROSS JOIN unnest(string_to_array(f."evidenceData" ->> k, ',')) v
     WHERE ${where} AND btrim(v) <> ''`;

export type LabelRow = { id: string; label: string; person: boolean };

// People first, devices after: a device's label wins on the (impossible) shared id, as before.
export const labelMap = (rows: LabelRow[]) => new Map([...rows].sort((a, b) => Number(b.person) - Number(a.person)).map((r) => [r.id, r.label]));

/** Display names for people and devices of the caller's organisation (one set-based statement). */
export async function labelsFor(scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return labelMap(await dbFor(scope).$queryRawUnsafe<LabelRow[]>(labelsSql(2), scope.orgId, ids));
}
