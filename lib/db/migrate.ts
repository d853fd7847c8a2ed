import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { appLogin, ensureAppRole, type LoginEnv } from "./app-role";

// Applies prisma/migrations/*/migration.sql in order without the Prisma CLI (whose native engine
// cannot be downloaded everywhere), recording each in Prisma's own _prisma_migrations table so the
// CLI agrees later. An advisory lock makes concurrent starts safe.
const LOCK_KEY = 72_707_369;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * `env` supplies the scoped-work role's login (DATABASE_APP_URL, or AUTH_SECRET to derive its password);
 * without AUTH_SECRET the role is still made and granted, and its password is set at the next start.
 * `env.DATABASE_DIRECT_URL`, when set, is where it connects: the advisory lock is session state, which
 * PgBouncer in transaction mode would not keep (decision 020).
 */
export async function applyMigrations(
  connectionString: string,
  migrationsDir = join(process.cwd(), "prisma/migrations"),
  env: LoginEnv = process.env,
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: env.DATABASE_DIRECT_URL || connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "checksum" varchar(64) NOT NULL,
      "finished_at" timestamptz,
      "migration_name" varchar(255) NOT NULL,
      "logs" text,
      "rolled_back_at" timestamptz,
      "started_at" timestamptz NOT NULL DEFAULT now(),
      "applied_steps_count" integer NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    for (const name of names) {
      const sql = await readFile(join(migrationsDir, name, "migration.sql"));
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = applied.get(name);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum differs); add a new migration instead`);
        result.alreadyApplied += 1;
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql.toString("utf8"));
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      result.applied.push(name);
    }
    await ensureAppRole(client, appLogin(connectionString, env));
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
