import { z } from "zod";
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

/** An acceptance must end: at most a year, and not in the past. */
export function acceptanceWindowError(until: string, today: string): string | null {
  if (until < today) return "validation.untilPast";
  const max = new Date(Date.parse(`${today}T00:00:00Z`) + 366 * 86_400_000).toISOString().slice(0, 10);
  if (until > max) return "validation.untilTooFar";
  return null;
}
