"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { invalidInput, type ActionState } from "@/lib/actions/define-action";
import { asFormData, nextSeq } from "@/lib/actions/form-data";
import { completeSetup } from "@/lib/db/setup/create-agency";
import { AppError } from "@/lib/errors";
import { echoedValues } from "@/lib/forms/echo";
import { answerSentences } from "@/lib/i18n/form-messages";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { getT } from "@/lib/i18n/server";
import { setupSchema } from "@/lib/validation/setup";

// Public on purpose (nobody can sign in yet): the single-use setup token is the authorisation, checked
// with "no organisation exists" in the same transaction that creates the first one.
export async function completeSetupAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  // A refusal carries its sentences, as defineAction's answers do (decision 060).
  return answerSentences(await completeSetupOrRefuse(prev, formData), await getT());
}

async function completeSetupOrRefuse(prev: ActionState, posted: FormData): Promise<ActionState> {
  const seq = nextSeq(prev);
  // Posted without its form (lib/actions/form-data.ts): refused before anything is read.
  const formData = asFormData(posted);
  if (!formData) return { ok: false, seq, error: "INVALID_INPUT" };
  const values = echoedValues(formData.entries());
  const parsed = setupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(seq, parsed.error, values);
  try {
    await completeSetup(parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, seq, error: error.code, fieldErrors: error.details as Record<string, string> | undefined, values };
    throw error;
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  try {
    // Signed in straight away, then offered two-factor enrolment on the security page.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/security?welcome=1" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect itself
  }
  redirect("/signin");
}
