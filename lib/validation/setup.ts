import { z } from "zod";
import { confirmationRepeats, newPasswordField } from "./password-confirmation";
import { LOCALES } from "../i18n/locales";
import { inviteEmail } from "./members";
import { CONTROL_CHARACTER_KEY, SINGLE_LINE_PATTERN } from "./text";
import { hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "./invisible-characters";

// The first agency and its Owner: from /setup (with the single-use token), from `gatehouse setup`,
// and a demo Owner's own fresh organisation (with an Owner of its own, never the shared demo user: decision 103).
// Messages are catalogue keys.

export const ORG_NAME_MAX_LENGTH = 100;
export const PERSON_NAME_MAX_LENGTH = 100;

export const orgName = z.string().trim().min(1, "validation.required").max(ORG_NAME_MAX_LENGTH, "validation.tooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY);
const ownerName = z.string().trim().min(1, "validation.required").max(PERSON_NAME_MAX_LENGTH, "validation.tooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY);
const locale = z.enum(LOCALES, "validation.choose");

/** Started from the demo: the new organisation's Owner is a new user with this e-mail and password (decision 103). */
export const newOrganisationSchema = z
  .object({ orgName, locale, name: ownerName, email: inviteEmail, password: newPasswordField, confirmPassword: z.string().max(1024) })
  .refine((v) => v.password === v.confirmPassword, confirmationRepeats("password"));
export type NewOrganisationInput = z.infer<typeof newOrganisationSchema>;

export const setupSchema = z
  .object({
    token: z.string().min(20).max(200),
    orgName,
    locale,
    name: ownerName,
    email: inviteEmail,
    password: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  // Checked even when other fields fail, so every field error shows at once (decision 090).
  .refine((v) => v.password === v.confirmPassword, confirmationRepeats("password"));
export type SetupInput = z.infer<typeof setupSchema>;

/** What every way of creating an agency with its Owner needs (the web form adds the token and a confirmation). */
export const agencyWithOwnerSchema = z.object({ orgName, locale, name: ownerName, email: inviteEmail, password: z.string().min(1, "validation.required").max(1024) });
export type AgencyWithOwnerInput = z.infer<typeof agencyWithOwnerSchema>;
