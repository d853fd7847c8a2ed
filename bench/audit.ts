// `npm run bench:audit`: `gatehouse audit` on a generated 50,000-account file (BENCH_AUDIT_ACCOUNTS),
// against its floor measured in the same run: a bare `node -e "JSON.parse(require('fs').readFileSync(f))"`
// process on the same file. Prints both processes' wall time and peak RSS (the larger of a process and the
// one it re-runs) and the ratios (issue 15's targets: ≤ 1.5× the time, ≤ 2× the memory), medians of
// BENCH_AUDIT_RUNS alternating pairs; then, in this process, where an audit's time goes stage by stage.
// BENCH_AUDIT_BASELINE=<dir of another checkout> adds that checkout's `gatehouse audit` to each round, for
// old and new code side by side in one run.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { printable } from "@/lib/cli/audit";
import { AuditTableWriter } from "@/lib/cli/format";
import { evaluateEachAccount } from "@/lib/risk";
import { DeviceUses } from "@/lib/risk/device-uses";
import { generateSnapshot } from "@/lib/risk/generate";
import { validSnapshotInPlace } from "@/lib/validation/snapshot-fast";

const ACCOUNTS = Number(process.env.BENCH_AUDIT_ACCOUNTS ?? 50_000);
const RUNS = Number(process.env.BENCH_AUDIT_RUNS ?? 3);
const DIR = ".gatehouse/bench-audit";
const AS_OF = "2026-12-04";
const file = `${DIR}/snapshot-${ACCOUNTS}.json`;
const rssFile = `${DIR}/rss.txt`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

mkdirSync(DIR, { recursive: true });
console.log(`Gatehouse audit benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateSnapshot(ACCOUNTS, 42, { asOf: AS_OF })));
const bytes = readFileSync(file).length;

/** Wall time and peak RSS of one command, every process it starts included. */
function run(args: string[]): { ms: number; peakMb: number } {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(`${process.cwd()}/bench/audit-rss.mjs`).href}`, BENCH_AUDIT_RSS_FILE: rssFile },
  });
  const ms = performance.now() - t0;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ")}: exit ${child.status}`);
  const peakKb = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map((l) => Number(l.split(" ")[1])));
  return { ms, peakMb: peakKb / 1024 };
}

const BASELINE = process.env.BENCH_AUDIT_BASELINE;
const bare: { ms: number; peakMb: number }[] = [];
const audit: { ms: number; peakMb: number }[] = [];
const baseline: { ms: number; peakMb: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(run(["-e", `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}))`]));
  audit.push(run(["bin/gatehouse.mjs", "audit", "--as-of", AS_OF, file]));
  if (BASELINE) baseline.push(run([`${BASELINE}/bin/gatehouse.mjs`, "audit", "--as-of", AS_OF, `${process.cwd()}/${file}`]));
}
// BENCH_AUDIT_RUNS=0: the stage breakdown alone.
if (RUNS > 0) {
  const b = { ms: median(bare.map((r) => r.ms)), mb: median(bare.map((r) => r.peakMb)) };
  const a = { ms: median(audit.map((r) => r.ms)), mb: median(audit.map((r) => r.peakMb)) };
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const secs = (runs: { ms: number }[]) => runs.map((r) => (r.ms / 1000).toFixed(1)).join(", ");
  console.log(`\nFile: ${ACCOUNTS.toLocaleString("en")} generated accounts, ${(bytes / 2 ** 20).toFixed(0)} MB; medians of ${RUNS} alternating runs.`);
  console.log("| Process | Wall time | Peak RSS |\n|---|---|---|");
  console.log(`| bare \`node -e JSON.parse(readFileSync(f))\` | ${(b.ms / 1000).toFixed(2)} s (${secs(bare)}) | ${b.mb.toFixed(0)} MB |`);
  console.log(`| \`gatehouse audit\` (table output) | ${(a.ms / 1000).toFixed(2)} s (${secs(audit)}) | ${a.mb.toFixed(0)} MB |`);
  console.log(`| ratio | **${(a.ms / b.ms).toFixed(2)}×** (target ≤ 1.5×: ${met(a.ms / b.ms <= 1.5)}) | **${(a.mb / b.mb).toFixed(2)}×** (target ≤ 2×: ${met(a.mb / b.mb <= 2)}) |`);
  if (BASELINE) {
    const o = { ms: median(baseline.map((r) => r.ms)), mb: median(baseline.map((r) => r.peakMb)) };
    console.log(`| baseline \`gatehouse audit\` (${BASELINE}) | ${(o.ms / 1000).toFixed(2)} s (${secs(baseline)}) | ${o.mb.toFixed(0)} MB |`);
    console.log(`| baseline ratio | ${(o.ms / b.ms).toFixed(2)}× | ${(o.mb / b.mb).toFixed(2)}× |`);
  }
}
console.log(`Load average after the runs: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

// Where the time goes, stage by stage, in this process (already started, modules loaded), doing what
// lib/cli/audit.ts does for the table: the accounts evaluated one at a time, each added to the table as the
// engine hands it over, then the header and the pieces through printable to a file (stdout in the command).
const stages: [string, number][] = [];
let t = performance.now();
const lap = (label: string) => {
  const now = performance.now();
  stages.push([label, now - t]);
  t = now;
};
const text = readFileSync(file).toString("utf8"); // as lib/cli/offline-main.ts reads it
lap("read");
const input: unknown = JSON.parse(text);
lap("JSON.parse");
// As the command: the check records the device uses the engine then takes over (decision 098).
const uses = new DeviceUses(ACCOUNTS * 8);
const snapshot = validSnapshotInPlace(input, uses);
lap("snapshot check (fast path)");
if (!snapshot) throw new Error("the generated snapshot should pass the fast check");
const table = new AuditTableWriter(snapshot);
let tableMs = 0;
const day = evaluateEachAccount(snapshot, { asOf: AS_OF }, (account, position) => {
  const t0 = performance.now();
  table.add(account, position);
  tableMs += performance.now() - t0;
}, uses);
lap("evaluate and table lines");
const out = openSync("/dev/null", "w");
let printableMs = 0;
table.finish(day, (piece) => {
  const t0 = performance.now();
  const shown = printable(piece, true);
  printableMs += performance.now() - t0;
  writeSync(out, shown);
});
closeSync(out);
lap("printable and write (to /dev/null)");
const floor = stages[0][1] + stages[1][1];
console.log(`\nStages in one process (the floor is read + JSON.parse = ${(floor / 1000).toFixed(2)} s):`);
for (const [label, ms] of stages) console.log(`- ${label}: ${(ms / 1000).toFixed(2)} s (${(ms / floor).toFixed(2)}× the floor)`);
const evaluateMs = stages[3][1] - tableMs;
console.log(`  (of which: evaluate ${(evaluateMs / 1000).toFixed(2)} s, table lines ${(tableMs / 1000).toFixed(2)} s; printable ${(printableMs / 1000).toFixed(2)} s, write ${((stages[4][1] - printableMs) / 1000).toFixed(2)} s)`);
