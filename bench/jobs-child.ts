// Runs the nightly recompute as a pg-boss job in a worker process of its own (see bench/jobs.ts), so
// its time and peak RSS are the job's alone: the worker starts, the job is sent, the worker runs it.
import { performance } from "node:perf_hooks";
import { startWorker } from "@/lib/jobs/worker";

const day = process.env.BENCH_DAY!;
const boss = await startWorker({ connectionString: process.env.DATABASE_URL!, clock: () => new Date(`${day}T00:05:00Z`), schedule: false, pollingIntervalSeconds: 0.5 });
const t0 = performance.now();
const id = (await boss.send("risk.daily-recompute", {}))!;
for (;;) {
  const job = await boss.getJobById<object>("risk.daily-recompute", id);
  if (job && ["completed", "failed"].includes(job.state)) {
    const seconds = (performance.now() - t0) / 1000;
    await boss.stop({ graceful: false, wait: true });
    console.log(JSON.stringify({ state: job.state, output: job.output, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 100));
}
