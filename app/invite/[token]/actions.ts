"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getScope } from "@/lib/auth/scope";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/db/members";
import { invalidInput, type ActionState } from "@/lib/actions/define-action";
import { asFormData, nextSeq } from "@/lib/actions/form-data";
import { AppError } from "@/lib/errors";
import { answerSentences } from "@/lib/i18n/form-messages";
import { getT } from "@/lib/i18n/server";
import { acceptInvitationSchema } from "@/lib/validation/members";

// Public on purpose (the invitee has no account yet): the single-use token is the authorisation.
// A refusal carries its sentences, as defineAction's answers do (decision 060).
export async function acceptAsNewUserAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answerSentences(await acceptAsNewUser(prev, formData), await getT());
}

export async function acceptAsUserAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answerSentences(await acceptAsUser(prev, formData), await getT());
}

async function acceptAsNewUser(prev: ActionState, posted: FormData): Promise<ActionState> {
  const seq = nextSeq(prev);
  // Posted without its form (lib/actions/form-data.ts): refused before anything is read.
  const formData = asFormData(posted);
  if (!formData) return { ok: false, seq, error: "INVALID_INPUT" };
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(seq, parsed.error, { name: String(formData.get("name") ?? "") });
  try {
    await acceptInvitationAsNewUser(parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, seq, error: error.code, fieldErrors: error.details as Record<string, string> | undefined, values: { name: parsed.data.name } };
    throw error;
  }
  redirect("/signin?joined=1");
}

async function acceptAsUser(prev: ActionState, posted: FormData): Promise<ActionState> {
  const seq = nextSeq(prev);
  const formData = asFormData(posted);
  if (!formData) return { ok: false, seq, error: "INVALID_INPUT" };
  const scope = await getScope();
  const token = z.string().min(20).max(200).safeParse(formData.get("token"));
  if (!scope) return { ok: false, seq, error: "UNAUTHENTICATED" };
  if (!token.success) return { ok: false, seq, error: "NOT_FOUND" };
  try {
    await acceptInvitationAsUser(scope.userId, token.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, seq, error: error.code };
    throw error;
  }
  redirect("/");
}
