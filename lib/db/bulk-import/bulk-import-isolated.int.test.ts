import { writeFile } from "node:fs/promises";
import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { generateSnapshot } from "@/lib/risk/generate";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import { bulkImportFixture, importedRowCounts } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { writeLoginsCsv } from "@/tests/support/logins-file";
import { runBulkImport, type BulkProgress } from "./import";
import { runIsolatedImport } from "./isolated";

// The upload route runs the large import in a child process with a capped heap (isolated.ts, decision 031
// stop 29). These tests prove the isolation is real — another process, with the heap limit asked for — and
// changes nothing else: the same result and the same rows as the in-process import for the same file,
// the same problems for a bad one, only the signed-in organisation written (the child's connection refuses
// any role but the scoped one, connection.ts, so a successful import also proves the role). And that a
// cancelled import (the client went away) leaves no rows, no child process and no database session behind.

const { db, file } = bulkImportFixture("bulk-isolated-");

const counts = (orgId: string) => importedRowCounts(db, orgId);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the large import in its own process", () => {
  it("runs in another process with the configured heap and answers and writes what the in-process import does", { timeout: 180_000 }, async () => {
    const inProcess = await createTenant(db);
    const isolated = await createTenant(db);
    const path = file("same.csv");
    await writeLoginsCsv(path, 600, { perAccount: 10, prefix: "I" });

    const expected = await runBulkImport(await scopeFor(inProcess.userId, inProcess.orgId), { path, kind: "csv", dryRun: false });
    const children: { pid: number; heapLimitMb: number }[] = [];
    const steps = new Set<string>();
    const previous = process.env.GATEHOUSE_IMPORT_HEAP_MB;
    process.env.GATEHOUSE_IMPORT_HEAP_MB = "100";
    let result;
    try {
      result = await runIsolatedImport(await scopeFor(isolated.userId, isolated.orgId), {
        path, kind: "csv", dryRun: false,
        onChild: (child) => children.push(child),
        onProgress: (p: BulkProgress) => steps.add(p.phase === "parsing" ? "parsing" : p.step),
      });
    } finally {
      if (previous === undefined) delete process.env.GATEHOUSE_IMPORT_HEAP_MB;
      else process.env.GATEHOUSE_IMPORT_HEAP_MB = previous;
    }
    expect(result).toEqual(expected);
    expect(result.ok && result.written).toBe(true);
    expect(children).toHaveLength(1);
    expect(children[0].pid).not.toBe(process.pid);
    expect(alive(children[0].pid)).toBe(false);
    // V8's limit is the old space asked for plus the young generation (three 16 MB semi-spaces); this
    // test process runs with V8's default, several times that.
    expect(children[0].heapLimitMb).toBeLessThanOrEqual(100 + 3 * 16);
    expect(getHeapStatistics().heap_size_limit / 2 ** 20).toBeGreaterThan(100 + 3 * 16);
    expect([...steps]).toEqual(expect.arrayContaining(["parsing", "planning", "writing", "findings", "committing"]));
    // Same rows written, in the signed-in organisation only (the in-process one's are untouched by it).
    const written = await counts(isolated.orgId);
    expect(written.logins).toBe(600);
    expect(written).toEqual(await counts(inProcess.orgId));

    // The same file again, both ways: unchanged, told the same way.
    const again = await runIsolatedImport(await scopeFor(isolated.userId, isolated.orgId), { path, kind: "csv", dryRun: false });
    expect(again).toEqual(await runBulkImport(await scopeFor(inProcess.userId, inProcess.orgId), { path, kind: "csv", dryRun: false }));
    expect(again.ok && again.unchanged).toBe("stored");
  });

  it("brings back the same problems for a file with bad rows, and writes nothing", async () => {
    const a = await createTenant(db);
    const rows = snapshotToLoginRows(generateSnapshot(3, 5), "en");
    rows[2][rows[0].indexOf("role")] = "BOSS";
    rows[3][rows[0].indexOf("last_login_at")] = "yesterday";
    const path = file("bad.csv");
    await writeFile(path, new TextEncoder().encode(encodeCsv(rows)));
    const scope = await scopeFor(a.userId, a.orgId);
    const result = await runIsolatedImport(scope, { path, kind: "csv", dryRun: false });
    expect(result.ok).toBe(false);
    expect(result).toEqual(await runBulkImport(scope, { path, kind: "csv", dryRun: false }));
    expect((await counts(a.orgId)).accounts).toBe(0);
  });

  it("refuses a member who is not an owner or admin before starting any process", async () => {
    const viewer = await createTenant(db, { role: "VIEWER" });
    const path = file("viewer.csv");
    await writeFile(path, "account_id\n");
    let started = false;
    await expect(runIsolatedImport(await scopeFor(viewer.userId, viewer.orgId), { path, kind: "csv", dryRun: true, onChild: () => (started = true) })).rejects.toThrow(/owners and admins/);
    expect(started).toBe(false);
  });

  it("cancelled while writing: no rows, no child process and no database session left, and the next import goes through", { timeout: 240_000 }, async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId, orgId);
    const path = file("cancel.csv");
    await writeLoginsCsv(path, 10_000, { perAccount: 10, prefix: "C" });
    const cancel = new AbortController();
    let childPid = 0;
    let backendPid = 0;
    const attempt = runIsolatedImport(scope, {
      path, kind: "csv", dryRun: false, signal: cancel.signal,
      onChild: (child) => (childPid = child.pid),
      onConnection: (pid) => (backendPid = pid),
      onProgress: (p) => {
        // Every row staged and planned inside the open transaction, the writes starting: the client leaves.
        if (p.phase === "applying" && p.step === "writing") cancel.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ name: "AbortError" });
    expect(cancel.signal.aborted).toBe(true);
    expect(childPid).toBeGreaterThan(0);
    expect(alive(childPid)).toBe(false);
    expect(backendPid).toBeGreaterThan(0);
    // PostgreSQL ends the session once it sees the connection closed (checked every second while a
    // statement runs, import.ts); waited for, bounded.
    for (let i = 0; i < 300; i++) {
      const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, backendPid);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const [{ n: sessions }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, backendPid);
    expect(sessions).toBe(0);
    expect(await counts(orgId)).toEqual({ accounts: 0, people: 0, logins: 0, grants: 0, methods: 0, findings: 0, access: 0, audits: 0 });

    const next = file("next.csv");
    await writeLoginsCsv(next, 50, { perAccount: 10, prefix: "C" });
    const retry = await runIsolatedImport(scope, { path: next, kind: "csv", dryRun: false });
    expect(retry.ok && retry.written && retry.plan.summary.accounts).toEqual({ created: 5, updated: 0, unchanged: 0 });
  });
});
