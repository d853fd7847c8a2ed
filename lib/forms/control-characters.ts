import { CONTROL_CHARACTER_KEY, hasControlCharacters } from "@/lib/validation/text";

/**
 * Fields holding control characters (NUL, escape, text-direction overrides …; line breaks and tabs are
 * a text area's own): refused for every form before its schema runs (lib/actions/define-action.ts), so
 * none reaches PostgreSQL (NUL fails there) or a page. Null when every field is clean.
 */
export function controlCharacterErrors(fields: Record<string, string>): Record<string, string> | null {
  const errors = Object.entries(fields).filter(([, value]) => hasControlCharacters(value, { multiline: true }));
  return errors.length ? Object.fromEntries(errors.map(([key]) => [key, CONTROL_CHARACTER_KEY])) : null;
}
