// Produces one report in its own process, so its time and peak RSS are measured alone (bench/reports.ts).
import { performance } from "node:perf_hooks";
import { produceReport } from "@/lib/db/reports/report-records";
import { resolveScope } from "@/lib/db/scope";

const [userId, clientId, format, locale] = process.argv.slice(2);
const scope = (await resolveScope(userId))!;
const rssAtStart = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { id } = await produceReport(scope, { clientId, accountId: null, format: format as "PDF", locale: locale as "ja" });
const seconds = (performance.now() - t0) / 1000;
// CPU seconds as well as wall time: on a shared machine the wall time mostly measures the neighbours.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({ id, seconds, cpuSeconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), startRssMb: Math.round(rssAtStart / 2 ** 20) }));
process.exit(0);
