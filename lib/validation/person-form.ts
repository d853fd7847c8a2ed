import { z } from "zod";
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH } from "./limits";
import { optionalLabel, optionalRef, optionalText, pastDay, recordId, requiredText, version } from "./record-fields";

// People and the devices they hold, edited on the person page.

const yesNo = z.enum(["yes", "no"], "validation.choose").transform((v) => v === "yes");
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, "validation.emailTooLong")
  // The sentence names both limits (64 before the @), as the invitation's address refuses them (decision 086).
  .refine((v) => v.lastIndexOf("@") <= EMAIL_LOCAL_MAX_LENGTH, "validation.emailTooLong")
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || z.email().safeParse(v).success, "validation.email");

const personFields = { name: requiredText(), email, company: optionalText(), external: yesNo, departedAt: pastDay };

/** Ticked after a refusal for an existing name: this is another person of the same name (lib/people/same-name.ts). */
export const confirmSameName = z.literal("yes", "validation.choose").optional().transform((v) => v === "yes");
/**
 * The name the question was asked about, sent back beside the tick: the tick confirms that name only, so a name
 * edited to another taken one after ticking is asked about again (sameNameConfirmed).
 */
export const sameNameAsked = optionalText();

/** A person typed in on their own (not only as a login's owner): someone about to be given access, a vendor's staff. */
export const createPersonSchema = z.object({ ...personFields, confirmSameName, sameNameAsked });
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z.object({ personId: recordId, version, ...personFields });
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

/** Removing a person: refused while they own a login (hand it over or merge first). */
export const removePersonSchema = z.object({ personId: recordId, version, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemovePersonInput = z.infer<typeof removePersonSchema>;

/** Two records of one human: everything of `duplicateId` moves to `personId`, then the duplicate goes. */
export const mergePeopleSchema = z
  .object({ personId: recordId, version, duplicateId: recordId, confirm: z.literal("yes", "validation.confirmRemove") })
  .refine((v) => v.personId !== v.duplicateId, { path: ["duplicateId"], message: "validation.mergeSelf" });
export type MergePeopleInput = z.infer<typeof mergePeopleSchema>;

export const DEVICE_KINDS = ["PHONE", "AUTHENTICATOR_APP", "SECURITY_KEY"] as const;

export const saveDeviceSchema = z.object({
  /** The person page it is edited from (the holder by default). */
  personId: recordId,
  deviceId: optionalRef,
  version: z.coerce.number().int().min(0).optional(),
  kind: z.enum(DEVICE_KINDS, "validation.choose"),
  label: optionalLabel(),
  holderId: optionalRef,
  skipOtpOnBrowser: yesNo,
});
export type SaveDeviceInput = z.infer<typeof saveDeviceSchema>;

export const removeDeviceSchema = z.object({ personId: recordId, deviceId: recordId, version, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemoveDeviceInput = z.infer<typeof removeDeviceSchema>;
