import type { SnapshotError } from "../validation/snapshot";
import { messages, type MessageKey } from "./messages";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

function typeName(t: T, type: unknown): string {
  const key = `importType.${String(type)}`;
  return key in messages.ja ? t(key as MessageKey) : String(type);
}

/** One import problem in the reader's language; the schema's English message when it has no known reason. */
export function describeSnapshotError(error: SnapshotError, t: T): string {
  const reason = error.reason;
  if (!reason) return error.message;
  const vars = { ...reason.vars };
  if ("expected" in vars) vars.expected = typeName(t, vars.expected);
  if ("received" in vars) vars.received = typeName(t, vars.received);
  return t(`importError.${reason.key}`, vars);
}

/** The same problems with their messages translated; the paths stay as they are. */
export function translateSnapshotErrors(errors: readonly SnapshotError[], t: T): SnapshotError[] {
  return errors.map((e) => ({ path: e.path, message: describeSnapshotError(e, t) }));
}
