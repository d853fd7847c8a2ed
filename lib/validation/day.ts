import { z } from "zod";
import { DATE_ONLY_PATTERN, isValidDate } from "../dates";
import { utcToday } from "../days";

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

/**
 * A form day that must also pass a rule about today (not in the future, within a year …). Checked in the
 * schema, beside every other field's checks, so a form with two bad fields hears about both at once; lib
 * repeats the rule with its own clock for callers that are not forms.
 */
export function formDayWithin(rule: (day: string, today: string) => string | null, today: () => string = utcToday) {
  return formDaySchema.superRefine((day, ctx) => {
    const error = rule(day, today());
    if (error) ctx.addIssue({ code: "custom", message: error });
  });
}
