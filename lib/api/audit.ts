import { formatDay, parseDay } from "../dates";
import { maskLabelPhoneNumbers, toAuditJson } from "../cli/format";
import { evaluateSnapshot } from "../risk";
import { jsonProblemOf } from "../validation/json-problem";
import { parseSnapshot, type SnapshotError } from "../validation/snapshot";

/**
 * POST /api/v1/audit: the same steps as `gatehouse audit FILE --json` (parse, validate, evaluate as of
 * the snapshot's asOf or today, print), so the answer is byte for byte the command's output.
 */
export function auditSnapshotText(text: string, today: string): { ok: true; text: string } | { ok: false; errors: SnapshotError[] } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonProblemOf(error, text)] };
  }
  const parsed = parseSnapshot(input);
  if (!parsed.ok) return parsed;
  const snapshot = maskLabelPhoneNumbers(parsed.snapshot);
  const snapshotDay = snapshot.asOf === undefined ? null : parseDay(snapshot.asOf);
  const asOf = snapshotDay === null ? today : formatDay(snapshotDay);
  return { ok: true, text: toAuditJson(evaluateSnapshot(snapshot, { asOf }), snapshot) };
}
