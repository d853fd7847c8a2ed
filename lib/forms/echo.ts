/**
 * A field that holds a password (password, currentPassword, newPassword, confirmPassword): never sent
 * back. Only names that end in "password" — "stalePasswordDays" or "passwordChangedAt" are numbers and
 * dates about a password, and must be echoed like any other field.
 */
export function isPasswordField(name: string): boolean {
  return /password$/i.test(name);
}

/** What was submitted, to send back with a refusal so the form shows it again — passwords excepted. */
export function echoedValues(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const values: Record<string, string> = {};
  // A field sent several times (a checkbox group) comes back comma-joined, as formFields reads it: every
  // ticked box stays ticked after a refusal, not only the last.
  for (const [name, value] of entries) if (typeof value === "string" && !isPasswordField(name)) values[name] = name in values ? `${values[name]},${value}` : value;
  return values;
}
