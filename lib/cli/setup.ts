import { join } from "node:path";
import { createDb } from "../db/client";
import { attachOrStartEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { createAgencyWithOwner } from "../db/setup/create-agency";
import { syncToolCatalogue } from "../db/tools";
import { parseEnv } from "../env";
import { AppError } from "../errors";
import { agencyWithOwnerSchema } from "../validation/setup";
import { firstInvisibleCharacter, INVISIBLE_CHARACTER_KEY, invisibleCharacterMessage } from "../validation/invisible-characters";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../validation/limits";
import { parseSetupArgs, SETUP_USAGE, SetupUsageError } from "./setup-args";

export interface SetupIO {
  env: Record<string, string | undefined>;
  /** One line of standard input (the password when GATEHOUSE_OWNER_PASSWORD is unset). */
  readLine(): Promise<string | null>;
  stdout(text: string): void;
  stderr(text: string): void;
}

// What the policy keys mean, for a terminal (the web form words them from the catalogue).
const PROBLEMS: Record<string, string> = {
  "validation.required": "is required",
  "validation.tooLong": "is too long",
  "validation.email": "is not a valid e-mail address",
  "validation.emailTooLong": "is too long for an e-mail address",
  "validation.emailTaken": "already belongs to a user: that e-mail already exists",
  "validation.orgNameTaken": "is already the name of an organisation (names are compared without case): choose another",
  "validation.password.tooShort": `is too short (at least ${MIN_PASSWORD_LENGTH} characters)`,
  "validation.password.tooLong": `is too long (at most ${MAX_PASSWORD_LENGTH} characters)`,
  "validation.password.common": "is a commonly used password",
  "validation.password.personal": "is made of the name or e-mail",
  "validation.password.weak": "is too easy to guess",
};
const FIELDS: Record<string, string> = { orgName: "--org", email: "--email", name: "--name", locale: "--locale", password: "password" };

const MIGRATIONS = join(import.meta.dirname, "../../prisma/migrations");

/** `gatehouse setup`: 0 created; 2 bad arguments, bad input or an e-mail that already exists. */
export async function runSetup(argv: readonly string[], io: SetupIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(SETUP_USAGE);
    return 0;
  }
  let command;
  try {
    command = parseSetupArgs(argv);
  } catch (error) {
    if (!(error instanceof SetupUsageError)) throw error;
    io.stderr(`gatehouse setup: ${error.message}\n\n${SETUP_USAGE}`);
    return 2;
  }
  // Empty counts as unset, as for every other variable (lib/env.ts).
  const password = io.env.GATEHOUSE_OWNER_PASSWORD || (await io.readLine());
  const input: Record<string, string | undefined> = {
    orgName: command.org, email: command.email, name: command.name ?? command.email.split("@")[0], locale: command.locale, password: password ?? "",
  };
  const parsed = agencyWithOwnerSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      // Where the invisible character is, in the value as given (decision 101).
      const invisible = issue.message === INVISIBLE_CHARACTER_KEY ? firstInvisibleCharacter((input[field] ?? "").trim()) : null;
      io.stderr(`gatehouse setup: ${FIELDS[field] ?? field} ${invisible ? invisibleCharacterMessage(invisible) : (PROBLEMS[issue.message] ?? issue.message)}\n`);
    }
    return 2;
  }
  const env = parseEnv(io.env);
  const embedded = env.DATABASE_URL ? null : await attachOrStartEmbeddedPostgres({ dataDir: env.GATEHOUSE_DATA_DIR });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    await applyMigrations(url, MIGRATIONS);
    const db = createDb(url);
    try {
      await syncToolCatalogue(db);
      const created = await createAgencyWithOwner(db, parsed.data);
      io.stdout(`created organisation "${parsed.data.orgName}" (${created.orgId}) with Owner ${created.email}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = (error.details ?? {}) as Record<string, string>;
      const said = Object.entries(details).map(([field, key]) => `${FIELDS[field] ?? field} ${PROBLEMS[key] ?? key}`);
      io.stderr(`gatehouse setup: ${said.length ? said.join("; ") : error.message}\n`);
      return 2;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await embedded?.stop();
  }
}
