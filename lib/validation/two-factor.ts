import { z } from "zod";

export const startEnrolmentSchema = z.object({ start: z.literal("yes") });
// A code that is not six digits was mistyped or not entered: say what to type. A well-formed code that
// the server does not accept gets validation.totpWrong (and the clock hint).
export const confirmEnrolmentSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "validation.totpFormat") });
export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, "validation.required").max(1024),
  code: z.string().trim().min(6, "validation.totpWrong").max(32),
});
