import { describe, expect, it } from "vitest";
import { isSingleLine, SINGLE_LINE_PATTERN } from "./text";

// isSingleLine is the bulk check's loop for SINGLE_LINE_PATTERN (decision 030, stop 27): it must agree with
// the pattern on every UTF-16 code unit, alone and inside other text.
describe("isSingleLine", () => {
  it("agrees with SINGLE_LINE_PATTERN on every code unit", () => {
    const disagreements: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `ab${ch}`, `${ch}cd`, `a${ch}b`]) {
        if (isSingleLine(text) !== SINGLE_LINE_PATTERN.test(text)) disagreements.push(c);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("accepts plain and non-Latin text, and rejects each kind of control character", () => {
    expect(["", "Store 1", "株式会社テスト", "😀 pair", "\ud800 lone"].map(isSingleLine)).toEqual([true, true, true, true, true]);
    expect(["a\u0000", "line\nbreak", "tab\t", "del\u007f", "c1\u0085", "ls\u2028", "rtl\u202e", "iso\u2066"].map(isSingleLine)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
