/** What a form says beside its submit button after a refusal. */
export type FormSummary = { key: string; visible: boolean } | null;

/**
 * A refusal that names one of the form's own fields (already a member, the last owner) is said
 * there, in words about that field; the code's generic sentence ("someone else changed this first")
 * would contradict it, so it is only announced, not shown. INVALID_INPUT keeps its visible "check the
 * highlighted fields"; a refusal about no field on this form shows the code's sentence.
 */
export function formSummary(
  state: { ok: boolean; error?: string; fieldErrors?: Record<string, string> },
  fieldNames: readonly string[],
): FormSummary {
  if (state.ok || !state.error) return null;
  if (state.error === "INVALID_INPUT") return { key: "INVALID_INPUT", visible: true };
  const named = fieldNames.find((name) => state.fieldErrors?.[name]);
  return named ? { key: state.fieldErrors![named], visible: false } : { key: state.error, visible: true };
}
