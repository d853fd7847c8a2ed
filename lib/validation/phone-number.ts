// Gatehouse never stores a full phone number (DOMAIN.md): only a 2SV method's last four digits, in their own
// field. Free text beside it (a method's or a device's label) once held "Sato iPhone +81 90-1234-5678" next to
// the masked "••••5678" (stop 42, finding 3). This says whether a text holds something that reads as one.

/** Digits in a row, with up to three spaces, hyphens (any dash), dots or brackets between them, "+" in front. */
const DIGIT_RUN = /\+?\d(?:[\s\-.()‐‑–—−ー]{0,3}\d)*/g;
/** A calendar date (2026-12-07, 2026/12/07, 2026.12.7, 20261207) is not a phone number. */
const DATE = /(?<!\d)(?:19|20)\d\d([-/.]?)(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)/g;
/** Fewer digits than this are model numbers and capacities ("iPhone 15", "Pixel 8a", "128 GB"); the shortest local numbers have 7. */
export const PHONE_MIN_DIGITS = 7;

/** Whether `text` holds a run of seven or more digits (spaces, hyphens, dots, brackets and a leading "+" allowed between) that is not a date. */
export function containsPhoneNumber(text: string): boolean {
  // NFKC: full-width digits and "＋" (０９０-１２３４-５６７８) count as the ASCII ones.
  const withoutDates = text.normalize("NFKC").replace(DATE, " / ");
  for (const run of withoutDates.match(DIGIT_RUN) ?? []) {
    if (run.replace(/\D/g, "").length >= PHONE_MIN_DIGITS) return true;
  }
  return false;
}

/** The zod refinement's message key: the reason (no full numbers) and where the last four go. */
export const PHONE_NUMBER_IN_TEXT_KEY = "validation.phoneNumberInText";
