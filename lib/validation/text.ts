import { z } from "zod";
import { CONTROL_CLASS, isSingleLine, MULTILINE_CONTROL_CLASS, SINGLE_LINE_PATTERN, TEXT_LIMITS } from "./text-rules";

// Every string Gatehouse accepts has a maximum length and refuses control characters (text-rules.ts says
// why). The limits and the single-line rule live in text-rules.ts, which loads no zod, and are re-exported
// here.
export { isSingleLine, SINGLE_LINE_PATTERN, TEXT_LIMITS };

/** Text areas: line breaks and tabs allowed. */
export const MULTILINE_PATTERN = new RegExp(`^[^${MULTILINE_CONTROL_CLASS}]*$`);
/** The forms' message key for a control character (lib/i18n/messages/input-safety.ts). */
export const CONTROL_CHARACTER_KEY = "validation.controlChars";
const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CLASS}]`);
const MULTILINE_CONTROL_CHARACTER = new RegExp(`[${MULTILINE_CONTROL_CLASS}]`);

export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? MULTILINE_CONTROL_CHARACTER : CONTROL_CHARACTER).test(text);
}

/** The schema's English wording (the CLI prints it); the web translates it by key (importError.controlChar). */
export const CONTROL_CHARACTER_MESSAGE = "control characters (such as NUL, line breaks or text-direction overrides) are not allowed";

/** A one-line string of at most `max` characters without control characters. */
export function singleLine(max: number, messages: { tooLong?: string; control?: string } = {}) {
  // A value over the limit is reported as such once; its characters are not scanned too.
  return z.string().max(max, { message: messages.tooLong, abort: true }).regex(SINGLE_LINE_PATTERN, messages.control ?? CONTROL_CHARACTER_MESSAGE);
}

/**
 * A seller ID wherever it is written (snapshot, API, import, account form): SNAPSHOT.md gives an example
 * ("A2EXAMPLE0001") but no shape, so one non-empty line of at most 64 characters (decision 068).
 */
export function sellerIdText(messages: { tooLong?: string; control?: string } = {}) {
  return singleLine(TEXT_LIMITS.sellerId, messages).min(1);
}

/**
 * One of `values`, from a link's query: spaces around it are dropped first, as the searches drop theirs, so a
 * pasted `status=OPEN%20` is OPEN rather than a filter the page must name as ignored; and any case is the value
 * (decision 101): `/tasks?status=all` is ALL, `severity=CRITICAL` is critical — a page shows some of its values in
 * lower case and people type them either way. Only links: /api/v1's parameters stay exact, as documented.
 */
export const linkChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .trim()
    .transform((typed) => values.find((value) => value.toLowerCase() === typed.toLowerCase()) ?? typed)
    .pipe(z.enum(values));
