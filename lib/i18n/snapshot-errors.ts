import type { SnapshotError } from "../validation/snapshot";
import { enumLabel } from "./enum-label";
import type { MessageKey } from "./messages";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** One import problem in the reader's language; the schema's English message when it has no known reason. */
export function describeSnapshotError(error: SnapshotError, t: T): string {
  const reason = error.reason;
  if (!reason) return error.message;
  const vars = { ...reason.vars };
  if ("expected" in vars) vars.expected = enumLabel(t, "importType", vars.expected);
  if ("received" in vars) vars.received = enumLabel(t, "importType", vars.received);
  return t(`importError.${reason.key}`, vars);
}

/** The same problems with their messages translated; the paths stay as they are. */
export function translateSnapshotErrors(errors: readonly SnapshotError[], t: T): SnapshotError[] {
  return errors.map((e) => ({ path: e.path, message: describeSnapshotError(e, t) }));
}
