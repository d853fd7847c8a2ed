import { formatDay, parseDay } from "../dates";
import { toAuditJson } from "../cli/format";
import { evaluateSnapshot } from "../risk";
import { parseSnapshot, type SnapshotError } from "../validation/snapshot";

/** JSON.parse's complaint with the line and column of "at position N", as the CLI words it. */
export function jsonProblemOf(error: unknown, text: string): SnapshotError {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return { path: "(root)", message: `expected valid JSON: ${message}` };
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return { path: "(root)", message: `expected valid JSON: ${message} (line ${line}, column ${column})`, reason: { key: "notJsonAt", vars: { line, column } } };
}

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
  const snapshotDay = parsed.snapshot.asOf === undefined ? null : parseDay(parsed.snapshot.asOf);
  const asOf = snapshotDay === null ? today : formatDay(snapshotDay);
  return { ok: true, text: toAuditJson(evaluateSnapshot(parsed.snapshot, { asOf })) };
}
