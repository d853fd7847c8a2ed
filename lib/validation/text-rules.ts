// The zod-free part of text.ts (limits and the single-line rule), which the audit command's bulk check
// needs without loading zod (decision 030, stop 30); text.ts re-exports it.
//
// Every string Gatehouse accepts has a maximum length and refuses control characters: a name of
// 20,000 characters once made the account page 305,972 px wide, ~3,000 characters overflowed
// PostgreSQL's b-tree entry limit (2,704 bytes; 3 bytes per Japanese character), and a NUL fails in
// PostgreSQL (22021). The limits are published in the snapshot's JSON Schema (maxLength) and listed in
// docs/decisions/010-input-limits-and-client-address.md.

/** Longest values, in characters (UTF-16 code units, as zod and the JSON Schema count them). */
export const TEXT_LIMITS = {
  /** Snapshot ids (external ids): 200 × 4 bytes stays under the index entry limit. */
  id: 200,
  /** Names of stores, people, companies, apps, devices. */
  name: 200,
  /** Amazon's merchant tokens are 13–14 characters; room for other marketplaces' forms. */
  sellerId: 64,
  /** RFC 5321: 254 characters in all. */
  email: 254,
  /** A role text in another console (Ads, Brand Registry). */
  role: 100,
  /** Region and marketplace codes ("JP", "US"). */
  code: 16,
} as const;

/**
 * A phone number's last four digits (SNAPSHOT.md's `phoneLast4`, "1234"): exactly four digits. The one
 * rule of the snapshot schema, its fast check, the 2SV form and the spreadsheet cells (decision 068).
 */
export const PHONE_LAST4_PATTERN = /^\d{4}$/;

/**
 * C0 and C1 control characters (NUL … US, DEL … APC), the Unicode line and paragraph separators, and the
 * bidirectional overrides and isolates that make text read differently from what it holds ("Trojan
 * source"). A single-line field needs none of them.
 */
export const CONTROL_CLASS = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
/** Multi-line text (notes, reasons) may hold tab, line feed and carriage return; nothing else of those. */
export const MULTILINE_CONTROL_CLASS = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";

/** As a JSON Schema `pattern` too, so the published schema says the same as the parser. */
export const SINGLE_LINE_PATTERN = new RegExp(`^[^${CONTROL_CLASS}]*$`);
/**
 * SINGLE_LINE_PATTERN.test(text) as a loop over the code units, for the audit's bulk check of ~4 million
 * strings: the regular expression call was ~60 ns a string, this ~10 (decision 030, stop 27). The same
 * class as CONTROL_CLASS; text.test.ts compares the two on every UTF-16 code unit.
 */
export function isSingleLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c < 0x20 || c <= 0x9f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return false;
  }
  return true;
}
