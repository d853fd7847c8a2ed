/**
 * What a form says after a refusal: a sentence beside its submit button, or — for a refusal about one
 * of its fields — nothing there, that field's own message being the one announced.
 */
export type FormSummary = { key: string } | { field: string } | null;

/**
 * A refusal that names one of the form's own fields (already a member, the last owner) is said
 * there, in words about that field; the code's generic sentence ("someone else changed this first")
 * would contradict it, so it is left out. INVALID_INPUT keeps its "check the highlighted fields"; a
 * refusal about no field on this form shows its own sentence when lib gave one ("validation.*": why an
 * offboarding cannot be cancelled), else the code's sentence.
 */
export function formSummary(
  state: { ok: boolean; error?: string; message?: string; fieldErrors?: Record<string, string> },
  fieldNames: readonly string[],
): FormSummary {
  if (state.ok || !state.error) return null;
  if (state.error === "INVALID_INPUT") return { key: "INVALID_INPUT" };
  const field = fieldNames.find((name) => state.fieldErrors?.[name]);
  if (field) return { field };
  return { key: state.message?.startsWith("validation.") ? state.message : state.error };
}
