import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { syncToolCatalogue } from "@/lib/db/tools";
import { createThrowawayDatabase } from "./test-database";

/**
 * A database of the test file's own: jobs work across every organisation (the day's recompute, the
 * digest), so they must not reach into the organisations other test files are using at the same time.
 * Call it before anything uses getDb or dbFor: it points DATABASE_URL at itself.
 */
export async function jobsDatabase(): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const database = await createThrowawayDatabase(inject("adminDatabaseUrl"), "gatehouse_jobs");
  await applyMigrations(database.url, undefined, { AUTH_SECRET: process.env.AUTH_SECRET });
  // lib/db's own clients (getDb, dbFor) read it on first use.
  process.env.DATABASE_URL = database.url;
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  return {
    url: database.url,
    db,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
