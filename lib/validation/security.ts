import { z } from "zod";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(1024),
    newPassword: z.string().min(1, "validation.required").max(1024),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(64) });
export const revokeOthersSchema = z.object({ confirm: z.literal("yes") });
