import { riskSettingsOverridesSchema } from "./risk-settings";
import { parseSnapshot, type ParseSnapshotResult, type Snapshot } from "./snapshot";
import { validSnapshotInPlace as check } from "./snapshot-check";
import type { DeviceUseRecorder } from "./snapshot-references";

// The bulk path of snapshot validation (issue 15, decision 024) for callers that have zod loaded anyway:
// the hand-written check (snapshot-check.ts, which loads no zod) with the settings checked by their zod
// schema, and parseSnapshot for anything the check does not accept outright.

/**
 * The document completed with its defaults when it is valid as it stands; null at the first problem (or
 * key zod would have to sanitise away). Mutates `input`: only for a document the caller gives up. `uses`
 * receives the device uses as in snapshot-check.ts.
 */
export function validSnapshotInPlace(input: unknown, uses?: DeviceUseRecorder): Snapshot | null {
  return check(input, (value) => riskSettingsOverridesSchema.safeParse(value), uses);
}

/**
 * parseSnapshot for a document the caller gives up (the audit command's file): the fast check first, the
 * zod path for anything it does not accept outright. Same result as parseSnapshot(input), errors included.
 */
export function parseSnapshotOwned(input: unknown): ParseSnapshotResult {
  // A document the fast check gives up on may already hold some defaults it filled in: values zod would
  // fill in itself, so zod's result (snapshot or errors) is the same as on the document as it came.
  const snapshot = validSnapshotInPlace(input);
  return snapshot ? { ok: true, snapshot } : parseSnapshot(input);
}
