// Gatehouse never stores a full phone number (DOMAIN.md): only a 2SV method's last four digits, in their own
// field. Free text beside it (a method's or a device's label) once held "Sato iPhone +81 90-1234-5678" next to
// the masked "••••5678" (stop 42, finding 3). This says whether a text holds something that reads as one, and
// masks it (decision 086).
//
// Migration 20261213010000_mask_phone_numbers_in_labels repeats the masking's steps (maskPhoneNumbers) in SQL,
// character for character, to mask what was stored before the forms refused it. That migration has landed: the
// masking keeps its rule as it was (its integration test compares the two on the same labels). The detector that
// refuses (containsPhoneNumber) reads more since decision 101 — separators that hide or that people type (a
// zero-width space, a comma, an underscore, a middle dot) — and so is a superset of what the masking finds.

import { withoutInvisibleCharacters } from "./invisible-characters";

/**
 * Digits in a row, with up to three separators between them: a space (NFKC makes every Unicode space one), a tab,
 * a hyphen or dash (‐ ‑ – — − and the katakana ー typed for one), a dot, a slash or a bracket; "+" in front.
 */
const DIGIT_RUN = /\+?[0-9](?:[ \t.()/‐‑–—−ー-]{0,3}[0-9])*/g;
/** A calendar date, year first (2026-12-07, 2026/12/07, 2026.12.7, 20261207), is not a phone number. */
const DATE_YEAR_FIRST = /(?<![0-9])(?:19|20)[0-9][0-9]([-/.]?)(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])/g;
/** Nor is one with the year last (07/12/2026, 12-25-2026, 7.12.2026): with slashes as separators it would read as one. */
const DATE_YEAR_LAST = /(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])([-/.])(?:0?[1-9]|[12][0-9]|3[01])\1(?:19|20)[0-9][0-9](?![0-9])/g;
/** Nor an IPv4 address (192.168.100.200: four groups of one to three digits, dotted) (review 43). */
const IPV4_ADDRESS = /(?<![0-9])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9])/g;
/** Nor a Japanese postcode after its mark (〒150-0001) (review 43). */
const POSTCODE = /〒 ?[0-9]{3}-?[0-9]{4}(?![0-9])/g;
/** Fewer digits than this are model numbers and capacities ("iPhone 15", "Pixel 8a", "128 GB"); the shortest local numbers have 7. */
export const PHONE_MIN_DIGITS = 7;
/** What a masked digit becomes: the app's own mark for a hidden digit ("••••5678"). */
export const MASKED_DIGIT = "•";
/** Every digit of a run but its last four. */
const ALL_BUT_LAST_FOUR = /[0-9](?=(?:[^0-9]*[0-9]){4})/g;

/**
 * Whether a run of digits reads as a phone number a person holds: seven digits or more, written as a number is
 * written to be dialled, split into groups ("090-1234-5678", "415.555.0100", "1234 5678") or with "+" in front
 * ("+819012345678"). One unbroken block of digits is a number only with its trunk prefix 0 ("09012345678",
 * "0312345678") or Japan's country code without its "+" ("819012345678", 81 and a 9–10 digit national number);
 * any other block is how serials and ids are printed ("YubiKey 5 NFC 12345678").
 */
function readsAsPhoneNumber(run: string): boolean {
  const digits = run.replace(/[^0-9]/g, "");
  if (digits.length < PHONE_MIN_DIGITS) return false;
  if (run !== digits) return true;
  return digits.startsWith("0") || /^81[0-9]{9,10}$/.test(digits);
}

/**
 * The text with each date's, IPv4 address's and postcode's characters replaced one for one (same length, so a run's
 * place is its place in `text`), in this order.
 */
function withoutDates(text: string): string {
  const blank = (date: string) => "#".repeat(date.length);
  return text.replace(DATE_YEAR_FIRST, blank).replace(DATE_YEAR_LAST, blank).replace(IPV4_ADDRESS, blank).replace(POSTCODE, blank);
}

/** The runs that read as phone numbers, with where they start, in the NFKC form of the text (full-width digits, "＋", "／" count as ASCII). */
function phoneNumberRuns(normal: string): { index: number; run: string }[] {
  const runs: { index: number; run: string }[] = [];
  for (const m of withoutDates(normal).matchAll(DIGIT_RUN)) if (readsAsPhoneNumber(m[0])) runs.push({ index: m.index, run: m[0] });
  return runs;
}

/**
 * The text as the detector reads it (decision 101): NFKC (full-width digits, "＋", "，", the ideographic space as ASCII),
 * without the characters that show as nothing ("090\u200B1234\u200B5678" is seen as 09012345678, so it is read as one),
 * and every other kind of space a space.
 */
function asSeen(text: string): string {
  return withoutInvisibleCharacters(text.normalize("NFKC")).replace(/[^\S\n\r\t]/gu, " ");
}

/**
 * Money written in thousands (1,234,567; 12,000; ¥3,456,789.50), blanked before the runs are read (decision 104: both
 * passes; "¥12,000,000 (2026/12)" was read as "000 (2026/12"): a comma
 * between groups of three after a first group of one to three digits that is not a trunk 0 ("090,123,4567" is not).
 */
const MONEY = /(?<![0-9,])(?:[1-9][0-9]{0,2}|0)(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9])/g;
/**
 * Money in thousands beside its currency, dots or commas between the groups ("1.234.567円", "¥1.234.567", "€1.234,50")
 * (decision 104): the dotted form otherwise reads as a number's groups.
 */
const MONEY_WITH_CURRENCY =
  /[¥$€£] ?[1-9][0-9]{0,2}(?:[.,][0-9]{3})+(?:[.,][0-9]{1,2})?(?![0-9])|(?<![0-9.,])[1-9][0-9]{0,2}(?:[.,][0-9]{3})+(?:[.,][0-9]{1,2})? ?(?:円|yen\b|JPY\b|EUR\b|USD\b|€)/giu;
/**
 * The dashes a date is also written with (‐ ‑ ‒ – — ― − and the katakana ー typed for one): the runs take them, so the
 * dates must too, or "2026‐12‐07" (U+2010) reads as a number's groups (decision 104).
 */
const DATE_SEPARATOR = "[-/.‐‑‒–—―−ー]";
const DATE_YEAR_FIRST_ANY_DASH = new RegExp(`(?<![0-9])(?:19|20)[0-9][0-9](${DATE_SEPARATOR}?)(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])`, "g");
const DATE_YEAR_LAST_ANY_DASH = new RegExp(`(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])(${DATE_SEPARATOR})(?:0?[1-9]|[12][0-9]|3[01])\\1(?:19|20)[0-9][0-9](?![0-9])`, "g");
/** A quarter or a fiscal year ("Q4 2026", "2026 Q4", "FY2026"): a year, not the start of a number's groups. */
const QUARTER_OR_FISCAL_YEAR = /(?<![0-9A-Za-z])(?:Q[1-4]|FY) ?(?:19|20)[0-9]{2}(?![0-9])|(?<![0-9])(?:19|20)[0-9]{2} ?Q[1-4](?![0-9A-Za-z])/gi;
/** A postcode after a word that says so ("郵便番号 150-0001", "postcode 150-0001", "ZIP: 150-0001"), as after 〒. */
const NAMED_POSTCODE = /(?:郵便番号|postal code|post ?code|zip(?: ?code)?)[ :]*[0-9]{3}-?[0-9]{4}(?![0-9])/gi;

/**
 * The text as the detector reads its runs: dates (with any dash), addresses, postcodes, quarters and money blanked one
 * for one. More than the masking blanks (withoutDates, the landed migration's rule), so the detector refuses less
 * ordinary text; the CLI masks only what the detector found.
 */
function withoutOrdinaryFigures(seen: string): string {
  const blank = (figure: string) => "#".repeat(figure.length);
  return withoutDates(
    seen
      .replace(DATE_YEAR_FIRST_ANY_DASH, blank)
      .replace(DATE_YEAR_LAST_ANY_DASH, blank)
      .replace(QUARTER_OR_FISCAL_YEAR, blank)
      .replace(NAMED_POSTCODE, blank)
      .replace(MONEY_WITH_CURRENCY, blank),
  ).replace(MONEY, blank);
}

/**
 * Digits joined by what people also write between a number's groups, or what hides between them: a comma, an
 * underscore, a middle dot (・ ·), a figure dash or bar (‒ ―) besides the run's own separators.
 */
const JOINED_RUN = /\+?[0-9](?:[ \t.()/‐‑‒–—―−ー,_・·-]{0,3}[0-9])*/g;
const JOINING = /[,_・·‒―]/;
/**
 * A Japanese number's groups (decision 104): area code with its trunk 0, exchange, subscriber — 0X-XXXX-XXXX,
 * 0XX-XXX-XXXX, 0XXX-XX-XXXX, 0XXXX-X-XXXX, the 11 digits of 0X0-XXXX-XXXX (mobile, IP), and the toll-free and
 * navigation numbers 0120-XXX-XXX, 0570-XXX-XXX, 0800-XXX-XXXX. Written here with "-" between the groups.
 */
const JAPANESE_GROUPS = /^(?:0[1-9]-[0-9]{4}-[0-9]{4}|0[1-9][0-9]-[0-9]{3}-[0-9]{4}|0[1-9][0-9]{2}-[0-9]{2}-[0-9]{4}|0[1-9][0-9]{3}-[0-9]-[0-9]{4}|0[1-9]0-[0-9]{4}-[0-9]{4}|0(?:120|570|990)-[0-9]{3}-[0-9]{3}|0800-[0-9]{3}-[0-9]{4})$/;
/** "+", a country code of one to three digits, then two or more groups of one to four digits: 8 to 15 digits in all (E.164). */
const INTERNATIONAL_GROUPS = /^\+[0-9]{1,3}(?:-[0-9]{1,4}){2,}$/;

/**
 * Whether a run joined so holds a number to be dialled: some of its groups, from the run's start or a space to its end
 * or a space, joined by a comma, an underscore, a dot … between them, are a Japanese number's groups or "+" and a
 * country code's ("090,1234,5678", "03_1234_5678", "+81,90,1234,5678", "iPhone 15 03―1234―5678"). Any other grouping is
 * a list, a lot or a batch ("0・1・2・…・9", "LOT_0123_4567_89", "batch_0001_2345_678"), which the old rule never read as
 * a number either; a local number written "1234_5678" is the known limit.
 */
function joinedRunHoldsNumber(run: string): boolean {
  const groups = run.match(/\+?[0-9]+/g)!;
  // between[i] is what stands between groups i and i + 1.
  const between = run.split(/\+?[0-9]+/).slice(1, -1);
  const edge = (i: number) => i < 0 || i >= between.length || between[i].includes(" ");
  for (let from = 0; from < groups.length; from++) {
    if (!edge(from - 1)) continue;
    // A number has at most six groups (+CC and five); longer windows need not be tried.
    for (let to = from + 2; to < Math.min(groups.length, from + 6); to++) {
      if (!edge(to) || !between.slice(from, to).some((s) => JOINING.test(s))) continue;
      const written = groups.slice(from, to + 1).join("-");
      const digits = written.replace(/[^0-9]/g, "").length;
      if (JAPANESE_GROUPS.test(written) || (INTERNATIONAL_GROUPS.test(written) && digits >= 8 && digits <= 15)) return true;
    }
  }
  return false;
}

/** Whether `text` holds what reads as a full phone number (see readsAsPhoneNumber): not a date, a model number, a serial or money. */
export function containsPhoneNumber(text: string): boolean {
  const seen = withoutOrdinaryFigures(asSeen(text));
  for (const m of seen.matchAll(DIGIT_RUN)) if (readsAsPhoneNumber(m[0])) return true;
  // A list ("Steps 0, 1, 2, 3") is no phone grouping, so joinedRunHoldsNumber turns it down; "090, 1234, 5678" is one.
  for (const m of seen.matchAll(JOINED_RUN)) if (JOINING.test(m[0]) && joinedRunHoldsNumber(m[0])) return true;
  return false;
}

/**
 * `text` with every digit of each phone number in it masked but the last four, separators kept: "Phone 090-1234-5678"
 * becomes "Phone •••-••••-5678". A text that holds none is returned as it is; one that holds one comes back in its
 * NFKC form (full-width digits as ASCII), as it was read. This is the rule of the landed migration, kept as it was:
 * it does not see through the separators decision 101 added to containsPhoneNumber (a label stored so before is
 * refused when it is next edited, not rewritten).
 */
export function maskPhoneNumbers(text: string): string {
  const normal = text.normalize("NFKC");
  const runs = phoneNumberRuns(normal);
  if (runs.length === 0) return text;
  let out = "";
  let at = 0;
  for (const { index, run } of runs) {
    out += normal.slice(at, index) + run.replace(ALL_BUT_LAST_FOUR, MASKED_DIGIT);
    at = index + run.length;
  }
  return out + normal.slice(at);
}

/** The zod refinement's message key: the reason (no full numbers) and where the last four go. */
export const PHONE_NUMBER_IN_TEXT_KEY = "validation.phoneNumberInText";

/**
 * Free text a person types (a review comment, a task's closing note, a triage note, why a risk is accepted) is held
 * to the same rule as a label (decision 095): one holding a phone number is refused with this key, which says that
 * only the last four digits are kept and how to write them ("…5678"). It is never rewritten: what was typed is the
 * writer's to change.
 */
export const PHONE_NUMBER_IN_NOTE_KEY = "validation.phoneNumberInNote";

/**
 * An Amazon order id (250-1234567-1234567: 3, 7 and 7 digits, ASCII hyphens), standing alone. Notes name orders, and
 * 17 digits in groups read as a number to be dialled; no phone number has this shape (decision 093). Only free text
 * exempts it: a label names a device, not an order, and the label masking (and its migration) stays as it was.
 */
const AMAZON_ORDER_ID = /(?<![0-9])[0-9]{3}-[0-9]{7}-[0-9]{7}(?![0-9])/g;

/** `text` (NFKC, as the detector reads it) with each order id's characters replaced one for one: a number beside one is still found. */
export const withoutOrderIds = (text: string): string => text.normalize("NFKC").replace(AMAZON_ORDER_ID, (id) => "#".repeat(id.length));

export const holdsNoPhoneNumber = (text: string | null | undefined): boolean => !text || !containsPhoneNumber(withoutOrderIds(text));
