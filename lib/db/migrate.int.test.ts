import { cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { applyMigrations } from "./migrate";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function emptyDatabase() {
  const db = await createThrowawayDatabase(inject("adminDatabaseUrl"), "gatehouse_migrate");
  drops.push(db.drop);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("applies every migration to an empty database and records it the way Prisma does", async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations(url);
    expect(first.applied).toContain("20261123000000_init");
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["SellerAccount", "Login", "TwoStepMethod", "Finding", "AuditEvent"]));
    const recorded = await query<{ migration_name: string; checksum: string }>(url, `SELECT migration_name, checksum FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(first.applied);
    expect(recorded[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is a no-op the second time", async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations(url);
    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
  });

  it("refuses to continue when an applied migration was edited afterwards", async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(join(tmpdir(), "gh-migrations-"));
    await cp("prisma/migrations", dir, { recursive: true });
    await applyMigrations(url, dir);
    await writeFile(join(dir, "20261123000000_init", "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration and leaves it unrecorded", async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(join(tmpdir(), "gh-migrations-"));
    await cp("prisma/migrations", dir, { recursive: true });
    await cp(join(dir, "20261123000000_init"), join(dir, "20991231000000_broken"), { recursive: true });
    await writeFile(join(dir, "20991231000000_broken", "migration.sql"), 'CREATE TABLE "half_done" (id int); SELECT no_such_function();');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/20991231000000_broken failed/);
    const half = await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(half).toHaveLength(0);
    const recorded = (await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`)).map((r) => r.migration_name);
    expect(recorded).not.toContain("20991231000000_broken");
    expect(recorded).toEqual((await readdir("prisma/migrations", { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort());
  });

  it("keeps audit events append-only", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await query(url, `INSERT INTO "AuditEvent" (action, "entityType") VALUES ('test.created', 'test')`);
    await expect(query(url, `UPDATE "AuditEvent" SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    const rows = await query<{ action: string }>(url, `SELECT action FROM "AuditEvent"`);
    expect(rows).toEqual([{ action: "test.created" }]);
  });
});
