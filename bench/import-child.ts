// One large import in its own process, so its peak RSS is the import's alone (see bench/import.ts).
// Each step is printed (to stderr) with its wall time, this process's CPU time in it (the rest of the wall
// time is PostgreSQL's, or waiting for a core) and the highest RSS sampled during it.
import { performance } from "node:perf_hooks";
import { runBulkImport } from "@/lib/db/bulk-import/import";
import { resolveScope } from "@/lib/db/scope";

const [path, userId, orgId] = process.argv.slice(2);
const scope = (await resolveScope(userId, orgId))!;
const t0 = performance.now();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
let step = { name: "", start: t0, cpu: process.cpuUsage(), peak: 0, heap: 0 };
const sample = () => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  step.peak = Math.max(step.peak, rss);
  step.heap = Math.max(step.heap, heapUsed + external + arrayBuffers);
};
const sampler = setInterval(sample, 100);
const endStep = () => {
  if (!step.name) return;
  const cpu = process.cpuUsage(step.cpu);
  const wall = (performance.now() - step.start) / 1000;
  console.error(`      ${step.name}: ${wall.toFixed(1)} s, Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${mb(Math.max(step.peak, process.memoryUsage.rss()))} MB (JS heap + buffers ${mb(step.heap)} MB)`);
};
const result = await runBulkImport(scope, {
  path, kind: path.endsWith(".xlsx") ? "xlsx" : "csv", dryRun: false,
  onProgress: (p) => {
    // Parsing is the digest pass when the file turns out unchanged by its stored digests, reading + COPY otherwise.
    const name = p.phase === "parsing" ? "reading (+ COPY when staged)" : p.step;
    if (name === step.name) return;
    endStep();
    step = { name, start: performance.now(), cpu: process.cpuUsage(), peak: 0, heap: 0 };
    sample();
    console.error(`    ${((step.start - t0) / 1000).toFixed(1)} s: ${name}`);
  },
});
step.name = step.name || "run";
endStep();
clearInterval(sampler);
const seconds = (performance.now() - t0) / 1000;
if (!result.ok) {
  console.error(JSON.stringify(result).slice(0, 2000));
  process.exit(1);
}
console.log(JSON.stringify({ seconds, rows: result.rows, written: result.written, unchanged: result.unchanged, summary: result.plan.summary, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
