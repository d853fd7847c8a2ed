import "server-only";
import type { FormMessages } from "@/components/action-form";
import type { ActionState } from "@/lib/actions/define-action";
import type { AppErrorCode } from "@/lib/errors";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const CODES: readonly AppErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT"];
/** A stale edit: the record's current values are shown under each field, and the form says why. */
const CONFLICT_KEYS = ["form.currentValue", "form.conflictWithCurrent"] as const;

// One messages object per translator and success sentence: a page's forms then name the whole object by one
// reference, not a new object each time (decision 057).
const built = new WeakMap<Translate, Map<string, FormMessages>>();

/**
 * What a form says on its own, its success sentence, in the reader's language. Refusals say their own
 * (answerSentences); a form with nothing to say on success is given no messages at all (an empty object shared
 * by a page's forms cost ≈ 100 characters of flight per form, as a reference to it).
 */
export function formMessages(t: Translate, success: MessageKey): FormMessages {
  let bySuccess = built.get(t);
  if (!bySuccess) built.set(t, (bySuccess = new Map()));
  let result = bySuccess.get(success);
  if (!result) bySuccess.set(success, (result = { success: t(success) }));
  return result;
}

/** Each refusal code's sentence ("error.<CODE>"), for a form whose action answers with a code alone (the import). */
export function errorCodeSentences(t: Translate): Record<AppErrorCode, string> {
  return Object.fromEntries(CODES.map((code) => [code, t(`error.${code}`)])) as Record<AppErrorCode, string>;
}

/** The sentence a form shows for a key of an answer: a refusal code, a "validation.*" key or a stale edit's words. */
function sentenceOf(key: string, t: Translate): string | undefined {
  if ((CODES as readonly string[]).includes(key)) return t(`error.${key as AppErrorCode}`);
  if ((key.startsWith("validation.") || (CONFLICT_KEYS as readonly string[]).includes(key)) && key in messages.ja) return t(key as MessageKey);
  return undefined;
}

/**
 * A refusal with the sentences it names, in the reader's language (`said`): its code, its message when that is a
 * "validation.*" key, each field's error and, on a stale edit, the words shown with the current values. The forms
 * look their refusals up there, so no page carries the whole error table in its flight (decision 060). A key
 * outside the catalogue (zod's own English, say) is left out: the form shows it as it is, as before.
 */
export function answerSentences(state: ActionState, t: Translate): ActionState {
  if (state.ok) return state;
  const keys = new Set<string>();
  if (state.error) keys.add(state.error);
  if (state.message) keys.add(state.message);
  for (const key of Object.values(state.fieldErrors ?? {})) if (typeof key === "string") keys.add(key);
  if (state.error === "CONFLICT") for (const key of CONFLICT_KEYS) keys.add(key);
  const said: Record<string, string> = {};
  for (const key of keys) {
    const sentence = sentenceOf(key, t);
    if (sentence !== undefined) said[key] = sentence;
  }
  return Object.keys(said).length > 0 ? { ...state, said } : state;
}
