import "server-only";
import PgBoss from "pg-boss";
import { appDatabaseUrl } from "@/lib/db/app-role";
import { withDatabase } from "@/lib/db/bound-database";
import { utcToday } from "@/lib/days";
import { failureReason } from "./failure-reason";
import { digestRecipients, sendMemberDigest } from "@/lib/db/jobs/digest";
import { sendMail } from "@/lib/mail";
import { startDueRecurrences } from "@/lib/db/jobs/recurrences";
import { reminderRecipients, sendMemberReminder } from "@/lib/db/jobs/reminders";
import { recomputeDay, recomputeOrganisation, reopenExpiredAcceptances } from "@/lib/db/jobs/risk-jobs";
import { JOBS, JOB_NAMES, parseJobData, systemClock, weekOf, type Clock, type JobName } from "./registry";

// pg-boss on the app's own PostgreSQL (schema `pgboss`): every process may run a worker, and each job
// is fetched by exactly one of them (SELECT … FOR UPDATE SKIP LOCKED); a cron schedule is turned into
// one job per minute slot whoever sees it first (decision 020). Nothing is kept in memory between jobs.

export const JOBS_SCHEMA = "pgboss";

export interface WorkerOptions {
  /** Where jobs' own work connects (DATABASE_URL: through PgBouncer in a pooled deployment). */
  connectionString: string;
  /**
   * Where jobs' scoped work connects (the scoped-work role, app-role.ts). The launcher passes the one it derived
   * from its own AUTH_SECRET; without it, derived from connectionString and AUTH_SECRET/DATABASE_APP_URL.
   */
  appConnectionString?: string;
  /** Where pg-boss keeps its tables; DATABASE_DIRECT_URL when set (its schema install takes locks). */
  bossConnectionString?: string;
  clock?: Clock;
  /** Handlers replacing the built-in ones (a test's stalling worker): name → handler. */
  extraHandlers?: Partial<Record<JobName, JobHandler>>;
  /** Shorter intervals for tests; production keeps pg-boss's defaults. */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  cronIntervalSeconds?: number;
  /** false: no schedules are (re)installed (a worker started by a test that drives jobs itself). */
  schedule?: boolean;
}

export interface JobContext {
  connectionString: string;
  /** The scoped-work role's connection string to connectionString's database (WorkerOptions). */
  appConnectionString?: string;
  clock: Clock;
  boss: PgBoss;
}

export type JobHandler = (data: unknown, context: JobContext) => Promise<unknown>;

/**
 * A handler whose getDb()/dbFor() reach the job's own database, never the process's DATABASE_URL (decision 088):
 * the launcher running the worker under the embedded default has none, only its web child does. Applied once, where
 * the worker runs a handler (startWorker), so it covers a test's extraHandlers as well as the built-in tables below.
 */
function onJobDatabase(handler: JobHandler): JobHandler {
  return (data, ctx) => {
    let appUrl = ctx.appConnectionString;
    const binding = {
      ownerUrl: ctx.connectionString,
      appUrl: () => (appUrl ??= appDatabaseUrl({ DATABASE_URL: ctx.connectionString, AUTH_SECRET: process.env.AUTH_SECRET, DATABASE_APP_URL: process.env.DATABASE_APP_URL })),
    };
    return withDatabase(binding, () => handler(data, ctx));
  };
}

export const RISK_HANDLERS: Partial<Record<JobName, JobHandler>> = {
  "risk.daily-recompute": async (data, ctx) => (parseJobData("risk.daily-recompute", data), recomputeDay(ctx.connectionString, utcToday(ctx.clock()))),
  "risk.recompute-organisation": async (data, ctx) => recomputeOrganisation(ctx.connectionString, parseJobData("risk.recompute-organisation", data).orgId, utcToday(ctx.clock())),
  "acceptances.reopen-expired": async (data, ctx) => (parseJobData("acceptances.reopen-expired", data), reopenExpiredAcceptances(ctx.connectionString, utcToday(ctx.clock()))),
};

export const DIGEST_HANDLERS: Partial<Record<JobName, JobHandler>> = {
  // One job per member, so one failing mailbox retries alone; duplicates are harmless (the claim row).
  "digest.weekly": async (data, ctx) => {
    parseJobData("digest.weekly", data);
    const period = weekOf(ctx.clock());
    const members = await digestRecipients();
    if (members.length) await ctx.boss.insert(members.map((m) => ({ name: "digest.member", data: { ...m, period } })));
    return { members: members.length };
  },
  "digest.member": async (data, ctx) => ({ outcome: await sendMemberDigest(parseJobData("digest.member", data), utcToday(ctx.clock()), sendMail) }),
};

export const REVIEW_HANDLERS: Partial<Record<JobName, JobHandler>> = {
  "reviews.start-due-recurrences": async (data, ctx) => (parseJobData("reviews.start-due-recurrences", data), startDueRecurrences(ctx.clock())),
  // As the digest: one job per member and organisation, duplicates harmless (the day's claim row).
  "reminders.daily": async (data, ctx) => {
    parseJobData("reminders.daily", data);
    const day = utcToday(ctx.clock());
    const members = await reminderRecipients(day);
    if (members.length) await ctx.boss.insert(members.map((m) => ({ name: "reminders.member", data: { ...m, day } })));
    return { members: members.length };
  },
  "reminders.member": async (data) => ({ outcome: await sendMemberReminder(parseJobData("reminders.member", data), sendMail) }),
};

export function createBoss(connectionString: string, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const boss = new PgBoss({ connectionString, schema: JOBS_SCHEMA, max: 4, application_name: "gatehouse-jobs", ...options });
  boss.on("error", (error: Error) => console.error(`[gatehouse] jobs: ${error.message}`));
  return boss;
}

/** Makes the queues (idempotent) with their retry and expiry settings. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of JOB_NAMES) {
    const job = JOBS[name];
    const options = { name, retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, expireInSeconds: job.expireInSeconds };
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}

export async function startWorker(options: WorkerOptions): Promise<PgBoss> {
  const clock = options.clock ?? systemClock;
  const boss = createBoss(options.bossConnectionString ?? options.connectionString, {
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds, monitorStateIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    ...(options.cronIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds } : {}),
    schedule: options.schedule !== false,
  });
  await boss.start();
  await ensureQueues(boss);
  const handlers = { ...RISK_HANDLERS, ...DIGEST_HANDLERS, ...REVIEW_HANDLERS, ...options.extraHandlers };
  const context: JobContext = { connectionString: options.connectionString, appConnectionString: options.appConnectionString, clock, boss };
  for (const name of JOB_NAMES) {
    const handler = handlers[name];
    if (!handler) continue;
    const cron = JOBS[name].cron;
    if (cron && options.schedule !== false) await boss.schedule(name, cron, {}, { tz: "UTC" });
    await boss.work(name, { batchSize: 1, ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}) }, async ([job]) => {
      return onJobDatabase(handler)(job.data, context).catch((error: unknown) => {
        // The operator's record of every failed attempt: the jobs page shows a system-wide job's reason to no
        // organisation (lib/db/jobs/job-runs.ts). One line, credentials masked, as the page would show it.
        console.error(`gatehouse jobs: ${name} failed: ${failureReason(error instanceof Error ? { message: error.message } : error) ?? "no reason given"}`);
        throw error;
      });
    });
  }
  return boss;
}
