// `npm run bench:jobs`: the nightly recompute of 50,000 accounts as a pg-boss job (send → a worker
// fetches it → recomputeDay → completed), beside bench:risk's direct full recompute on the same data.
// Each runs in a child process, so peak RSS is its own. Uses TEST_DATABASE_URL (a local server; a
// throwaway database) or an embedded PostgreSQL. Copy the figures into bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { addDays } from "@/lib/dates";
import { generateSnapshot } from "@/lib/risk/generate";
import { createDb } from "@/lib/db/client";
import { bulkLoadSnapshot } from "@/lib/db/bulk-load";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { syncToolCatalogue } from "@/lib/db/tools";
import { createThrowawayDatabase } from "@/tests/support/test-database";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 50_000);
const today = new Date().toISOString().slice(0, 10);
console.log(`Gatehouse jobs benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);

let adminUrl = process.env.TEST_DATABASE_URL;
const embedded = adminUrl ? undefined : await startEmbeddedPostgres({ dataDir: ".gatehouse/bench", database: "postgres" });
adminUrl ??= embedded!.url;
const database = await createThrowawayDatabase(adminUrl, "gatehouse_bench_jobs");
const child = (script: string, env: Record<string, string>) => {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { env: { ...process.env, DATABASE_URL: database.url, ...env }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
};
try {
  await applyMigrations(database.url);
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  const org = await db.organization.create({ data: { name: "Bench agency" } });
  const t0 = performance.now();
  await bulkLoadSnapshot(db, org.id, generateSnapshot(ACCOUNTS, 42, { asOf: today }), { idPrefix: "b-" });
  await db.$disconnect();
  console.log(`loaded ${ACCOUNTS} accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const direct = child("bench/recompute-child.ts", { BENCH_TODAY: today });
  console.log(`bench:risk's full recompute (direct, first): ${direct.accounts} accounts in ${direct.seconds.toFixed(2)} s, peak RSS ${direct.peakRssMb} MB`);
  // The next day: every account is stale, as at midnight UTC.
  const job = child("bench/jobs-child.ts", { BENCH_DAY: addDays(today, 1) });
  console.log(`nightly recompute as a job (${job.state}): ${JSON.stringify(job.output)} in ${job.seconds.toFixed(2)} s, peak RSS ${job.peakRssMb} MB`);
  const again = child("bench/recompute-child.ts", { BENCH_TODAY: addDays(today, 2) });
  console.log(`bench:risk's full recompute (direct, steady state, the day after): ${again.accounts} accounts in ${again.seconds.toFixed(2)} s, peak RSS ${again.peakRssMb} MB`);
} finally {
  await database.drop();
  await embedded?.stop();
}
