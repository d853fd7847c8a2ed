/**
 * Paired speed comparison of two versions of the risk engine in one process, alternating runs on one
 * snapshot, so a busy shared machine slows both alike. Reports wall-clock and CPU-time medians and their
 * ratios (after / before; above 1 = faster now). The CPU-time ratio is the steadier one under load.
 *
 *   git archive <commit> lib | (mkdir -p /tmp/base && tar -x -C /tmp/base) && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx --max-semi-space-size=64 --conditions=react-server bench/risk-compare.ts /tmp/base [accounts=50000] [rounds=15]
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { evaluateSnapshot as after } from "../lib/risk/evaluate";
import { generateSnapshot } from "../lib/risk/generate";

const AS_OF = "2026-11-23";
const [baseDir, accountsArg, roundsArg] = process.argv.slice(2);
if (!baseDir) throw new Error("usage: bench/risk-compare.ts BASE_DIR [accounts] [rounds] (BASE_DIR holds the older lib/)");
const n = Number(accountsArg ?? 50_000);
const rounds = Number(roundsArg ?? 15);
const before = ((await import(pathToFileURL(join(resolve(baseDir), "lib/risk/evaluate.ts")).href)) as { evaluateSnapshot: typeof after }).evaluateSnapshot;

// This version's generator for both: the older engine simply has fewer rules to fire on the same input.
const snapshot = JSON.parse(JSON.stringify(generateSnapshot(n, 1, { asOf: AS_OF })));
const engines: Record<"before" | "after", typeof after> = { before, after };
const wall = { before: [] as number[], after: [] as number[] };
const cpu = { before: [] as number[], after: [] as number[] };
for (const name of ["before", "after"] as const) engines[name](snapshot, { asOf: AS_OF }); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? (["before", "after"] as const) : (["after", "before"] as const)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    engines[name](snapshot, { asOf: AS_OF });
    wall[name].push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu[name].push((used.user + used.system) / 1000);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const rate = (ms: number[]) => Math.round((n / median(ms)) * 1000);
const line = (label: string, m: typeof wall) => `${label}: before ${rate(m.before).toLocaleString("en")}, after ${rate(m.after).toLocaleString("en")} accounts/s, ratio ${(rate(m.after) / rate(m.before)).toFixed(3)}`;
console.log(`risk engine, ${n.toLocaleString("en")} accounts, ${rounds} alternating rounds`);
console.log(line("wall clock", wall));
console.log(line("CPU time  ", cpu));
