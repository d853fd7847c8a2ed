import { parseSnapshot, type ParseSnapshotResult, type SnapshotError } from "@/lib/validation/snapshot";
import { parseSpreadsheetSnapshot } from "@/lib/validation/snapshot-identities";

// Reading an uploaded snapshot's text; the import page then previews and applies it with
// upsertSnapshot (lib/db/snapshots/upsert.ts). Pure: shared by the page, the API and tests.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function tooLargeError(): SnapshotError {
  const mb = MAX_IMPORT_BYTES / 1024 / 1024;
  return { path: "(file)", message: `larger than ${mb} MB`, reason: { key: "fileTooLarge", vars: { mb } } };
}

/** JSON.parse's complaint, with the line and column of "at position N" when the engine gives one. */
export function jsonError(error: Error, text: string): SnapshotError {
  const message = `not valid JSON: ${error.message}`;
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return { path: "(file)", message, reason: { key: "notJson" } };
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return { path: "(file)", message, reason: { key: "notJsonAt", vars: { line, column } } };
}

/**
 * The text of an uploaded or pasted snapshot, read and validated: every problem with its JSON path. `fromSpreadsheet`:
 * the document was read from a spreadsheet, so the forms' record-identity rules apply too (decision 074).
 */
export function parseSnapshotText(text: string, { fromSpreadsheet = false }: { fromSpreadsheet?: boolean } = {}): ParseSnapshotResult {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, errors: [tooLargeError()] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonError(error as Error, text)] };
  }
  return fromSpreadsheet ? parseSpreadsheetSnapshot(json) : parseSnapshot(json);
}
