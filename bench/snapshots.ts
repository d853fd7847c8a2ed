// `npm run bench:snapshots`: the snapshot upsert and export (lib/db/snapshots), as figures (not a test).
// A generated portfolio of BENCH_ACCOUNTS accounts (default 2,000) is upserted into an empty organisation
// (all created), upserted again unchanged (the no-op path), changed in 1 account of 10 and upserted, then
// exported. Uses TEST_DATABASE_URL (a local server; a throwaway database is created and dropped).
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { generateSnapshot } from "@/lib/risk/generate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2_000);
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("Set TEST_DATABASE_URL to a local PostgreSQL server (a throwaway database is made on it).");
  process.exit(2);
}
const { createThrowawayDatabase } = await import("@/tests/support/test-database");
const database = await createThrowawayDatabase(adminUrl, "gatehouse_bench_snap");
process.env.DATABASE_URL = database.url;
const { createDb } = await import("@/lib/db/client");
const { applyMigrations } = await import("@/lib/db/migrate");
const { resolveScope } = await import("@/lib/db/scope");
const { exportSnapshot } = await import("@/lib/db/snapshots/export");
const { upsertSnapshot } = await import("@/lib/db/snapshots/upsert");
const { syncToolCatalogue } = await import("@/lib/db/tools");

console.log(`Gatehouse snapshot upsert benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
  await applyMigrations(database.url);
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  const org = await db.organization.create({ data: { name: "Bench agency" } });
  const user = await db.user.create({ data: { email: "bench@bench.example", name: "Bench", passwordHash: "x" } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
  const scope = (await resolveScope(user.id))!;
  const today = new Date().toISOString().slice(0, 10);
  const snapshot = JSON.parse(JSON.stringify(generateSnapshot(ACCOUNTS, 42, { asOf: today })));
  const logins = snapshot.accounts.reduce((n: number, a: { logins: unknown[] }) => n + a.logins.length, 0);
  const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    const s = (performance.now() - t0) / 1000;
    console.log(`${label}: ${s.toFixed(2)} s → ${Math.round(logins / s).toLocaleString("en")} login rows/s`);
    return result;
  };
  console.log(`${ACCOUNTS} accounts, ${logins} logins, ${snapshot.people.length} people, ${snapshot.devices.length} devices`);
  await time("upsert into an empty organisation (all created)", () => upsertSnapshot(scope, snapshot, { source: "IMPORT" }));
  await time("dry run of the same file (preview)", () => upsertSnapshot(scope, snapshot, { source: "IMPORT", dryRun: true }));
  await time("upsert of the same file again (no changes)", () => upsertSnapshot(scope, snapshot, { source: "IMPORT" }));
  for (const [i, account] of snapshot.accounts.entries()) if (i % 10 === 0) account.storeName += " (renamed)";
  await time("upsert with 1 account in 10 renamed", () => upsertSnapshot(scope, snapshot, { source: "IMPORT" }));
  const exported = await time("export of the whole organisation", () => exportSnapshot(scope));
  console.log(`exported ${exported.accounts.length} accounts; peak RSS of this process ${(peak / 2 ** 20).toFixed(0)} MB`);
  await db.$disconnect();
} finally {
  clearInterval(sample);
  await database.drop();
}
process.exit(0);
