import { z } from "zod";
import { anyDay, optionalRef, optionalText, pastDay, recordId, requiredText, version } from "./record-fields";

// What else is recorded on an account besides its logins: Authorized Partners, SP-API app
// authorisations, and Ads / Brand Registry access. One form adds (no id) or edits (with the row's id).

export const OTHER_ROLES = ["ADMIN", "EDITOR", "VIEWER", "ANALYST"] as const;
const base = { accountId: recordId, version };

export const savePartnerSchema = z
  .object({ ...base, partnerId: optionalRef, company: requiredText(), linkSentAt: pastDay, acceptedAt: pastDay })
  .refine((v) => !v.linkSentAt || !v.acceptedAt || v.acceptedAt >= v.linkSentAt, { path: ["acceptedAt"], message: "validation.acceptedBeforeInvited" });
export type SavePartnerInput = z.infer<typeof savePartnerSchema>;

export const saveAppSchema = z
  .object({ ...base, appId: optionalRef, appName: requiredText(), developer: optionalText(), authorizedAt: pastDay, expiresAt: anyDay })
  .refine((v) => !v.authorizedAt || !v.expiresAt || v.expiresAt >= v.authorizedAt, { path: ["expiresAt"], message: "validation.expiresBeforeAuthorized" });
export type SaveAppInput = z.infer<typeof saveAppSchema>;

export const saveOtherAccessSchema = z.object({
  ...base,
  otherAccessId: optionalRef,
  personId: recordId,
  console: z.enum(["ADS", "BRAND_REGISTRY"], "validation.choose"),
  role: z.enum(OTHER_ROLES, "validation.choose"),
});
export type SaveOtherAccessInput = z.infer<typeof saveOtherAccessSchema>;

export const removeAccountChildSchema = z.object({
  ...base,
  kind: z.enum(["partner", "app", "otherAccess"], "validation.choose"),
  id: recordId,
  confirm: z.literal("yes", "validation.confirmRemove"),
});
export type RemoveAccountChildInput = z.infer<typeof removeAccountChildSchema>;
