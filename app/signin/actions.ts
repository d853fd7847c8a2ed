"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { error: "invalid" | "credentials" | null; email: string };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { error: "invalid", email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/accounts" });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "wrong credentials".
    if (error instanceof AuthError) return { error: "credentials", email };
    throw error;
  }
  return { error: null, email };
}
