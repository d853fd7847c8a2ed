import "server-only";
import { beginSignInAttempt, finishSignInAttempt, recordLockout, withdrawSignInAttempt } from "@/lib/db/sign-in";
import { createUserSession, revokeSession } from "@/lib/db/sessions";
import { verifySecondFactor } from "@/lib/db/two-factor";
import { verifyUserCredentials, type AuthenticatedUser } from "@/lib/db/users";
import { signInSchema } from "@/lib/validation/auth";

/**
 * How a sign-in attempt ended. `rate_limited`: refused before the password was checked;
 * `two_factor_required`: right password, the form asks for the code; `refused`: wrong credentials.
 */
export type CredentialsOutcome =
  | { kind: "signed_in"; user: AuthenticatedUser & { sid: string } }
  | { kind: "rate_limited" }
  | { kind: "two_factor_required" }
  | { kind: "refused" };

export interface CredentialsContext {
  meta: { ip: string; userAgent: string | null };
  /** The session this browser holds already, if any: a new sign-in replaces its cookie, so it ends. */
  previousSessionId: () => Promise<string | null>;
}

/**
 * Auth.js's `authorize` for e-mail and password (and second factor): the limit is checked and the attempt
 * recorded in one step before the password is, so parallel attempts cannot all slip under it
 * (lib/db/sign-in.ts). Signed in: the user with a new server-side session id. Free of Auth.js itself
 * (auth.ts turns the outcome into its answers), so tests and other processes can run it.
 */
export async function authorizeCredentials(raw: unknown, context: CredentialsContext): Promise<CredentialsOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { kind: "refused" };
  const { email, password, code } = parsed.data;
  const { meta } = context;
  const slot = await beginSignInAttempt(email, meta.ip);
  if (!slot.allowed) {
    await recordLockout(email, meta.ip, slot);
    return { kind: "rate_limited" };
  }
  const user = await verifyUserCredentials(email, password);
  if (user?.twoFactor && !code) {
    await withdrawSignInAttempt(slot.attemptId);
    return { kind: "two_factor_required" };
  }
  const secondFactor = user?.twoFactor ? await verifySecondFactor(user.id, code!) : null;
  const ok = user !== null && (!user.twoFactor || secondFactor !== null);
  await finishSignInAttempt(slot.attemptId, email, meta.ip, ok, user?.id, user?.twoFactor ? { secondFactor } : {});
  if (!user || !ok) return { kind: "refused" };
  const previous = await context.previousSessionId();
  if (previous) await revokeSession(previous, "replaced_by_sign_in", user.id);
  const sid = await createUserSession(user.id, meta);
  return { kind: "signed_in", user: { ...user, sid } };
}
