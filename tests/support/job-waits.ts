import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { JOBS_SCHEMA } from "@/lib/jobs/worker";

/** Polls `what` until it answers something truthy (a job's work happens in pg-boss's own time). */
export async function until<T>(what: () => Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await what();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The job once it has completed or failed. */
export const finished = (boss: PgBoss, name: string, id: string) =>
  until(async () => {
    const job = await boss.getJobById<object>(name, id);
    return job && ["completed", "failed"].includes(job.state) ? job : undefined;
  });

/**
 * A killed worker's attempt at job `id` as pg-boss finds it once the attempt's expiry has passed: its start moved back
 * past its limit, so the next maintenance pass fails it by timeout, pg-boss's own path, and the retry comes at once.
 * The kill tests give their jobs a limit no attempt reaches instead of a short one: a short limit also ends live
 * attempts, and on a loaded machine the killed worker's attempt outlived it before the kill (its handler timed out,
 * the worker failed the job and fetched it again), so the job was retried one more time than the test counted.
 */
export async function expireKilledAttempt(db: Db, id: string): Promise<void> {
  const moved = await db.$executeRawUnsafe(
    `UPDATE ${JOBS_SCHEMA}.job SET started_on = started_on - expire_in - interval '1 second' WHERE id = $1::uuid AND state = 'active'`,
    id,
  );
  if (moved !== 1) throw new Error(`job ${id} is not active: the killed worker's attempt is not where the test left it`);
}
