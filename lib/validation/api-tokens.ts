import { z } from "zod";
import { DATE_ONLY_PATTERN, isValidDate } from "../dates";
import { CONTROL_CHARACTER_KEY, SINGLE_LINE_PATTERN } from "./text";
import { hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "./invisible-characters";
import { API_TOKEN_NAME_MAX } from "./limits";

export { API_TOKEN_NAME_MAX };
export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

/** Checkbox groups arrive as one comma-joined string from the form component. */
const clientIdList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
  .pipe(z.array(z.string().max(64)).max(500));

/** The settings form: name, read or write, optional clients, optional expiry day (after today, checked in lib). */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(API_TOKEN_NAME_MAX, "validation.apiTokenNameTooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY),
  scope: z.enum(API_TOKEN_SCOPES, "validation.apiTokenScope"),
  clientIds: clientIdList,
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (DATE_ONLY_PATTERN.test(v) && isValidDate(v)), "validation.date"),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(64), confirm: z.literal("yes") });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
