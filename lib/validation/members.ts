import { z } from "zod";
import { CONTROL_CHARACTER_KEY, SINGLE_LINE_PATTERN } from "./text";
import { hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "./invisible-characters";
import { recordId } from "./record-fields";
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH } from "./limits";
import { confirmationRepeats, newPasswordField } from "./password-confirmation";

const role = z.enum(["OWNER", "ADMIN", "MANAGER", "VIEWER"]);
/** Checkbox groups arrive as a comma-joined string from the form component. */
const idList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
  .pipe(z.array(z.string().max(64)).max(500));

export { EMAIL_MAX_LENGTH };

/** An address to send an invitation to: too long is said as such, before its format is checked. */
export const inviteEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, "validation.emailTooLong")
  .refine((v) => v.lastIndexOf("@") <= EMAIL_LOCAL_MAX_LENGTH, "validation.emailTooLong")
  .pipe(z.email("validation.email"));

export const inviteMemberSchema = z.object({
  email: inviteEmail,
  role,
  clientIds: idList,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const inviteClientOwnerSchema = z.object({
  clientId: recordId,
  email: inviteEmail,
});
export type InviteClientOwnerInput = z.infer<typeof inviteClientOwnerSchema>;
export const closeClientPortalSchema = z.object({ clientId: recordId, confirm: z.literal("yes") });

export const changeMemberSchema = z.object({ membershipId: recordId, role, clientIds: idList });
export type ChangeMemberInput = z.infer<typeof changeMemberSchema>;

export const removeMemberSchema = z.object({ membershipId: recordId, confirm: z.literal("yes") });
export const revokeInvitationSchema = z.object({ invitationId: recordId });

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(1, "validation.required").max(100).regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY),
    password: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  // With the name's error, not after it (decision 095).
  .refine((v) => v.password === v.confirmPassword, confirmationRepeats("password"));
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** /members?edit=<membershipId>: the one member whose role and clients are being changed (forms for every member put every client into the page once per member). */
export const membersPageQuerySchema = z.object({ edit: z.string().min(1).max(64).optional().catch(undefined) });
