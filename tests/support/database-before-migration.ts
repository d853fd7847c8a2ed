import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createThrowawayDatabase } from "./test-database";

/**
 * A throwaway database migrated up to, not including, `migration`: a data migration's test stores what the schema
 * held before it, then applies the rest (`applyMigrations(db.url)`) and reads what it made of it.
 */
export async function databaseBeforeMigration(adminUrl: string, migration: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = await createThrowawayDatabase(adminUrl, prefix);
  const before = await mkdtemp(join(tmpdir(), `${prefix}-`));
  try {
    await cp("prisma/migrations", before, { recursive: true });
    for (const name of await readdir(before)) if (name >= migration) await rm(join(before, name), { recursive: true });
    await applyMigrations(db.url, before);
  } finally {
    await rm(before, { recursive: true, force: true });
  }
  return db;
}
