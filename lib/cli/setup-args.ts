import { LOCALES, type Locale } from "../i18n/locales";

// `gatehouse setup --org NAME --email EMAIL [--name NAME] [--locale ja|en]` (pinned in API.md; --locale is ours).

export interface SetupCommand {
  org: string;
  email: string;
  name: string | null;
  locale: Locale;
}

export class SetupUsageError extends Error {}

export const SETUP_USAGE = `Usage:
  gatehouse setup --org NAME --email EMAIL [--name NAME] [--locale ja|en]

Creates an agency organisation and its Owner. The password comes from GATEHOUSE_OWNER_PASSWORD or, when
that is unset, one line of standard input; the password policy applies (12+ characters, not common).
Uses DATABASE_URL when set, otherwise the embedded database in GATEHOUSE_DATA_DIR (default .gatehouse),
whether the app is running or not, and applies pending migrations first.

Exit codes: 0 created; 2 bad input or the e-mail already exists.
`;

export function parseSetupArgs(argv: readonly string[]): SetupCommand {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!["--org", "--email", "--name", "--locale"].includes(name)) throw new SetupUsageError(arg.startsWith("-") ? `unknown option "${arg}"` : `unexpected argument "${arg}"`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new SetupUsageError(`${name} needs a value`);
      i++;
    }
    if (name in values) throw new SetupUsageError(`${name} given twice`);
    values[name] = value;
  }
  if (!values["--org"]) throw new SetupUsageError("--org NAME is required");
  if (!values["--email"]) throw new SetupUsageError("--email EMAIL is required");
  const locale = values["--locale"] ?? "ja";
  if (!(LOCALES as readonly string[]).includes(locale)) throw new SetupUsageError(`--locale: expected one of ${LOCALES.join(", ")}, got "${locale}"`);
  return { org: values["--org"], email: values["--email"], name: values["--name"] ?? null, locale: locale as Locale };
}
