import { z } from "zod";
import { optionalLabel, optionalRef, recordId } from "./record-fields";
import { PHONE_LAST4_PATTERN } from "./text-rules";
import { latestDayAnywhere } from "../days";
import { formDayWithin } from "./day";
import { acceptedAfterInvited, acceptedIssue, loginEditExtras } from "./login-form";

const id = recordId;
const version = z.coerce.number().int().min(1);

const methodFields = z.object({
    accountId: id,
    version,
    loginId: id,
    kind: z.enum(["SMS", "VOICE", "AUTHENTICATOR_APP"]),
    role: z.enum(["PRIMARY", "BACKUP"]),
    label: optionalLabel(),
    // Only the last four digits: a full phone number is refused, never stored.
    phoneLast4: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(z.string().regex(PHONE_LAST4_PATTERN, "validation.phoneLast4").nullable()),
    deviceId: optionalRef,
  });
const phoneMatchesKind = <T extends z.ZodType<{ kind: string; phoneLast4: string | null }>>(schema: T) =>
  schema
    .refine((v) => v.kind === "AUTHENTICATOR_APP" || v.phoneLast4 !== null, { path: ["phoneLast4"], message: "validation.phoneLast4Required" })
    .refine((v) => v.kind !== "AUTHENTICATOR_APP" || v.phoneLast4 === null, { path: ["phoneLast4"], message: "validation.appHasNoPhone" });

export const addTwoStepMethodSchema = phoneMatchesKind(methodFields);
export type AddTwoStepMethodInput = z.infer<typeof addTwoStepMethodSchema>;

/** Every field of a recorded method (kind, role, label, last four digits, device) corrected in place. */
export const updateTwoStepMethodSchema = phoneMatchesKind(methodFields.omit({ loginId: true }).extend({ methodId: id }));
export type UpdateTwoStepMethodInput = z.infer<typeof updateTwoStepMethodSchema>;

export const removeTwoStepMethodSchema = z.object({ accountId: id, version, methodId: id, confirm: z.literal("yes", "validation.confirmRemove") });

export const updateLoginSchema = z
  .object({
    accountId: id,
    version,
    loginId: id,
    status: z.enum(["INVITED", "ACTIVE", "DISABLED", "REMOVED"], "validation.choose"),
    /** Empty = unknown (null, as in a snapshot): saved as such, so clearing the field really clears it. */
    // A pipe, not a union with "": a union's refusal would be zod's own "Invalid input", not our message.
    passwordChangedAt: z.string().transform((v) => v || null).pipe(formDayWithin((day, today) => passwordChangedDateError(day, today), latestDayAnywhere).nullable()),
    ...loginEditExtras,
  })
  .refine(acceptedAfterInvited, acceptedIssue);
export type UpdateLoginInput = z.infer<typeof updateLoginSchema>;

/** A password change is recorded once it has happened: a date after today is a typo. */
export function passwordChangedDateError(passwordChangedAt: string | null, today: string): string | null {
  return passwordChangedAt !== null && passwordChangedAt > today ? "validation.passwordChangedFuture" : null;
}

export const markVerifiedSchema = z.object({ accountId: id, version });
