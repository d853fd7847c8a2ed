"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { clientMeta } from "@/lib/auth/client-address";
import { waitMinutes } from "@/lib/auth/rate-limit";
import { checkSignInAllowed, recordLockout } from "@/lib/db/sign-in";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { error: "invalid" | "credentials" | "rateLimited" | null; email: string; waitMinutes?: number };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { error: "invalid", email };
  const refused = async (): Promise<SignInState | null> => {
    const decision = await checkSignInAllowed(parsed.data.email, (await clientMeta()).ip);
    return decision.allowed ? null : { error: "rateLimited", email, waitMinutes: waitMinutes(decision.retryAfterSeconds) };
  };
  const before = await refused();
  if (before) {
    await recordLockout(parsed.data.email, (await clientMeta()).ip, { allowed: false, retryAfterSeconds: (before.waitMinutes ?? 1) * 60, reason: "email" });
    return before;
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/accounts" });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "refused".
    if (error instanceof AuthError) return (await refused()) ?? { error: "credentials", email };
    throw error;
  }
  return { error: null, email };
}
