import "server-only";
import type { FormMessages } from "@/components/action-form";
import type { ActionState } from "@/lib/actions/define-action";
import type { AppErrorCode } from "@/lib/errors";
import { TOO_LONG, TOO_LONG_TYPED } from "@/lib/forms/too-long";
import { INVISIBLE_CHARACTER_AT, INVISIBLE_CHARACTER_KEY } from "@/lib/validation/invisible-characters";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const CODES: readonly AppErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT"];
/** A stale edit: the record's current values are shown under each field, and the form says why. */
const CONFLICT_KEYS = ["form.currentValue", "form.conflictWithCurrent"] as const;

/**
 * What a form says on its own, its success sentence, in the reader's language. Refusals say their own
 * (answerSentences); a form with nothing to say on success is given no messages at all. A new object each call:
 * the flight names an object it has already sent by its path (60–100 characters on the account page), longer than
 * this one written out again (≈ 30), so sharing it across a page's forms no longer pays (decision 060; 057 shared
 * it while it held the error table).
 */
export function formMessages(t: Translate, success: MessageKey): FormMessages {
  return { success: t(success) };
}

/** Each refusal code's sentence ("error.<CODE>"), for a form whose action answers with a code alone (the import). */
export function errorCodeSentences(t: Translate): Record<AppErrorCode, string> {
  return Object.fromEntries(CODES.map((code) => [code, t(`error.${code}`)])) as Record<AppErrorCode, string>;
}

/** The sentence a form shows for a key of an answer: a refusal code, a "validation.*" key or a stale edit's words. */
function sentenceOf(key: string, t: Translate, vars?: Record<string, string | number>): string | undefined {
  if ((CODES as readonly string[]).includes(key)) return t(`error.${key as AppErrorCode}`);
  if ((key.startsWith("validation.") || (CONFLICT_KEYS as readonly string[]).includes(key)) && key in messages.ja) return t(key as MessageKey, vars);
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
    const sentence = sentenceOf(key, t, state.vars);
    if (sentence !== undefined) said[key] = sentence;
  }
  // Unfilled: the form fills in each too-long field's own limit and length (lib/forms/too-long.ts).
  if (keys.has(TOO_LONG)) said[TOO_LONG_TYPED] = t(TOO_LONG_TYPED);
  // The same for a name with an invisible character: the form says where it is (lib/forms/invisible-character.ts).
  if (keys.has(INVISIBLE_CHARACTER_KEY)) said[INVISIBLE_CHARACTER_AT] = t(INVISIBLE_CHARACTER_AT);
  return Object.keys(said).length > 0 ? { ...state, said } : state;
}
