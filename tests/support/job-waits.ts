import type PgBoss from "pg-boss";

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
