import { z } from "zod";
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH } from "./limits";
import { confirmSameName, sameNameAsked } from "./person-form";
import { codeList, optionalRef, optionalText, pastDay, pastDayValue, recordId, requiredText, version } from "./record-fields";

// A Seller Central login as a person records it: who it belongs to, its state and dates. The same
// schema checks the form in the browser and in the server action.

export const LOGIN_ROLES = ["PRIMARY", "SECONDARY"] as const;
export const LOGIN_STATUSES = ["INVITED", "ACTIVE", "DISABLED", "REMOVED"] as const;

export const loginEmailValue = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, "validation.emailTooLong")
  // The sentence names both limits (64 before the @), as the invitation's address refuses them (decision 086).
  .refine((v) => v.lastIndexOf("@") <= EMAIL_LOCAL_MAX_LENGTH, "validation.emailTooLong")
  .transform((v) => v || null)
  .refine((v) => v === null || z.email().safeParse(v).success, "validation.email");
export const loginEmail = loginEmailValue.optional().transform((v) => v ?? null);

const yesNo = z.enum(["yes", "no"], "validation.choose").transform((v) => v === "yes");

/** Accepted before invited is a typo (Seller Central sends the invitation first). */
const acceptedAfterInvited = (v: { invitedAt?: string | null; acceptedAt?: string | null }) => !v.invitedAt || !v.acceptedAt || v.acceptedAt >= v.invitedAt;
const acceptedIssue = { path: ["acceptedAt"], message: "validation.acceptedBeforeInvited" };

export const createLoginSchema = z
  .object({
    accountId: recordId,
    version,
    role: z.enum(LOGIN_ROLES, "validation.choose"),
    email: loginEmail,
    /** An existing person, or "" with a new person's name below. */
    personId: optionalRef,
    personName: optionalText(),
    personExternal: yesNo.optional().transform((v) => v ?? false),
    confirmSameName,
    sameNameAsked,
    status: z.enum(LOGIN_STATUSES, "validation.choose"),
    invitedAt: pastDay,
    acceptedAt: pastDay,
    lastLoginAt: pastDay,
    passwordChangedAt: pastDay,
    passwordReused: yesNo.optional().transform((v) => v ?? false),
  })
  .refine((v) => (v.personId === null) !== (v.personName === null), { path: ["personName"], message: "validation.personOrName" })
  .refine(acceptedAfterInvited, acceptedIssue);
export type CreateLoginInput = z.infer<typeof createLoginSchema>;

export const removeLoginSchema = z.object({ accountId: recordId, version, loginId: recordId, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemoveLoginInput = z.infer<typeof removeLoginSchema>;

/** Fields the full login edit adds to the status/password-date edit; absent = unchanged (older forms send only those two). */
export const loginEditExtras = {
  role: z.enum(LOGIN_ROLES, "validation.choose").optional(),
  email: loginEmailValue.optional(),
  personId: recordId.optional(),
  invitedAt: pastDayValue.optional(),
  acceptedAt: pastDayValue.optional(),
  lastLoginAt: pastDayValue.optional(),
  passwordReused: yesNo.optional(),
  /** Everyone else attested to use the login (a checkbox group, so the form also sends sharedWithSent: none ticked = nobody). */
  sharedWith: codeList.pipe(z.array(recordId).max(500, "validation.tooLong")).optional(),
  sharedWithSent: z.literal("1").optional(),
};
export { acceptedAfterInvited, acceptedIssue, requiredText };
