import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().max(254).toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
  /** The second factor, when the account has one: a 6-digit code or a recovery code. */
  code: z.string().trim().max(32).optional().transform((v) => v || undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;
