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
