/**
 * A 2SV method's one line in its login's editor ("SMS ••••1234 · Primary"), built in the browser from the method's
 * form values and the labels of the kind and role choices the editor already holds, instead of the page sending
 * each method's line as well (decision 057). The same words as the page's two-step cell (account-html.ts).
 */
export function twoStepMethodLine(
  values: { kind?: string; role?: string; phoneLast4?: string },
  choices: { kinds: readonly { value: string; label: string }[]; roles: readonly { value: string; label: string }[] },
): string {
  const label = (options: readonly { value: string; label: string }[], value = "") => options.find((o) => o.value === value)?.label ?? value;
  return `${label(choices.kinds, values.kind)}${values.phoneLast4 ? ` ••••${values.phoneLast4}` : ""} · ${label(choices.roles, values.role)}`;
}
