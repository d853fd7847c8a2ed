import { addDays } from "@/lib/dates";
import type { Recurrence } from "./types";

// Recurring campaigns: a scheduled job (the jobs issue) starts the next one; these say when.

const MONTHS: Record<Recurrence, number> = { NONE: 0, QUARTERLY: 3, SEMIANNUAL: 6, ANNUAL: 12 };

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The next campaign's due date, or null for a one-off campaign. */
export function nextDueOn(recurrence: Recurrence, dueOn: string): string | null {
  return MONTHS[recurrence] === 0 ? null : addMonths(dueOn, MONTHS[recurrence]);
}

/**
 * When the next campaign of a recurring one starts, and when it is due. It starts one period after the
 * previous one started (so a quarterly review keeps the weekday-ish rhythm and the same lead time before
 * its due day) and is due one period after the previous due day; if the scheduler was off so long that
 * this day has passed, whole periods are added until it is today or later (a campaign is never born
 * overdue, and periods missed are not started one after another). Null for a one-off campaign.
 */
export function nextRecurrence(recurrence: Recurrence, previous: { startedOn: string; dueOn: string }, today: string): { startsOn: string; dueOn: string } | null {
  const months = MONTHS[recurrence];
  if (months === 0) return null;
  let periods = 1;
  while (addMonths(previous.dueOn, months * periods) < today) periods += 1;
  return { startsOn: addMonths(previous.startedOn, months), dueOn: addMonths(previous.dueOn, months * periods) };
}

/** The next recurrence is due to start (today is its start day or later). */
export function recurrenceDue(recurrence: Recurrence, previous: { startedOn: string; dueOn: string }, today: string): boolean {
  const next = nextRecurrence(recurrence, previous, today);
  return next !== null && next.startsOn <= today;
}

/** Overdue = past its due day (a campaign or task due today is not yet overdue). */
export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}

/** The default due date of a remediation task: two weeks from the decision. */
export const taskDueFrom = (today: string) => addDays(today, 14);
