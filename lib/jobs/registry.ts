import { z } from "zod";
import { addDays } from "@/lib/dates";
import { utcToday } from "@/lib/days";

// Every background job Gatehouse runs, in one place: its queue, when it is scheduled (cron, UTC), how
// often a failure is retried, and the zod schema of its data (a job's data crosses a boundary: it is
// read back from the database). Decision 020 has the why of each choice.

export const JOB_NAMES = [
  "risk.daily-recompute", "risk.recompute-organisation", "acceptances.reopen-expired", "digest.weekly", "digest.member",
  "reviews.start-due-recurrences", "reminders.daily", "reminders.member",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const jobDataSchemas = {
  /** The day's change: every account not yet evaluated today. */
  "risk.daily-recompute": z.object({}).strict(),
  /** After a threshold change in Settings: every account of one organisation. */
  "risk.recompute-organisation": z.object({ orgId: z.string().min(1).max(100) }).strict(),
  /** Accounts with an acceptance whose "until" has passed. */
  "acceptances.reopen-expired": z.object({}).strict(),
  /** Fans the week's digest out into one job per member. */
  "digest.weekly": z.object({}).strict(),
  /** One member's digest for one week (period = the Monday it starts, UTC). */
  "digest.member": z.object({ orgId: z.string().min(1).max(100), userId: z.string().min(1).max(100), period: z.iso.date() }).strict(),
  /** Recurring review campaigns whose next one is due: started, once each. */
  "reviews.start-due-recurrences": z.object({}).strict(),
  /** Fans the day's overdue reminders out into one job per member and organisation. */
  "reminders.daily": z.object({}).strict(),
  /** One member's reminder of their overdue reviews and tasks in one organisation, for one day (UTC). */
  "reminders.member": z.object({ orgId: z.string().min(1).max(100), userId: z.string().min(1).max(100), day: z.iso.date() }).strict(),
} satisfies Record<JobName, z.ZodType>;

export type JobData<N extends JobName> = z.infer<(typeof jobDataSchemas)[N]>;

export interface JobDefinition {
  /** Cron (UTC) for scheduled jobs; enqueued ones have none. */
  cron?: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job active longer than this is taken as dead (its worker killed) and retried. */
  expireInSeconds: number;
}

export const JOBS: Record<JobName, JobDefinition> = {
  // Five minutes past midnight: well inside the new UTC day, whatever the clock skew between replicas.
  "risk.daily-recompute": { cron: "5 0 * * *", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 3600 },
  "risk.recompute-organisation": { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 1800 },
  // Hourly: an acceptance ends at a date, so this only matters in the first hour of a day the nightly
  // recompute has not reached yet (or when that one failed).
  "acceptances.reopen-expired": { cron: "15 * * * *", retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 900 },
  // Monday 06:00 UTC (15:00 in Japan): the week's digest.
  "digest.weekly": { cron: "0 6 * * 1", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 900 },
  "digest.member": { retryLimit: 5, retryDelaySeconds: 120, expireInSeconds: 300 },
  // Hourly, though a recurrence starts on a day: a run missed or failed is made up within the hour,
  // and a run with nothing due is one query.
  "reviews.start-due-recurrences": { cron: "25 * * * *", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 1800 },
  // 00:30 UTC (09:30 in Japan): after the day's recompute has closed the tasks it satisfied.
  "reminders.daily": { cron: "30 0 * * *", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 900 },
  "reminders.member": { retryLimit: 5, retryDelaySeconds: 120, expireInSeconds: 300 },
};

export function parseJobData<N extends JobName>(name: N, data: unknown): JobData<N> {
  return jobDataSchemas[name].parse(data ?? {}) as JobData<N>;
}

/** The clock jobs read "now" from: injected in tests, the wall clock otherwise. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The Monday (UTC) of the week `now` falls in: a digest's period, so one mail per member per week. */
export function weekOf(now: Date): string {
  // Days back to Monday: getUTCDay() counts from Sunday (0), so 6 for a Sunday, 0 for a Monday.
  return addDays(utcToday(now), -((now.getUTCDay() + 6) % 7));
}
