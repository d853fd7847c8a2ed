import { z } from "zod";

export const startEnrolmentSchema = z.object({ start: z.literal("yes") });
export const confirmEnrolmentSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "validation.totpWrong") });
export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, "validation.required").max(1024),
  code: z.string().trim().min(6, "validation.totpWrong").max(32),
});
