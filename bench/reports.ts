// `npm run bench:reports`: a client report for a client with BENCH_ACCOUNTS accounts (default 500), in each
// format, as figures (not a test; target ≤ 10 s and ≤ 300 MB peak RSS for the producing process).
// A generated portfolio is loaded into a throwaway database on TEST_DATABASE_URL, every account under one
// client, with 90 days of score history; each report is then produced by bench/reports-child.ts in a
// process of its own, which prints its time, its CPU time and its peak RSS (the whole process, Node and
// Prisma included).
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { generateSnapshot } from "@/lib/risk/generate";
import { openBenchOrganisation } from "./support/bench-organisation";

const CHILD = "node_modules/.cache/gatehouse-bench/reports-child.mjs";
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 500);
const { database, db, org, user, scope } = await openBenchOrganisation("gatehouse_bench_reports", { organisation: "Bench agency 株式会社", owner: "ベンチ 太郎" });
const { createDb } = await import("@/lib/db/client");
const { upsertSnapshot } = await import("@/lib/db/snapshots/upsert");
const { recomputeOrganisations } = await import("@/lib/db/risk/recompute-all");

console.log(`Gatehouse client report benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
try {
  const today = new Date().toISOString().slice(0, 10);
  const t0 = performance.now();
  await upsertSnapshot(scope, JSON.parse(JSON.stringify(generateSnapshot(ACCOUNTS, 42, { asOf: today }))), { source: "IMPORT" });
  const client = await db.client.create({ data: { orgId: org.id, name: "さくら商事 株式会社" } });
  await db.sellerAccount.updateMany({ where: { orgId: org.id }, data: { clientId: client.id } });
  await recomputeOrganisations({ connectionString: database.url }, { today });
  // 90 days of daily scores per account, for the trend chart.
  await db.$executeRawUnsafe(
    `INSERT INTO "AccountScoreDaily" ("orgId", "accountId", day, score)
     SELECT a."orgId", a.id, d::date, greatest(0, least(100, a.score + ((hashtext(a.id || d::text) % 15)))) FROM "SellerAccount" a, generate_series(current_date - 89, current_date, interval '1 day') d
     WHERE a."orgId" = $1 ON CONFLICT DO NOTHING`,
    org.id,
  );
  // Fresh tables have no statistics yet (autovacuum would gather them in a live system): without them the
  // planner picks a nested loop over 45,000 score rows per account.
  await db.$executeRawUnsafe("ANALYZE");
  const [findings, logins] = await Promise.all([db.finding.count({ where: { orgId: org.id, status: "OPEN" } }), db.login.count({ where: { orgId: org.id } })]);
  console.log(`${ACCOUNTS} accounts under one client, ${logins} logins, ${findings} open findings; loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.$disconnect();
  console.log(`owner ${user.id} client ${client.id}`);
  // The child runs compiled, as the app's server does: bundled once with esbuild (packages stay in
  // node_modules), then plain node. Under tsx the same child starts ~40–60 MB larger (the transpiler).
  const built = spawnSync("npx", ["esbuild", "bench/reports-child.ts", "--bundle", "--platform=node", "--format=esm", "--target=node20", "--conditions=react-server", "--packages=external", `--outfile=${CHILD}`, "--log-level=warning"], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(built.stderr);
  for (const [format, locale] of [["PDF", "ja"], ["PDF", "en"], ["XLSX", "ja"], ["CSV", "ja"]] as const) {
    const child = spawnSync("node", ["--conditions=react-server", CHILD, user.id, client.id, format, locale], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split("\n").pop()!);
    const size = (await createDb(database.url).report.findUniqueOrThrow({ where: { id: r.id }, select: { sizeBytes: true } })).sizeBytes;
    console.log(`${format} ${locale}: ${r.seconds.toFixed(2)} s (${r.cpuSeconds.toFixed(2)} s CPU in this process), ${(size / 2 ** 20).toFixed(2)} MB file, peak RSS ${r.peakRssMb} MB (process at start ${r.startRssMb} MB) (targets ≤ 10 s, ≤ 300 MB)`);
  }
} finally {
  // BENCH_KEEP=1 leaves the database for profiling (its URL is printed).
  if (process.env.BENCH_KEEP) console.log(`kept ${database.url}`);
  else await database.drop();
}
process.exit(0);
