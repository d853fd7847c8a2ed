/**
 * Pure calendar-date helpers. A date is reduced to its UTC calendar day, counted as whole days since
 * 1970-01-01 (a "day number"), so ages are plain integer subtraction. Nothing here reads the clock.
 */

export type DayNumber = number;

/** `YYYY-MM-DD`, or an ISO timestamp that carries its offset (`Z` or `±hh:mm`) so the UTC day is known. */
export const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function offsetMinutes(offset: string): number | null {
  if (offset === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function digit(value: string, index: number): number {
  const code = value.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/** `YYYY-MM-DD` without a regex: the common case, on the engine's hot path. */
function parseDateOnly(value: string): DayNumber | null {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return daysFromCivil(year, month, day);
}

/** The UTC calendar day of a date or timestamp, or null when it is not a real calendar date. */
export function parseDay(value: string): DayNumber | null {
  if (value.length === 10) return parseDateOnly(value);
  const m = DATE_PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = daysFromCivil(year, month, day);
  if (m[4] === undefined) return date;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const offset = offsetMinutes(m[7]);
  if (hour > 23 || minute > 59 || second > 59 || offset === null) return null;
  const utcMinutes = date * 1440 + hour * 60 + minute - offset;
  return Math.floor(utcMinutes / 1440);
}

/** The days formatDay can write: a timestamp whose offset moves it out of years 0000-9999 is not a date here. */
const FIRST_DAY = daysFromCivil(0, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

export function isValidDate(value: string): boolean {
  const day = parseDay(value);
  return day !== null && day >= FIRST_DAY && day <= LAST_DAY;
}

/** Like parseDay, for values that were already validated: throws on garbage instead of returning null. */
export function toDay(value: string | DayNumber): DayNumber {
  if (typeof value === "number") return value;
  const day = parseDay(value);
  if (day === null) throw new RangeError(`not a valid date: "${value}"`);
  return day;
}

/** YYYY-MM-DD of a day number (H. Hinnant's civil_from_days; arithmetic is ~10× faster than Date here). */
export function formatDay(day: DayNumber): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`day ${day} is outside years 0000-9999`);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Whole days from `date` to `asOf` (positive when `date` is in the past). */
export function ageInDays(asOf: string | DayNumber, date: string | DayNumber): number {
  return toDay(asOf) - toDay(date);
}

/** Whole days from `asOf` to `date`: 0 on the day itself, negative once past. */
export function daysUntil(asOf: string | DayNumber, date: string | DayNumber): number {
  return toDay(date) - toDay(asOf);
}

/** Shift a day by n days and format it (calendar days: month and year ends need no care). */
export function addDays(date: string | DayNumber, days: number): string {
  return formatDay(toDay(date) + days);
}
