// One large import in its own process, so its peak RSS is the import's alone (see bench/import.ts).
// Each step is printed (to stderr) with its wall time, this process's CPU time in it (the rest of the wall
// time is PostgreSQL's, or waiting for a core) and the highest RSS sampled during it.
// By default this process stands in for the app: it runs the import as the upload route does, through
// runIsolatedImport (a child process with a capped heap, decision 031 stop 29), and samples /proc for
// its own RSS and the import child's, reported separately. BENCH_ISOLATED=0 runs the import in this
// process instead (the way before stop 29).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { runBulkImport, type BulkImportResult, type BulkProgress } from "@/lib/db/bulk-import/import";
import { runIsolatedImport } from "@/lib/db/bulk-import/isolated";
import { resolveScope } from "@/lib/db/scope";

const [path, userId, orgId] = process.argv.slice(2);
const isolated = process.env.BENCH_ISOLATED !== "0";
const scope = (await resolveScope(userId, orgId))!;
const t0 = performance.now();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
/** VmRSS and VmHWM (peak) of a process from /proc, in bytes; null once it is gone. */
const procRss = (pid: number): { rss: number; hwm: number } | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
};
let child: { pid: number; heapLimitMb: number } | null = null;
let childPeak = 0;
let step = { name: "", start: t0, cpu: process.cpuUsage(), peak: 0, heap: 0, childPeak: 0 };
const sample = () => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  step.peak = Math.max(step.peak, rss);
  step.heap = Math.max(step.heap, heapUsed + external + arrayBuffers);
  const c = child ? procRss(child.pid) : null;
  if (c) {
    step.childPeak = Math.max(step.childPeak, c.rss);
    childPeak = Math.max(childPeak, c.hwm);
  }
};
const sampler = setInterval(sample, 100);
const endStep = () => {
  if (!step.name) return;
  const cpu = process.cpuUsage(step.cpu);
  const wall = (performance.now() - step.start) / 1000;
  const where = isolated ? `this (app) process: Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${mb(Math.max(step.peak, process.memoryUsage.rss()))} MB; import child: peak RSS ${mb(step.childPeak)} MB` : `Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${mb(Math.max(step.peak, process.memoryUsage.rss()))} MB (JS heap + buffers ${mb(step.heap)} MB)`;
  console.error(`      ${step.name}: ${wall.toFixed(1)} s, ${where}`);
};
const onProgress = (p: BulkProgress) => {
  // Parsing is the digest pass when the file turns out unchanged by its stored digests, reading + COPY otherwise.
  const name = p.phase === "parsing" ? "reading (+ COPY when staged)" : p.step;
  if (name === step.name) return;
  endStep();
  step = { name, start: performance.now(), cpu: process.cpuUsage(), peak: 0, heap: 0, childPeak: 0 };
  sample();
  console.error(`    ${((step.start - t0) / 1000).toFixed(1)} s: ${name}`);
};
const options = { path, kind: path.endsWith(".xlsx") ? ("xlsx" as const) : ("csv" as const), dryRun: false, onProgress };
let result: BulkImportResult;
if (isolated) {
  result = await runIsolatedImport(scope, { ...options, onChild: (c) => ((child = c), sample()) });
} else {
  result = await runBulkImport(scope, options);
}
step.name = step.name || "run";
endStep();
clearInterval(sampler);
const seconds = (performance.now() - t0) / 1000;
if (!result.ok) {
  console.error(JSON.stringify(result).slice(0, 2000));
  process.exit(1);
}
console.log(
  JSON.stringify({
    seconds, rows: result.rows, written: result.written, unchanged: result.unchanged, summary: result.plan.summary,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(isolated ? { childPeakRssMb: mb(childPeak), childHeapLimitMb: (child as { heapLimitMb: number } | null)?.heapLimitMb } : {}),
  }),
);
process.exit(0);
