import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./limits";

/**
 * A new Gatehouse password as a form field: its length is said with the other field errors; the rest of the
 * policy (common, personal, weak) needs the server's list and the user's name (lib/auth/password-policy.ts).
 */
export const newPasswordField = z.string().min(1, "validation.required").min(MIN_PASSWORD_LENGTH, "validation.password.tooShort").max(1024);

/**
 * The refine options of a form whose `confirmPassword` repeats `field`. An object's refine otherwise runs only
 * once all its fields pass, so a user fixed one error, sent again and met the mismatch next; with `when` it is
 * checked whenever both are strings, and every field error shows at once (decisions 090, 095).
 */
export function confirmationRepeats(field: string) {
  return {
    path: ["confirmPassword"],
    message: "validation.passwordsDiffer",
    when: ({ value }: { value: unknown }) => {
      const v = value as Record<string, unknown> | null;
      return typeof v?.[field] === "string" && typeof v.confirmPassword === "string";
    },
  };
}
