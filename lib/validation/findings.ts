import { z } from "zod";
import { addDays } from "../dates";
import { CONTROL_CHARACTER_KEY, MULTILINE_PATTERN } from "./text";
import { formDayWithin } from "./day";
import { ACCEPT_REASON_MAX_LENGTH, ACCEPT_REASON_MIN_LENGTH } from "./limits";
import { holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY } from "./phone-number";


export const acceptFindingSchema = z.object({
  findingId: z.string().min(1).max(64),
  reason: z.string().trim().min(ACCEPT_REASON_MIN_LENGTH, "validation.reasonTooShort").max(ACCEPT_REASON_MAX_LENGTH, "validation.reasonTooLong").regex(MULTILINE_PATTERN, CONTROL_CHARACTER_KEY)
    .refine(holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY),
  /** Accepted through this day; open again from the next. */
  until: formDayWithin((until, today) => acceptanceWindowError(until, today)),
});
export type AcceptFindingInput = z.infer<typeof acceptFindingSchema>;

export const reopenFindingSchema = z.object({ findingId: z.string().min(1).max(64) });

/** The longest an acceptance runs: a year, a leap year's too. */
export const ACCEPTANCE_MAX_DAYS = 366;
/** The "accepted until" a form offers: a quarter from today. */
export const ACCEPTANCE_DEFAULT_DAYS = 90;

/** An acceptance must end: at most ACCEPTANCE_MAX_DAYS ahead, and not in the past. */
export function acceptanceWindowError(until: string, today: string): string | null {
  if (until < today) return "validation.untilPast";
  const max = addDays(today, ACCEPTANCE_MAX_DAYS);
  if (until > max) return "validation.untilTooFar";
  return null;
}
