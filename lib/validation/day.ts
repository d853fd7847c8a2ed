import { z } from "zod";

/**
 * A form's `YYYY-MM-DD` field. Each check aborts, so "yesterday" or "2026-13-45" is reported once
 * ("validation.date"), not again for not being a date or for a rule about today (formDayWithin).
 */
export const formDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date", abort: true })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: "validation.date", abort: true });

/** The UTC calendar day, the unit every date rule counts in. */
export const utcDay = (): string => new Date().toISOString().slice(0, 10);

/**
 * A form day that must also pass a rule about today (not in the future, within a year …). Checked in the
 * schema, beside every other field's checks, so a form with two bad fields hears about both at once; lib
 * repeats the rule with its own clock for callers that are not forms.
 */
export function formDayWithin(rule: (day: string, today: string) => string | null) {
  return formDaySchema.superRefine((day, ctx) => {
    const error = rule(day, utcDay());
    if (error) ctx.addIssue({ code: "custom", message: error });
  });
}
