import "server-only";
import { createDb } from "./client";
import { applyMigrations } from "./migrate";
import { seedDemoIfEmpty, type SeedOutcome } from "./seed";

export interface PrepareResult {
  migrationsApplied: string[];
  seed: SeedOutcome | "disabled";
}

/** Everything a database needs before the app serves from it: migrations, tool catalogue, demo seed. */
export async function prepareDatabase(url: string, options: { seed: boolean; today: string }): Promise<PrepareResult> {
  const { applied } = await applyMigrations(url);
  const db = createDb(url);
  try {
    const seed = options.seed ? await seedDemoIfEmpty(db, options.today) : "disabled";
    return { migrationsApplied: applied, seed };
  } finally {
    await db.$disconnect();
  }
}
