import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printable } from "./audit";

// printable() became one regular-expression pass (decision 024); it must print exactly what the
// character-by-character version printed.
function printableBefore(text: string, keepNewlines = false): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += control && !(keepNewlines && c === "\n") ? `\\u${code.toString(16).padStart(4, "0")}` : c;
  }
  return out;
}

const risky = fc.constantFrom("\u0000", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\u202e", "\ud83d", "\ude00", "😀", "あ", "a");
const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.array(risky).map((cs) => cs.join("")));

describe("printable", () => {
  it("prints what the character-by-character version printed, with and without newlines kept", () => {
    fc.assert(fc.property(text, fc.boolean(), (t, keep) => {
      expect(printable(t, keep)).toBe(printableBefore(t, keep));
    }), { numRuns: 2000 });
  });
});
