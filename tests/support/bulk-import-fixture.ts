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
