// Where most benchmarks start: a throwaway database on TEST_DATABASE_URL (a local server), migrated, the
// tool catalogue in place, and one organisation with its Owner. DATABASE_URL points at it before any lib/db
// module is loaded here (they read it when first imported), so a caller imports its own lib/db modules
// only after this returns.
import { randomBytes } from "node:crypto";

export async function openBenchOrganisation(databaseName: string, names: { organisation?: string; owner?: string } = {}) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error("Set TEST_DATABASE_URL to a local PostgreSQL server (a throwaway database is made on it).");
    process.exit(2);
  }
  // The scoped-work role's password derives from AUTH_SECRET: a throwaway one for a throwaway database.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { createThrowawayDatabase } = await import("@/tests/support/test-database");
  const database = await createThrowawayDatabase(adminUrl, databaseName);
  process.env.DATABASE_URL = database.url;
  try {
    const { createDb } = await import("@/lib/db/client");
    const { applyMigrations } = await import("@/lib/db/migrate");
    const { resolveScope } = await import("@/lib/db/scope");
    const { syncToolCatalogue } = await import("@/lib/db/tools");
    await applyMigrations(database.url);
    const db = createDb(database.url);
    await syncToolCatalogue(db);
    const org = await db.organization.create({ data: { name: names.organisation ?? "Bench agency" } });
    const user = await db.user.create({ data: { email: "bench@bench.example", name: names.owner ?? "Bench", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
    const scope = (await resolveScope(user.id))!;
    return { database, db, org, user, scope };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
