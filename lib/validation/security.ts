import { z } from "zod";
import { confirmationRepeats, newPasswordField } from "./password-confirmation";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(1024),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  // With the other fields' errors, not after them (decision 095).
  .refine((v) => v.newPassword === v.confirmPassword, confirmationRepeats("newPassword"));
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(64) });
export const revokeOthersSchema = z.object({ confirm: z.literal("yes") });
