import { z } from "zod";
import { DATE_ONLY_PATTERN, isValidDate } from "../dates";

/**
 * A typed day that exists: YYYY-MM-DD with a real month and day. `Date.parse` alone rolls a day over
 * (2027-02-30 parses as 2027-03-02, probe 43 finding 5), so the calendar is checked, not the parser. Every
 * form's date field goes through this one rule (decision 086's due days, decision 089).
 */
export const realDay = (v: string): boolean => DATE_ONLY_PATTERN.test(v) && isValidDate(v);

/**
 * A form's `YYYY-MM-DD` field. Each check aborts, so "yesterday" or "2026-13-45" is reported once
 * ("validation.date"), not again for not being a date or for a rule about today (formDayWithin).
 */
export const formDaySchema = z
  .string()
  .refine(realDay, { message: "validation.date", abort: true });

/** The UTC calendar day, the unit every date rule counts in. */
export const utcDay = (): string => new Date().toISOString().slice(0, 10);

/**
 * The earliest calendar day it is anywhere on Earth at `now` (UTC−12, the last zone): a rule "today or later" measured
 * from it never refuses a person their own today, whatever their zone. From UTC's day, a user west of UTC refused
 * their own today in the evening (review 43). It accepts at most the one day that is still today somewhere.
 */
export const earliestDayAnywhere = (now: Date = new Date()): string => new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);

/**
 * The latest calendar day it is anywhere at `now` (UTC+14, the first zone): a rule "today or earlier" (a departure, a
 * password change) measured from it never refuses a person their own today. From UTC's day, a user in Japan was
 * refused "today" as a day in the future before 09:00 (review 43).
 */
export const latestDayAnywhere = (now: Date = new Date()): string => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * A form day that must also pass a rule about today (not in the future, within a year …). Checked in the
 * schema, beside every other field's checks, so a form with two bad fields hears about both at once; lib
 * repeats the rule with its own clock for callers that are not forms.
 */
export function formDayWithin(rule: (day: string, today: string) => string | null, today: () => string = utcDay) {
  return formDaySchema.superRefine((day, ctx) => {
    const error = rule(day, today());
    if (error) ctx.addIssue({ code: "custom", message: error });
  });
}
