import type { SnapshotError } from "../validation/snapshot";
import { interpolate } from "./format";
import type { MessageKey } from "./messages";
import * as importErrors from "./messages/import-errors";
import * as inputSafety from "./messages/input-safety";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

// The one wording of a snapshot's problems (decision 094): the import page, the API (POST /audit, POST /snapshots)
// and `gatehouse audit` all say them through describeSnapshotError, the command in English. It reads only the two
// catalogue files that hold these sentences, so the command does not load the app's whole catalogue to say them.

const TYPE_WORDS = new Set(Object.keys(importErrors.ja).filter((key) => key.startsWith("importType.")));
const typeWords = (t: T, type: unknown) => (TYPE_WORDS.has(`importType.${String(type)}`) ? t(`importType.${String(type)}` as MessageKey) : String(type));

/** One import problem in the reader's language; the schema's English message when it has no known reason. */
export function describeSnapshotError(error: SnapshotError, t: T): string {
  const reason = error.reason;
  if (!reason) return error.message;
  const vars = { ...reason.vars };
  if ("expected" in vars) vars.expected = typeWords(t, vars.expected);
  if ("received" in vars) vars.received = typeWords(t, vars.received);
  return t(`importError.${reason.key}`, vars);
}

/** The same problems with their messages translated; the paths stay as they are. */
export function translateSnapshotErrors(errors: readonly SnapshotError[], t: T): SnapshotError[] {
  return errors.map((e) => ({ path: e.path, message: describeSnapshotError(e, t) }));
}

const ENGLISH: Record<string, string> = { ...importErrors.en, ...inputSafety.en };
const english: T = (key, vars) => interpolate(ENGLISH[key] ?? key, vars, "en");

/** describeSnapshotError in English, from these sentences alone: what `gatehouse audit` prints after the JSON path. */
export function describeSnapshotErrorInEnglish(error: SnapshotError): string {
  return describeSnapshotError(error, english);
}
