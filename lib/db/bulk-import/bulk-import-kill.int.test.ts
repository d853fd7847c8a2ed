import { describe, expect, it } from "vitest";
import { bulkImportFixture, importedRowCounts } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { writeLoginsCsv } from "@/tests/support/logins-file";
import { runBulkImport } from "./import";

// The database connection dies in the middle of applying a 100,000-row import (another session
// terminates it as the writes begin, every row staged and matched in the import's transaction):
// nothing of the import is left, the caller gets the failure, and nothing blocks trying again (the
// organisation's import lock is free and the next import goes through; a second 100,000-row pass
// would double the test's time).

const { db, file } = bulkImportFixture("bulk-kill-");

const counts = (orgId: string) => importedRowCounts(db, orgId);

describe("a large import whose connection is killed", () => {
  it("leaves nothing behind, fails visibly, and can be retried", { timeout: 240_000 }, async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId, orgId);
    // Something already there, so "nothing behind" also means "nothing of it changed".
    const small = file("small.csv");
    await writeLoginsCsv(small, 50, { perAccount: 10, prefix: "K" });
    expect((await runBulkImport(scope, { path: small, kind: "csv", dryRun: false })).ok).toBe(true);
    const before = await counts(orgId);

    const path = file("large.csv");
    await writeLoginsCsv(path, 100_000, { perAccount: 10, prefix: "K" });
    let pid = 0;
    let killed: Promise<unknown> | null = null;
    const attempt = runBulkImport(scope, {
      path, kind: "csv", dryRun: false,
      onConnection: (p) => (pid = p),
      onProgress: (p) => {
        // Every row is staged and matched in the open transaction; the writes are starting.
        if (p.phase === "applying" && p.step === "writing" && !killed) killed = db.$queryRawUnsafe(`SELECT pg_terminate_backend($1)`, pid).then((r) => r); // a Prisma query runs only once awaited or then-ed
      },
    });
    await expect(attempt).rejects.toThrow(/terminat/i);
    expect(killed).not.toBeNull();
    await killed;
    expect(await counts(orgId)).toEqual(before);

    const [{ free }] = await db.$queryRawUnsafe<{ free: boolean }[]>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS free, pg_advisory_unlock(hashtextextended($1, 0))`,
      `snapshot-upsert:${orgId}`,
    );
    expect(free).toBe(true);
    const next = file("next.csv");
    await writeLoginsCsv(next, 60, { perAccount: 10, prefix: "K" });
    const retry = await runBulkImport(scope, { path: next, kind: "csv", dryRun: false });
    expect(retry.ok && retry.written && retry.plan.summary.accounts).toEqual({ created: 1, updated: 0, unchanged: 5 });
  });
});
