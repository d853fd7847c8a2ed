/**
 * In-memory throughput of the risk engine: evaluates generated portfolios (no database, no I/O) and
 * prints accounts per second. Run: `npx tsx --max-semi-space-size=64 bench/risk-memory.ts [accounts]` (the flag
 * as `npm run bench:risk` and the `gatehouse` command use it: decision 009).
 */
import { pathToFileURL } from "node:url";
import { evaluateSnapshot } from "../lib/risk";
import { generateSnapshot } from "../lib/risk/generate";

export { generateSnapshot };

export interface MemoryBenchResult {
  accounts: number;
  logins: number;
  findings: number;
  /** Median of the timed runs, wall clock. */
  accountsPerSecond: number;
  /** Median by this process's CPU time (all its threads, GC included): steadier on a shared machine. */
  accountsPerCpuSecond: number;
  runsMs: number[];
}

const AS_OF = "2026-11-23";

/** Evaluates n generated accounts `runs` times after one warm-up run; reports median rates and details. */
export function runMemoryBench(n = 50_000, runs = 5, seed = 1): MemoryBenchResult {
  // As the engine receives it from a file or the database: flat strings, not the generator's ropes.
  const snapshot: ReturnType<typeof generateSnapshot> = JSON.parse(JSON.stringify(generateSnapshot(n, seed, { asOf: AS_OF })));
  let findings = evaluateSnapshot(snapshot, { asOf: AS_OF }).accounts.reduce((sum, a) => sum + a.findings.length, 0);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = evaluateSnapshot(snapshot, { asOf: AS_OF });
    runsMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    findings = result.accounts.reduce((sum, a) => sum + a.findings.length, 0);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    accounts: n,
    logins: snapshot.accounts.reduce((sum, a) => sum + a.logins.length, 0),
    findings,
    accountsPerSecond: Math.round((n / median(runsMs)) * 1000),
    accountsPerCpuSecond: Math.round((n / median(cpuMs)) * 1000),
    runsMs: runsMs.map((ms) => Math.round(ms)),
  };
}

/** Accounts evaluated per second (median wall clock) over n generated accounts. */
export function measureInMemory(n = 50_000): number {
  return runMemoryBench(n).accountsPerSecond;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 50_000);
  const result = runMemoryBench(n);
  console.log(
    `risk engine, in memory: ${result.accountsPerSecond.toLocaleString("en")} accounts/s wall clock, ` +
      `${result.accountsPerCpuSecond.toLocaleString("en")} per CPU-second ` +
      `(${result.accounts.toLocaleString("en")} accounts, ${(result.logins / result.accounts).toFixed(1)} logins and ` +
      `${(result.findings / result.accounts).toFixed(1)} findings per account; runs ms: ${result.runsMs.join(", ")})`,
  );
}
