import { DATE_ONLY_PATTERN, isValidDate } from "../dates";
import type { Severity } from "../risk/types";
import { SEVERITIES } from "../risk/types";

export type Command =
  | { kind: "help" }
  | { kind: "schema" }
  | { kind: "audit"; file: string; json: boolean; asOf: string | null; failOn: Severity | null };

export class UsageError extends Error {}

function optionValue(argv: readonly string[], i: number, name: string): [string, number] {
  const arg = argv[i];
  if (arg.includes("=")) return [arg.slice(arg.indexOf("=") + 1), i];
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
  return [value, i + 1];
}

/** Parses `audit FILE [--json] [--as-of D] [--fail-on S]`, `schema` and `--help`; throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError("missing command");
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  const [command, ...rest] = argv;
  if (command === "schema") {
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" for schema`);
    return { kind: "schema" };
  }
  if (command !== "audit") throw new UsageError(`unknown command "${command}"`);

  let file: string | null = null;
  let json = false;
  let asOf: string | null = null;
  let failOn: Severity | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const name = arg.split("=")[0];
    if (arg === "--json") json = true;
    else if (name === "--as-of") {
      [asOf, i] = optionValue(rest, i, name);
      if (!DATE_ONLY_PATTERN.test(asOf) || !isValidDate(asOf)) throw new UsageError(`--as-of: expected a calendar date YYYY-MM-DD, got "${asOf}"`);
    } else if (name === "--fail-on") {
      let value: string;
      [value, i] = optionValue(rest, i, name);
      if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on: expected one of ${SEVERITIES.join(", ")}, got "${value}"`);
      failOn = value as Severity;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option "${arg}"`);
    else if (file === null) file = arg;
    else throw new UsageError(`unexpected argument "${arg}" (only one FILE)`);
  }
  if (file === null) throw new UsageError("audit needs a FILE");
  return { kind: "audit", file, json, asOf, failOn };
}

export const USAGE = `Usage:
  gatehouse audit FILE [--json] [--as-of YYYY-MM-DD] [--fail-on critical|high|medium|low]
  gatehouse schema
  gatehouse setup --org NAME --email EMAIL [--name NAME] [--locale ja|en]
  gatehouse --help

Commands:
  audit    Evaluate a gatehouse.snapshot/v1 JSON file offline and report risks per seller account.
  schema   Print the JSON Schema of the snapshot format.
  setup    Create an agency organisation and its Owner (gatehouse setup --help).

Options:
  --json                 Print the result as JSON instead of a table.
  --as-of YYYY-MM-DD     Evaluate as of this date (default: the snapshot's asOf, else today in UTC).
  --fail-on SEVERITY     Exit with 1 when any finding is at least this severe.

Exit codes: 0 the file was read and evaluated; 1 a finding reached --fail-on; 2 unreadable or invalid
input, or bad arguments.
`;
