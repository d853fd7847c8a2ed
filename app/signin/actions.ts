"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { asFormData, nextSeq } from "@/lib/actions/form-data";
import { clientMeta } from "@/lib/auth/client-address";
import { safeNextPath } from "@/lib/auth/next-path";
import { waitMinutes } from "@/lib/auth/rate-limit";
import { checkSignInAllowed, recordLockout } from "@/lib/db/sign-in";
import { signInSchema } from "@/lib/validation/auth";

export type SignInError = "invalid" | "credentials" | "rateLimited" | "codeWrong";
export type SignInState = { error: SignInError | null; email: string; needsCode: boolean; waitMinutes?: number; seq: number };

export async function signInAction(prev: SignInState, posted: FormData): Promise<SignInState> {
  const seq = nextSeq(prev);
  // Posted without its form (lib/actions/form-data.ts): an invalid form, as an empty one is.
  const formData = asFormData(posted);
  if (!formData) return { error: "invalid", email: "", needsCode: false, seq };
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password"), code: formData.get("code") ?? undefined });
  const needsCode = Boolean(prev?.needsCode);
  if (!parsed.success) return { error: "invalid", email, needsCode, seq };
  const ip = (await clientMeta()).ip;
  const refused = async (): Promise<SignInState | null> => {
    const decision = await checkSignInAllowed(parsed.data.email, ip);
    return decision.allowed ? null : { error: "rateLimited", email, needsCode, waitMinutes: waitMinutes(decision.retryAfterSeconds), seq };
  };
  const before = await refused();
  if (before) {
    await recordLockout(parsed.data.email, ip, { allowed: false, retryAfterSeconds: (before.waitMinutes ?? 1) * 60, reason: "email" });
    return before;
  }
  try {
    // Only defined fields: Auth.js sends them as form fields, and undefined would arrive as "undefined".
    const { code, ...credentials } = parsed.data;
    await signIn("credentials", { ...credentials, ...(code ? { code } : {}), redirectTo: safeNextPath(formData.get("next")) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "refused".
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "two_factor_required") return { error: null, email, needsCode: true, seq };
    return (await refused()) ?? { error: parsed.data.code ? "codeWrong" : "credentials", email, needsCode: needsCode || Boolean(parsed.data.code), seq };
  }
  return { error: null, email, needsCode, seq };
}
