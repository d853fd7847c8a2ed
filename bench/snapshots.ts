// `npm run bench:snapshots`: the snapshot upsert and export (lib/db/snapshots), as figures (not a test).
// A generated portfolio of BENCH_ACCOUNTS accounts (default 2,000) is upserted into an empty organisation
// (all created), upserted again unchanged (the no-op path), changed in 1 account of 10 and upserted, then
// exported. Uses TEST_DATABASE_URL (a local server; a throwaway database is created and dropped).
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { generateSnapshot } from "@/lib/risk/generate";
import { openBenchOrganisation } from "./support/bench-organisation";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2_000);
const { database, db, scope } = await openBenchOrganisation("gatehouse_bench_snap");
const { exportSnapshot } = await import("@/lib/db/snapshots/export");
const { upsertSnapshot } = await import("@/lib/db/snapshots/upsert");

console.log(`Gatehouse snapshot upsert benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
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
