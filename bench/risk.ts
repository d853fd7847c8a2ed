// `npm run bench:risk`: the risk engine's speed, as figures (not a test).
//  1. in memory: evaluate 50,000 generated accounts → accounts/second
//  2. PostgreSQL: full recompute of 50,000 accounts → seconds and peak RSS (in a child process)
//  3. one account's incremental recompute inside a write → milliseconds added to the write
// Uses TEST_DATABASE_URL (a local server; a throwaway database is created and dropped) or an embedded
// PostgreSQL. Results are printed; copy them into bench/RESULTS.md with the date and machine.
// BENCH_ONLY=memory runs part 1 alone (no database, and the database modules are never loaded).
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { evaluateSnapshot } from "@/lib/risk";
import { generateSnapshot } from "@/lib/risk/generate";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 50_000);
const today = new Date().toISOString().slice(0, 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`Gatehouse risk benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);

// 1. In memory.
// Round-tripped through JSON: the engine's real inputs (the audit command's file, the database's rows) hold
// flat strings, while the generator's are concatenation ropes, slower to read (~6 % of an evaluation).
const snapshot: ReturnType<typeof generateSnapshot> = JSON.parse(JSON.stringify(generateSnapshot(ACCOUNTS, 42, { asOf: today })));
const logins = snapshot.accounts.reduce((n, a) => n + a.logins.length, 0);
evaluateSnapshot(snapshot, { asOf: today }); // warm-up
const runs: number[] = [];
let findings = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const result = evaluateSnapshot(snapshot, { asOf: today });
  runs.push(performance.now() - t0);
  findings = result.accounts.reduce((n, a) => n + a.findings.length, 0);
}
const inMemory = ACCOUNTS / (median(runs) / 1000);
console.log(`in memory: ${ACCOUNTS} accounts, ${logins} logins, ${findings} findings; median of 5 runs ${median(runs).toFixed(0)} ms → ${Math.round(inMemory).toLocaleString("en")} accounts/s (target ≥ 100,000)`);

if (process.env.BENCH_ONLY === "memory") process.exit(0);

// 2 and 3 need a database; imported here so that an in-memory run does not load Prisma.
const { createDb } = await import("@/lib/db/client");
const { bulkLoadSnapshot } = await import("@/lib/db/bulk-load");
const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
const { applyMigrations } = await import("@/lib/db/migrate");
const { loadEvaluationSnapshot, loadSharedDevices } = await import("@/lib/db/risk/load-snapshot");
const { recomputeAccounts } = await import("@/lib/db/risk/recompute");
const { RECOMPUTE_BATCH } = await import("@/lib/db/risk/recompute-all");
const { syncToolCatalogue } = await import("@/lib/db/tools");
const { createThrowawayDatabase } = await import("@/tests/support/test-database");

let adminUrl = process.env.TEST_DATABASE_URL;
const embedded = adminUrl ? undefined : await startEmbeddedPostgres({ dataDir: ".gatehouse/bench", database: "postgres" });
adminUrl ??= embedded!.url;
const database = await createThrowawayDatabase(adminUrl, "gatehouse_bench");
try {
  await applyMigrations(database.url);
  const db = createDb(database.url);
  await syncToolCatalogue(db);
  const org = await db.organization.create({ data: { name: "Bench agency" } });
  const t0 = performance.now();
  await bulkLoadSnapshot(db, org.id, snapshot, { idPrefix: "b-" });
  console.log(`loaded ${ACCOUNTS} accounts into PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  for (const label of ["first full recompute (creates every finding)", "second full recompute (steady state)"]) {
    const child = spawnSync("npx", ["tsx", "--conditions=react-server", "bench/recompute-child.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, BENCH_TODAY: today },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split("\n").pop()!);
    console.log(`${label}: ${r.accounts} accounts in ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMb} MB (targets ≤ 10 s, ≤ 400 MB)`);
  }

  // The read of one batch as recomputeOrganisations does it (one statement: snapshot, stub context, stored
  // findings; the organisation's shared devices are looked up once per run, not per batch).
  const sharedDevices = await loadSharedDevices(db, org.id);
  const batch = (await db.sellerAccount.findMany({ where: { orgId: org.id }, select: { id: true }, orderBy: { id: "asc" }, skip: 10_000, take: RECOMPUTE_BATCH })).map((a) => a.id);
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await db.$transaction((tx) => loadEvaluationSnapshot(tx, org.id, batch, { findings: true, range: [batch[0], batch[batch.length - 1]], sharedDevices }));
    loads.push(performance.now() - s);
  }
  console.log(`load: one batch of ${batch.length} accounts read in ${median(loads).toFixed(0)} ms (median of 5)`);

  // 3. What one account's recompute adds to a write: the same transaction with and without it.
  const accountIds = (await db.sellerAccount.findMany({ where: { orgId: org.id }, select: { id: true }, take: 200 })).map((a) => a.id);
  const time = async (withRecompute: boolean) => {
    const samples: number[] = [];
    for (const id of accountIds) {
      const s = performance.now();
      await db.$transaction(async (tx) => {
        await tx.sellerAccount.update({ where: { id }, data: { version: { increment: 1 } } });
        if (withRecompute) await recomputeAccounts(tx, org.id, [id], { today });
      });
      samples.push(performance.now() - s);
    }
    return median(samples);
  };
  await time(true); // warm-up
  const bare = await time(false);
  const full = await time(true);
  console.log(`incremental: a write takes ${bare.toFixed(2)} ms alone and ${full.toFixed(2)} ms with its account's recompute → +${(full - bare).toFixed(2)} ms (median of ${accountIds.length}; target ≤ 15 ms)`);
  await db.$disconnect();
} finally {
  await database.drop();
  await embedded?.stop();
}
