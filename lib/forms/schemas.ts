import type { z } from "zod";
import { saveAppSchema, saveOtherAccessSchema, savePartnerSchema } from "../validation/account-children";
import { createAccountSchema, updateAccountSchema } from "../validation/account-form";
import { addTwoStepMethodSchema, updateLoginSchema, updateTwoStepMethodSchema } from "../validation/account-edits";
import { createClientSchema, renameClientSchema } from "../validation/clients";
import { createLoginSchema } from "../validation/login-form";
import { newOrganisationSchema, setupSchema } from "../validation/setup";
import { createPersonSchema, saveDeviceSchema, updatePersonSchema } from "../validation/person-form";
import { acceptInvitationSchema } from "../validation/members";
import { changePasswordSchema } from "../validation/security";

// The schemas a form checks in the browser before sending — the very ones its server action parses
// with — named so a server component can tell the (client) form which one to use.
export const FORM_SCHEMAS = {
  setup: setupSchema,
  newOrganisation: newOrganisationSchema,
  acceptInvitation: acceptInvitationSchema,
  changePassword: changePasswordSchema,
  createClient: createClientSchema,
  renameClient: renameClientSchema,
  createAccount: createAccountSchema,
  updateAccount: updateAccountSchema,
  createLogin: createLoginSchema,
  updateLogin: updateLoginSchema,
  addTwoStepMethod: addTwoStepMethodSchema,
  updateTwoStepMethod: updateTwoStepMethodSchema,
  savePartner: savePartnerSchema,
  saveApp: saveAppSchema,
  saveOtherAccess: saveOtherAccessSchema,
  createPerson: createPersonSchema,
  updatePerson: updatePersonSchema,
  saveDevice: saveDeviceSchema,
} satisfies Record<string, z.ZodType>;

export type FormSchemaName = keyof typeof FORM_SCHEMAS;
