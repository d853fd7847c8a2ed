import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getScope } from "@/lib/auth/scope";
import { twoFactorPending, type Scope } from "@/lib/db/scope";
import { asFormData, nextSeq } from "@/lib/actions/form-data";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { echoedValues } from "@/lib/forms/echo";
import { controlCharacterErrors } from "@/lib/forms/control-characters";
import { fieldErrorsOf, formFields, tooLongLimitsOf } from "@/lib/forms/fields";
import { answerSentences } from "@/lib/i18n/form-messages";
import { getT } from "@/lib/i18n/server";

export interface ActionState {
  ok: boolean;
  /** Increments on every answer, so a form can tell a new result from the previous one. */
  seq: number;
  error?: AppErrorCode;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, returned on failure so the form can show it again (React resets forms). */
  values?: Record<string, string>;
  /** What the lib call returned, for forms that show a result (e.g. recovery codes, shown once). */
  data?: unknown;
  /** A stale edit: the record as it is now (form strings, with its new version), shown beside what was typed. */
  current?: Record<string, string>;
  /**
   * A refusal's sentences in the reader's language, by the keys it names (`error`, a "validation.*" `message`, each
   * of `fieldErrors`, a stale edit's words): the form shows these instead of every page carrying the whole table.
   */
  said?: Record<string, string>;
  /** The refusal's placeholders ({name}, {people}), filled into its sentences by answerSentences. */
  vars?: Record<string, string | number>;
  /** A field refused as too long: its limit, from the schema that refused it (the form's sentence names it). */
  limits?: Record<string, number>;
}

export const initialActionState: ActionState = { ok: false, seq: 0 };

export { fieldErrorsOf };

/** A form its schema refused: each field's first problem, the limit of a field too long, and what was typed. */
export function invalidInput(seq: number, error: z.ZodError, values: Record<string, string>): ActionState {
  const limits = tooLongLimitsOf(error);
  return { ok: false, seq, error: "INVALID_INPUT", fieldErrors: fieldErrorsOf(error), values, ...(Object.keys(limits).length > 0 ? { limits } : {}) };
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  handler: (scope: Scope, input: z.infer<S>) => Promise<unknown>;
  options: { revalidate?: string | false; allowPendingTwoFactor?: boolean };
}

/**
 * Everything an action does once the session has been resolved to a scope (or to nobody): the
 * two-factor gate, the zod parse and the lib call, with AppError mapped to the answer. Separate from
 * defineAction so the authorisation matrix (lib/actions/action-matrix.int.test.ts) runs the very same
 * steps for every role.
 */
export async function executeAction(definition: ActionDefinition, scope: Scope | null, posted: unknown, seq = 1): Promise<ActionState> {
  // Before anything else: a call posted without its form (lib/actions/form-data.ts) is refused as it stands.
  const formData = asFormData(posted);
  if (!formData) return { ok: false, seq, error: "INVALID_INPUT" };
  // Echoed back so a refused form keeps what was typed — except passwords, which are never sent back.
  const values = echoedValues(formData.entries());
  if (!scope) return { ok: false, seq, error: "UNAUTHENTICATED" };
  // An organisation that requires two-factor sign-in allows nothing else until it is set up.
  if (twoFactorPending(scope) && !definition.options.allowPendingTwoFactor) return { ok: false, seq, error: "FORBIDDEN" };
  const fields = formFields(formData);
  const unsafe = controlCharacterErrors(fields);
  if (unsafe) return { ok: false, seq, error: "INVALID_INPUT", fieldErrors: unsafe, values };
  const parsed = definition.schema.safeParse(fields);
  if (!parsed.success) return invalidInput(seq, parsed.error, values);
  let data: unknown;
  try {
    data = await definition.handler(scope, parsed.data);
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = error.details && typeof error.details === "object" ? (error.details as Record<string, string>) : undefined;
      return { ok: false, seq, error: error.code, message: error.message, fieldErrors, values, ...(error.current ? { current: error.current } : {}), ...(error.vars ? { vars: error.vars } : {}) };
    }
    throw error;
  }
  return { ok: true, seq, ...(data === undefined ? {} : { data }) };
}

/**
 * The one wrapper every server action goes through: session → scope → zod parse → lib call. A page's
 * own auth check does not protect the actions beside it; this does. lib/ throws AppError, mapped here.
 */
export function defineAction<S extends z.ZodType>(
  schema: S,
  handler: (scope: Scope, input: z.infer<S>) => Promise<unknown>,
  /** revalidate: false keeps the page as it is (e.g. to show a result that must not be re-rendered away). */
  options: { revalidate?: string | false; allowPendingTwoFactor?: boolean } = {},
) {
  const definition = { schema, handler, options } as unknown as ActionDefinition;
  const revalidate = options.revalidate ?? "/";
  // The types are the form's; the values are whatever was posted (executeAction refuses anything but a form).
  const action = async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const scope = asFormData(formData) ? await getScope() : null;
    const state = await executeAction(definition, scope, formData, nextSeq(previous));
    if (!state.ok) return answerSentences(state, await getT());
    if (revalidate !== false) revalidatePath(revalidate, "layout");
    return state;
  };
  return Object.assign(action, { definition });
}
