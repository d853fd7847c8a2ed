import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDatabaseUrl } from "@/lib/db/app-role";
import { disconnectDbsAt, type Db } from "@/lib/db/client";
import { endAppPoolsAt } from "@/lib/db/tenant";
import { addDays } from "@/lib/dates";
import { startCampaign } from "@/lib/db/reviews/start-campaign";
import { utcToday } from "@/lib/days";
import { startWorker } from "@/lib/jobs/worker";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { until } from "@/tests/support/job-waits";

// Decision 088: `npm start` on the embedded database runs the worker in the launcher, whose own environment has
// neither DATABASE_URL nor AUTH_SECRET (only the web child's has). Every job must work through the worker's own
// connection strings: here the process's environment and its clients are taken away while the jobs run.

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
});
afterAll(async () => {
  await disconnectDbsAt();
  await endAppPoolsAt();
  await database.drop();
});

const today = utcToday();

/** The job once its first attempt is over: a failure shows at once (state retry, its error in output), not after every retry. */
const attempted = (boss: PgBoss, name: string, id: string) =>
  until(async () => {
    const job = await boss.getJobById<object>(name, id);
    return job && ["completed", "failed", "retry"].includes(job.state) ? job : undefined;
  });

/** The process-wide clients the seeding made from DATABASE_URL, ended and forgotten: the launcher never had any. */
async function forgetProcessClients() {
  const global = globalThis as unknown as { gatehouseDb?: Db; gatehouseAppPool?: { end(): Promise<void> }; gatehouseTenantDbs?: Map<string, Db> };
  await global.gatehouseDb?.$disconnect();
  await global.gatehouseAppPool?.end();
  delete global.gatehouseDb;
  delete global.gatehouseAppPool;
  delete global.gatehouseTenantDbs;
}

describe("background jobs in a process without DATABASE_URL (the launcher under the embedded default)", () => {
  it("starts due recurrences, sends the digest and the reminders through the worker's own connection", async () => {
    const tenant = await createTenant(db, { name: "Launcher agency" });
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Launcher Store"));
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId }, select: { id: true } });
    const scope = await scopeFor(tenant.userId, tenant.orgId);
    // A quarterly campaign started 100 days ago and due yesterday: due to recur, and overdue (the reminder).
    const { id: campaignId } = await startCampaign(scope, { name: "Launcher review", clientIds: [], accountIds: [account.id], reviewerIds: [tenant.userId], dueOn: "2099-12-31", recurrence: "QUARTERLY" });
    await db.reviewCampaign.update({ where: { id: campaignId }, data: { startedAt: new Date(`${addDays(today, -100)}T09:00:00Z`), dueOn: new Date(`${addDays(today, -1)}T00:00:00Z`) } });

    const appConnectionString = appDatabaseUrl({ DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET });
    const saved = { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET, SMTP_URL: process.env.SMTP_URL };
    await forgetProcessClients();
    delete process.env.DATABASE_URL;
    delete process.env.AUTH_SECRET;
    delete process.env.SMTP_URL; // the mail goes to the dev outbox, itself a write through the job's connection
    const boss = await startWorker({ connectionString: database.url, appConnectionString, schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      for (const name of ["reminders.daily", "digest.weekly"] as const) {
        const id = (await boss.send(name, {}))!;
        const job = await attempted(boss, name, id);
        expect({ name, state: job.state, output: job.output }).toMatchObject({ name, state: "completed", output: { members: 1 } });
      }
      await until(async () => (await db.reminderDelivery.count({ where: { orgId: tenant.orgId, sentAt: { not: null } } })) === 1);
      await until(async () => (await db.digestDelivery.count({ where: { orgId: tenant.orgId, sentAt: { not: null } } })) === 1);
      expect(await db.outboxMail.count({ where: { orgId: tenant.orgId } })).toBe(2);

      const id = (await boss.send("reviews.start-due-recurrences", {}))!;
      const job = await attempted(boss, "reviews.start-due-recurrences", id);
      expect(job.state).toBe("completed");
      const [next] = await db.reviewCampaign.findMany({ where: { previousCampaignId: campaignId }, include: { items: { select: { orgId: true } } } });
      expect(next).toMatchObject({ orgId: tenant.orgId, startedById: tenant.userId, recurrence: "QUARTERLY" });
      expect(next.items.length).toBeGreaterThan(0);
      // Nothing made a client from the environment meanwhile.
      expect((globalThis as { gatehouseDb?: unknown }).gatehouseDb).toBeUndefined();
    } finally {
      await boss.stop({ graceful: false, wait: true });
      Object.assign(process.env, saved);
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
    }
  }, 60_000);
});
