import { z } from "zod";
import { CONTROL_CHARACTER_KEY, SINGLE_LINE_PATTERN, TEXT_LIMITS } from "./text";
import { containsPhoneNumber, PHONE_NUMBER_IN_TEXT_KEY } from "./phone-number";
import { hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "./invisible-characters";
import { utcToday } from "../days";
import { realDay } from "./day";

// Field rules shared by the record forms (clients, accounts, logins …): the same schemas run in the
// browser before sending and in the server action, and every message is a catalogue key.

/**
 * A name (store, person, company, app, partner) and a device's or 2SV method's label: the snapshot's limit for the same
 * fields (TEXT_LIMITS.name, published in its JSON Schema), one constant for both. The forms once stopped at 100, so a
 * store name imported at 150 characters refused every later edit of its account, even of its status (decision 101).
 */
export const NAME_MAX_LENGTH = TEXT_LIMITS.name;
export const LABEL_MAX_LENGTH = TEXT_LIMITS.name;

/** The longest id a form, a link or a file may name. */
export const RECORD_ID_MAX_LENGTH = 64;
/**
 * A record's id, from a form's hidden field or a URL: printable, one line. A control character names no record, and
 * PostgreSQL refuses a NUL in text (22021: a 500, not a refusal) if it gets that far. Every id schema reuses this one.
 */
export const recordId = z.string().min(1, "validation.required").max(RECORD_ID_MAX_LENGTH, "validation.tooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY);
/** The version the form was rendered from (optimistic locking). */
export const version = z.coerce.number("validation.wholeNumber").int("validation.wholeNumber").min(1, "validation.wholeNumber");
/**
 * A one-line name (store, client, person, company …). The forms' shared check lets tab and line breaks through for
 * text areas (lib/forms/control-characters.ts); a name refuses them here, once for every form that uses these. A name
 * also refuses invisible characters (a zero-width space made a twin of a client, decision 101).
 */
export const requiredText = (max: number = NAME_MAX_LENGTH) =>
  z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong")
    .regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY)
    .refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY);
export const optionalText = (max: number = NAME_MAX_LENGTH) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY)
    .refine(hasNoInvisibleCharacter, INVISIBLE_CHARACTER_KEY)
    .optional()
    .transform((v) => v || null);
/**
 * A 2SV method's or a device's label ("iPhone 15", "経理部の共用端末"): optional text that refuses a phone number,
 * which Gatehouse never stores (only the method's last four digits, in their own field).
 */
export const optionalLabel = () => optionalText(LABEL_MAX_LENGTH).refine((v) => v === null || !containsPhoneNumber(v), PHONE_NUMBER_IN_TEXT_KEY);
/** An optional reference chosen from a list: "" = none. */
export const optionalRef = z.string().max(64, "validation.tooLong").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY).optional().transform((v) => v || null);
/** Checkbox groups arrive comma-joined. */
export const codeList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));
export const checkbox = z.enum(["yes", "no", "on"], "validation.choose").optional().transform((v) => v === "yes" || v === "on");

/** A date that cannot be in the future (something that has happened): "" = unknown (null). */
export const pastDayValue = z
  .string("validation.date")
  .transform((v) => v || null)
  .refine((v) => v === null || realDay(v), "validation.date")
  .refine((v) => v === null || !realDay(v) || v <= utcToday(), "validation.dateFuture");
/** The same, for a field a form may leave out (then unknown). */
export const pastDay = pastDayValue.optional().transform((v) => v ?? null);

/** An optional date that may lie ahead (an expiry): "" = none. */
export const anyDay = z
  .string()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || realDay(v), "validation.date");

export const dayToDate = (v: string | null) => (v === null ? null : new Date(`${v}T00:00:00Z`));
export const dateToDay = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
