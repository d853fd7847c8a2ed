/** A field that must repeat another one (a new password's confirmation), checked before the form is sent. */
export interface ConfirmationSpec {
  name: string;
  /** The field this one repeats, and the message key shown on this one when they differ. */
  matches?: { field: string; error: string };
}

/**
 * Field name → message key for every confirmation that differs from the field it repeats, in form
 * order. Checked in the browser so a typo does not cost the user everything typed: passwords are
 * never sent back by the server, so a refusal from there empties them (the server still checks too).
 */
export function confirmationErrors(fields: readonly ConfirmationSpec[], valueOf: (name: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.matches && valueOf(field.name) !== valueOf(field.matches.field)) errors[field.name] = field.matches.error;
  }
  return errors;
}

/**
 * The errors to show: those of the latest submission only. A refusal in the browser is the latest
 * answer, so it replaces the server's earlier one entirely instead of being shown beside it.
 */
export function latestErrors(
  browser: Record<string, string>,
  server: { ok: boolean; fieldErrors?: Record<string, string> },
): Record<string, string> {
  if (Object.keys(browser).length > 0) return browser;
  return server.ok ? {} : (server.fieldErrors ?? {});
}
