import { evaluateEachAccount, evaluateSnapshot, isAtLeast, type Severity } from "../risk";
import { parseDay, formatDay } from "../dates";
import type { SnapshotError } from "../validation/snapshot";
import { jsonProblemOf } from "../validation/json-problem";
import { parseSnapshotOwnedOnDemand } from "../validation/snapshot-check";
import { parseArgs, USAGE, UsageError } from "./args";
import { AuditTableWriter, maskLabelPhoneNumbers, toAuditJson } from "./format";

export interface CliIO {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today's UTC date, YYYY-MM-DD: the last fallback for asOf (the engine itself never reads a clock). */
  today(): string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;

const MAX_REPORTED_ERRORS = 20;

/**
 * Text from the file, as written to a terminal: its control characters (an ESC can recolour or clear the
 * screen, a CR overwrite the line) become \uXXXX; the newlines of the output's own layout stay.
 */
export function printable(text: string, keepNewlines = false): string {
  // A report of a valid file holds no control character (the schema refuses them in every text), so a
  // plain loop looks first: ~35 ms on a 33 MB report, where the regular expression's scan took ~190 ms
  // (decision 030, stop 27).
  if (!hasControl(text, keepNewlines)) return text;
  // One regular-expression pass: a character at a time (`out += c`) took 15 s and 900 MB on a 50,000-account
  // report. Surrogate pairs never match (their halves are outside these ranges), as before.
  return text.replace(keepNewlines ? CONTROL_EXCEPT_NEWLINE : CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
/** Whether CONTROL (or CONTROL_EXCEPT_NEWLINE) would match anywhere in `text`. */
function hasControl(text: string, keepNewlines: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c < 0x20 ? !(keepNewlines && c === 0x0a) : c <= 0x9f || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- as above, the newline excepted
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Each problem by its JSON path, in the words the API and the import page use (describeSnapshotError, in English:
 * decision 094). Those words are loaded only for a file that has a problem.
 */
async function reportErrors(file: string, errors: readonly SnapshotError[], io: CliIO): Promise<void> {
  const { describeSnapshotErrorInEnglish } = await import("../i18n/snapshot-errors");
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  for (const error of shown) io.stderr(`gatehouse: ${printable(file)}: ${printable(error.path)}: ${printable(describeSnapshotErrorInEnglish(error))}\n`);
  if (errors.length > shown.length) io.stderr(`gatehouse: ${printable(file)}: … and ${errors.length - shown.length} more problem(s)\n`);
}

async function audit(command: Extract<ReturnType<typeof parseArgs>, { kind: "audit" }>, io: CliIO): Promise<number> {
  const { file } = command;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    io.stderr(`gatehouse: ${printable(file)}: cannot read file: ${printable(reason)}\n`);
    return EXIT_INVALID;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    await reportErrors(file, [jsonProblemOf(error, text)], io);
    return EXIT_INVALID;
  }
  // The parsed file is ours alone: the fast check may complete it in place (decision 024). zod is loaded only
  // for a file that needs it (decision 030, stop 30).
  const parsed = await parseSnapshotOwnedOnDemand(input);
  if (!parsed.ok) {
    await reportErrors(file, parsed.errors, io);
    return EXIT_INVALID;
  }
  // Nothing the command prints holds a full phone number (decision 094).
  const snapshot = maskLabelPhoneNumbers(parsed.snapshot);
  // --as-of > the snapshot's asOf (its UTC date) > today.
  const snapshotDay = snapshot.asOf === undefined ? null : parseDay(snapshot.asOf);
  const asOf = command.asOf ?? (snapshotDay === null ? io.today() : formatDay(snapshotDay));
  const threshold: Severity | null = command.failOn;
  let failed = false;
  if (command.json) {
    const result = evaluateSnapshot(snapshot, { asOf });
    io.stdout(toAuditJson(result, snapshot));
    if (threshold !== null) failed = result.accounts.some((account) => account.findings.some((f) => isAtLeast(f.severity, threshold)));
  } else {
    // The table is built as the engine hands over each account, so no account's findings outlive its turn
    // (decision 030, stop 29), and goes out in pieces (the same bytes: printable replaces character by
    // character).
    const table = new AuditTableWriter(snapshot);
    const day = evaluateEachAccount(snapshot, { asOf }, (account, position) => {
      table.add(account, position);
      if (threshold !== null && !failed) failed = account.findings.some((f) => isAtLeast(f.severity, threshold));
    });
    table.finish(day, (text) => io.stdout(printable(text, true)));
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

/** The whole CLI as a function of its arguments and IO, so tests need no process or file system. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`gatehouse: ${error.message}\n\n${USAGE}`);
    return EXIT_INVALID;
  }
  if (command.kind === "help") {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (command.kind === "schema") {
    // Built from the zod schema: loaded for this command only.
    io.stdout((await import("../validation/snapshot-json-schema")).snapshotJsonSchemaText());
    return EXIT_OK;
  }
  return audit(command, io);
}
