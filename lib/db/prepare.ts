import "server-only";
import { appLogin, checkAppLogin, type LoginEnv } from "./app-role";
import { createDb } from "./client";
import { applyMigrations } from "./migrate";
import { backfillPersonAccess } from "./people/person-access";
import { recomputeOrganisations } from "./risk/recompute-all";
import { seedDemoIfEmpty, type SeedOutcome } from "./seed";
import { syncToolCatalogue } from "./tools";

export interface PrepareResult {
  migrationsApplied: string[];
  seed: SeedOutcome | "disabled";
  recomputed: number;
}

/**
 * Everything a database needs before the app serves from it: migrations, the role of scoped work (made,
 * granted, and proved to log in as itself: the start fails here rather than serve without row-level
 * security), tool catalogue, demo seed. `env` gives that role's login (AUTH_SECRET or DATABASE_APP_URL).
 */
export async function prepareDatabase(
  url: string,
  options: { seed: boolean; today: string; env?: LoginEnv },
): Promise<PrepareResult> {
  const env = options.env ?? process.env;
  const { applied } = await applyMigrations(url, undefined, env);
  const login = appLogin(url, env);
  if (login.url) await checkAppLogin(login.url, login.role);
  const db = createDb(url);
  try {
    // The tool catalogue is needed by forms and imports with or without the demo.
    await syncToolCatalogue(db);
    const seed = options.seed ? await seedDemoIfEmpty(db, options.today) : "disabled";
    // Statistics for the demo's rows now, not whenever autovacuum comes by: the first large import after a
    // fresh demo start planned on tables it took for empty and spent 73 s (at load 1.5) on 30 rows.
    if (seed === "seeded") await db.$executeRawUnsafe("ANALYZE");
    await backfillPersonAccess((text, params) => db.$queryRawUnsafe(text, ...params));
    // Findings age with the calendar: bring every account evaluated before today up to date.
    const { accounts } = await recomputeOrganisations({ connectionString: url }, { today: options.today, onlyStale: true });
    return { migrationsApplied: applied, seed, recomputed: accounts };
  } finally {
    await db.$disconnect();
  }
}
