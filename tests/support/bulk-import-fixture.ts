import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { syncToolCatalogue } from "@/lib/db/tools";
import { testDb } from "./db";

/**
 * What every large-import test file sets up: a client on the test database with the tool catalogue in
 * place (the permission columns name tools), and a folder of its own for the files it imports, removed
 * afterwards. `file(name)` is a path in that folder.
 */
export function bulkImportFixture(prefix: string) {
  const db = testDb();
  let dir = "";
  beforeAll(async () => {
    await syncToolCatalogue(db);
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.$disconnect();
  });
  return { db, file: (name: string) => join(dir, name) };
}

/** Rows an import writes, per table, in one organisation: compared before and after to prove nothing was left. */
export async function importedRowCounts(db: ReturnType<typeof testDb>, orgId: string): Promise<Record<string, number>> {
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM "SellerAccount" WHERE "orgId" = $1) AS accounts, (SELECT count(*)::int FROM "Person" WHERE "orgId" = $1) AS people,
       (SELECT count(*)::int FROM "Login" WHERE "orgId" = $1) AS logins, (SELECT count(*)::int FROM "PermissionGrant" WHERE "orgId" = $1) AS grants,
       (SELECT count(*)::int FROM "TwoStepMethod" WHERE "orgId" = $1) AS methods, (SELECT count(*)::int FROM "Finding" WHERE "orgId" = $1) AS findings,
       (SELECT count(*)::int FROM "PersonAccess" WHERE "orgId" = $1) AS access, (SELECT count(*)::int FROM "AuditEvent" WHERE "orgId" = $1) AS audits`,
    orgId,
  );
  return row;
}
