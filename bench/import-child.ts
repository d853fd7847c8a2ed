// One large import in its own process, so its peak RSS is the import's alone (see bench/import.ts).
import { performance } from "node:perf_hooks";
import { runBulkImport } from "@/lib/db/bulk-import/import";
import { resolveScope } from "@/lib/db/scope";

const [path, userId, orgId] = process.argv.slice(2);
const scope = (await resolveScope(userId, orgId))!;
const t0 = performance.now();
let step = "";
const result = await runBulkImport(scope, {
  path, kind: path.endsWith(".xlsx") ? "xlsx" : "csv", dryRun: false,
  onProgress: (p) => {
    const name = p.phase === "parsing" ? "reading + COPY" : p.step;
    if (name !== step) console.error(`    ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(step = name)}`);
  },
});
const seconds = (performance.now() - t0) / 1000;
if (!result.ok) {
  console.error(JSON.stringify(result).slice(0, 2000));
  process.exit(1);
}
console.log(JSON.stringify({ seconds, rows: result.rows, written: result.written, summary: result.plan.summary, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
