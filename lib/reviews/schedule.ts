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

/** Overdue = past its due day (a campaign or task due today is not yet overdue). */
export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}

/** The default due date of a remediation task: two weeks from the decision. */
export const taskDueFrom = (today: string) => addDays(today, 14);
