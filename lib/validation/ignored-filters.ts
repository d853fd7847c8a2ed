import { CONTROL_CLASS } from "./text-rules";

// A list page falls back to "no filter" for a value it cannot use, so a bad link still opens. It must not do so
// silently: `/accounts?severity=CRITICAL` listed every account as if nothing had been asked. Each page's parser
// keeps what its schema accepts (unchanged) and also names what it dropped and why; the page words it
// (lib/i18n/ignored-filters.ts) beside its filter form.

/** Why a value from the address bar was not applied. */
export type IgnoredReason =
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "tooLong"; max: number }
  | { kind: "controlChar" }
  | { kind: "wholeNumber"; min: number; max: number }
  | { kind: "marketplace" }
  | { kind: "rule" }
  | { kind: "only"; value: string }
  /**
   * A client filter (an id) that names no client the reader can reach: none has it, or another organisation's, or one
   * not assigned to them, said alike (decision 093). Only the database knows this: the page asks after parsing.
   */
  | { kind: "noSuchClient" }
  /**
   * A client name (the organisation's or a client's snapshot download, `?client=NAME`) that names no client the reader
   * can reach, said alike for every way of being out of reach, as noSuchClient (decision 099).
   */
  | { kind: "noSuchClientName" }
  /** A later value of a parameter given twice: a page reads the first. */
  | { kind: "repeated" }
  /** A parameter a download reads once, given `count` times: refused, not read (repeatedParameters). */
  | { kind: "repeatedParameter"; count: number }
  /**
   * A parameter the page (or download) does not read at all: a typo (`sev=critical` for `severity`, then `near` is
   * the filter it is close to) or a name that was never the app's (`utm_source`).
   */
  | { kind: "unknown"; near?: string };

export interface IgnoredFilter {
  /**
   * The parameter's name. For every reason but "unknown" it is one of the page's own filter names; for "unknown" it
   * is the URL's, passed through shownValue() like any value, and shown isolated (<bdi>) like one.
   */
  name: string;
  /** The value as it may be shown: truncated and with control characters replaced (shownValue). */
  value: string;
  reason: IgnoredReason;
}

/** Characters of a dropped value the notice shows: enough to recognise a typo, not a pasted page. */
export const IGNORED_VALUE_MAX_LENGTH = 40;

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`, "g");
const STACKED_MARKS = /(\p{M}{2})\p{M}+/gu;

/**
 * A value from the URL as the notice may show it. React escapes markup; what it does not stop is a line break
 * or a text-direction override (U+202E) rearranging the sentence around the value, so those become U+FFFD.
 * Cut by code point, so an emoji is never split in half.
 */
export function shownValue(raw: string): string {
  // Combining marks stacked on one letter would rise over the form: two per letter are enough to read.
  const chars = Array.from(raw.replace(CONTROL, "\uFFFD").replace(STACKED_MARKS, "$1"));
  return chars.length > IGNORED_VALUE_MAX_LENGTH ? `${chars.slice(0, IGNORED_VALUE_MAX_LENGTH).join("")}…` : chars.join("");
}

/** A `client` given by name that names no client the reader can reach (only the database knows it). */
export const noSuchClientNamed = (name: string): IgnoredFilter => ({ name: "client", value: shownValue(name), reason: { kind: "noSuchClientName" } });

/**
 * A single-line text filter (search, id) that was dropped: too long, or else it held a control character.
 * `trimmed`: the schema measures the value after trimming it (searches do, ids do not).
 */
export const textReason = (max: number, { trimmed = true } = {}) => (raw: string): IgnoredReason =>
  (trimmed ? raw.trim() : raw).length > max ? { kind: "tooLong", max } : { kind: "controlChar" };

export const oneOf = (values: readonly string[]) => (): IgnoredReason => (values.length === 1 ? { kind: "only", value: values[0] } : { kind: "oneOf", values });

/** Next's `searchParams` object. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** A query as a route reads it (URLSearchParams) or as a page is given it (Next's searchParams object). */
export type QueryParams = URLSearchParams | SearchParamsRecord;

/** Every value a query gives for `name`, in order. */
export const allParams = (raw: QueryParams, name: string): string[] => {
  const v = raw instanceof URLSearchParams ? raw.getAll(name) : Object.hasOwn(raw, name) ? raw[name] : undefined;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** The value a page reads of a parameter: the first when it is repeated. */
export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The values after the first of a parameter given more than once (none otherwise). */
export const laterParams = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v.slice(1) : []);

export interface FilterCheck {
  name: string;
  /** The first value the URL gives for `name` (the one the page reads). */
  raw: string | undefined;
  /** Whether the page's schema used it. */
  applied: boolean;
  /** The values after the first when the URL repeats `name`: the page reads only the first. */
  later?: readonly string[];
  reason: (raw: string) => IgnoredReason;
}

/**
 * The filters given a value that the page did not apply. A blank value is no filter rather than a dropped one:
 * a submitted form sends an empty field for "any".
 */
export function ignoredFilters(checks: readonly FilterCheck[]): IgnoredFilter[] {
  return checks.flatMap(({ name, raw, applied, reason, later = [] }) => {
    const ignored: IgnoredFilter[] = raw === undefined || raw.trim() === "" || applied ? [] : [{ name, value: shownValue(raw), reason: reason(raw) }];
    // `severity=&severity=CRITICAL` reads as no filter: the later value must not vanish (nor widen a download).
    for (const value of later) if (value.trim() !== "" && value !== raw) ignored.push({ name, value: shownValue(value), reason: { kind: "repeated" } });
    return ignored;
  });
}

/**
 * What a page that reads no parameter knows (a client's page, the reviews): any name in its link is named, as on
 * the list pages, rather than ignored without a word.
 */
export const NO_PARAMETERS: ReadonlySet<string> = new Set();

/** Unknown parameter names a notice or refusal lists before "and N more": a crafted URL must not fill the page. */
export const UNKNOWN_PARAMETERS_LISTED = 5;

/**
 * The parameters of a query that the page or download does not read (`known`: its filters and its other state),
 * once per name, each with its first non-blank value. A typo (`sev=critical`) would otherwise list, or export,
 * everything without a word. A blank value is named too: the name is what is wrong (`/accounts?critical`).
 * Next strips its own `_rsc` from a page's searchParams before the page sees them (decision 067).
 */
export function unknownParameters(raw: QueryParams, known: ReadonlySet<string>, filters: readonly string[] = []): IgnoredFilter[] {
  const names = raw instanceof URLSearchParams ? new Set(raw.keys()) : Object.keys(raw);
  const unknown: IgnoredFilter[] = [];
  for (const name of names) {
    if (known.has(name)) continue;
    const value = allParams(raw, name).find((v) => v.trim() !== "") ?? "";
    const near = nearFilter(name, filters);
    unknown.push({ name: shownValue(name), value: shownValue(value), reason: near ? { kind: "unknown", near } : { kind: "unknown" } });
  }
  return unknown;
}

/** A parameter given more than once: its name (shown as unknownParameters shows one), no value, and how many times. */
export interface RepeatedParameter extends IgnoredFilter {
  reason: { kind: "repeatedParameter"; count: number };
}

/**
 * Each parameter of a query given more than once, in the link's order, with how many times; `names`: only those
 * (a route's own parameters, when a parser of its own judges the rest). The API and the app's downloads refuse one
 * rather than read one of its values: `limit=2&limit=3` or `format=csv&format=xlsx` would quietly answer a question
 * the caller did not mean to ask, and `client=A&client=B` would hand on one client's file as if it were both.
 */
export function repeatedParameters(raw: QueryParams, names?: Iterable<string>): RepeatedParameter[] {
  const only = names ? new Set(names) : undefined;
  const given = raw instanceof URLSearchParams ? new Set(raw.keys()) : Object.keys(raw);
  const repeated: RepeatedParameter[] = [];
  for (const name of given) {
    const count = allParams(raw, name).length;
    if (count > 1 && (!only || only.has(name))) repeated.push({ name: shownValue(name), value: "", reason: { kind: "repeatedParameter", count } });
  }
  return repeated;
}

/** Edits (insert, delete, replace, swap two neighbours) between two short names; stops counting past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The filter an unknown name was probably meant to be, if one is close: the same name in other case, a shortening
 * of it (`sev`), or one or two typing slips (`sevrity`, `clinet`). A name like `utm_source` is close to none and
 * is then said to be a parameter the page does not use, not a filter.
 */
export function nearFilter(name: string, filters: readonly string[]): string | undefined {
  const typed = name.toLowerCase();
  if (typed.length > 40) return undefined;
  const slips = (f: string) => editDistance(typed, f.toLowerCase(), 2);
  const close = (f: string) => {
    const own = f.toLowerCase();
    if (typed === own) return true;
    if (typed.length >= 3 && own.startsWith(typed)) return true;
    return slips(f) <= (Math.min(typed.length, own.length) >= 5 ? 2 : 1) && own.length > 2;
  };
  return filters.filter(close).sort((a, b) => slips(a) - slips(b))[0];
}

/** What a notice or refusal names one by one (every own filter, the first unknown names), and how many unknown names it only counts. */
export function listedIgnored(ignored: readonly IgnoredFilter[]): { listed: IgnoredFilter[]; unlisted: number } {
  let unknown = 0;
  const listed = ignored.filter((i) => i.reason.kind !== "unknown" || ++unknown <= UNKNOWN_PARAMETERS_LISTED);
  return { listed, unlisted: ignored.length - listed.length };
}
