import "server-only";
import type PgBoss from "pg-boss";
import { parseJobData, type JobData, type JobName } from "./registry";
import { createBoss, ensureQueues } from "./worker";

// A web process sends jobs without working them (a web-only replica may run no worker at all): one
// pg-boss per process with neither supervision nor schedules, started on first use.
const globalForJobs = globalThis as unknown as { gatehouseJobSender?: Promise<PgBoss> };

function sender(): Promise<PgBoss> {
  if (!globalForJobs.gatehouseJobSender) {
    const url = process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    const starting = (async () => {
      const boss = createBoss(url, { supervise: false, schedule: false, max: 2 });
      await boss.start();
      await ensureQueues(boss);
      return boss;
    })();
    starting.catch(() => (globalForJobs.gatehouseJobSender = undefined));
    globalForJobs.gatehouseJobSender = starting;
  }
  return globalForJobs.gatehouseJobSender;
}

/** Queues a job (data checked against its schema); returns its id. */
export async function enqueueJob<N extends JobName>(name: N, data: JobData<N>): Promise<string | null> {
  const boss = await sender();
  return boss.send(name, parseJobData(name, data));
}

/** Puts a failed job back in its queue (the jobs page's Retry; lib/db/jobs/job-runs checks whose it is first). */
export async function retryJob(name: string, id: string): Promise<void> {
  const boss = await sender();
  await boss.retry(name, id);
}
