import { join } from "node:path";
import { createDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { unsafeCreateApiTokenForOrganisation } from "../db/api-tokens/tokens";
import { API_TOKEN_NAME_MAX, API_TOKEN_SCOPES, type ApiTokenScopeName } from "../validation/api-tokens";
import { withCliDatabase } from "./cli-database";
import { firstInvisibleCharacter, invisibleCharacterMessage } from "../validation/invisible-characters";

// `gatehouse token create --org NAME --name TOKEN_NAME --scope read|write` (../shared/API.md): prints the
// token alone on standard output, once. Exit 0; 2 for bad arguments, an unknown organisation or scope, or a
// name one of the organisation's active tokens already has (compared without case, decision 095).

export const TOKEN_USAGE = `Usage:
  gatehouse token create --org NAME --name TOKEN_NAME --scope read|write

Creates an API token for the organisation (acting as its first Owner; --org is its name, in any case, or
its id, which gatehouse setup prints) and prints it alone on standard output; it is not shown again. The name
must differ (without case) from those of the organisation's active tokens. Uses DATABASE_URL, otherwise the
embedded database in GATEHOUSE_DATA_DIR
(default .gatehouse), whether the app is running or not, and applies pending migrations first.
`;

export interface TokenIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

type Parsed = { org: string; name: string; scope: ApiTokenScopeName } | { error: string };

export function parseTokenArgs(argv: readonly string[]): Parsed | { help: true } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const [sub, ...rest] = argv;
  if (sub !== "create") return { error: sub === undefined ? "token needs a subcommand (create)" : `unknown token subcommand "${sub}"` };
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!["--org", "--name", "--scope"].includes(name)) return { error: `unknown option "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) return { error: `${name} needs a value` };
    values[name.slice(2)] = value;
  }
  for (const required of ["org", "name", "scope"]) if (!values[required]?.trim()) return { error: `--${required} is required` };
  if (!(API_TOKEN_SCOPES as readonly string[]).includes(values.scope)) return { error: `--scope: expected read or write, got "${values.scope}"` };
  if (values.name.trim().length > API_TOKEN_NAME_MAX) return { error: `--name: at most ${API_TOKEN_NAME_MAX} characters` };
  // "nightly\u200B" beside "nightly" would pass decision 095's one-name rule (decision 101).
  const invisible = firstInvisibleCharacter(values.name.trim());
  if (invisible) return { error: `--name: ${invisibleCharacterMessage(invisible)}` };
  return { org: values.org, name: values.name.trim(), scope: values.scope as ApiTokenScopeName };
}

export async function runTokenCommand(argv: readonly string[], io: TokenIO): Promise<number> {
  const parsed = parseTokenArgs(argv);
  if ("help" in parsed) {
    io.stdout(TOKEN_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    io.stderr(`gatehouse: ${parsed.error}\n\n${TOKEN_USAGE}`);
    return 2;
  }
  return withCliDatabase(io.env, async (url) => {
    await applyMigrations(url, join(import.meta.dirname, "../../prisma/migrations"));
    const db = createDb(url);
    try {
      const result = await unsafeCreateApiTokenForOrganisation(db, { orgName: parsed.org, name: parsed.name, scope: parsed.scope });
      if (!result.ok) {
        const why =
          result.problem === "ambiguous_organisation"
            ? `several organisations are named "${parsed.org}": pass one's id as --org (${result.orgIds.join(", ")})`
            : result.problem === "name_taken" && result.expired
              ? `--name: organisation "${parsed.org}" has an expired API token still named "${result.taken}" (names are compared without case; an expired token keeps its name until it is revoked): revoke it in Settings → API tokens to reuse the name, or choose another name`
            : result.problem === "name_taken"
              ? `--name: organisation "${parsed.org}" already has an active API token named "${result.taken}" (names are compared without case): choose another name, or revoke that token first`
              : { unknown_organisation: `no organisation named "${parsed.org}"`, no_owner: `organisation "${parsed.org}" has no Owner to act as` }[result.problem];
        io.stderr(`gatehouse: ${why}\n`);
        return 2;
      }
      io.stdout(`${result.token}\n`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  });
}
