import { interpolate } from "@/lib/i18n/format";

// A text field is not cut at its limit by the browser (an <input maxlength> drops what is pasted past it without a
// word): the value is sent whole, the schema refuses it, and the form keeps it and says the limit and how much was
// typed, "200 characters at most (you typed 215)". Shared by every form that shows a field's refusal.

/** The key a value longer than its field's limit is refused with (`.max(n, "validation.tooLong")`). */
export const TOO_LONG = "validation.tooLong";
/** Its sentence with the limit and the length typed (`{max}`, `{count}`), filled in by the form that knows both. */
export const TOO_LONG_TYPED = "validation.tooLongTyped";

/**
 * What a field refused as too long says: the limit and what was typed, when the refusal names the limit (the refusing
 * schema's own, lib/forms/fields.ts tooLongLimitsOf) and the value is past it (counted as the schema counts, in UTF-16
 * units); otherwise undefined, and the form says the plain refusal. `template` is TOO_LONG_TYPED's sentence in the
 * reader's language.
 */
export function tooLongSentence(key: string | undefined, template: string | undefined, max: number | undefined, value: string | undefined): string | undefined {
  // Counted as the schemas count: after trimming (requiredText / optionalText trim before `.max`).
  const count = value?.trim().length;
  if (key !== TOO_LONG || template === undefined || max === undefined || count === undefined || count <= max) return undefined;
  return interpolate(template, { max, count });
}
