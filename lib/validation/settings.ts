import { z } from "zod";
import { DEFAULT_RISK_SETTINGS } from "./risk-settings";

export const RISK_SETTING_KEYS = Object.keys(DEFAULT_RISK_SETTINGS) as (keyof typeof DEFAULT_RISK_SETTINGS)[];

// An empty field is an error, not 0: 0 switches a rule off, which must never happen by leaving a field blank.
const wholeNumber = (min: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(10, "validation.tooLarge")
    .transform(Number)
    .pipe(z.number({ message }).int(message).min(min, message).max(3650, "validation.tooLarge"));
const dayCount = wholeNumber(0, "validation.wholeNumber");

/**
 * The settings form: every threshold as a whole number of days, and maxAdmins as people. maxAdmins has
 * no "0 = off" (SNAPSHOT.md gives that only to the stale-password tiers): 0 would flag every account
 * that has an administrator at all, so the form asks for at least 1.
 */
export const updateRiskSettingsSchema = z
  .object({
    ...(Object.fromEntries(RISK_SETTING_KEYS.map((k) => [k, dayCount])) as Record<(typeof RISK_SETTING_KEYS)[number], typeof dayCount>),
    maxAdmins: wholeNumber(1, "validation.maxAdminsAtLeastOne"),
  })
  .refine((s) => s.stalePasswordHighDays === 0 || s.stalePasswordDays === 0 || s.stalePasswordHighDays > s.stalePasswordDays, {
    path: ["stalePasswordHighDays"],
    message: "validation.highAfterMedium",
  });
export type UpdateRiskSettingsInput = z.infer<typeof updateRiskSettingsSchema>;
