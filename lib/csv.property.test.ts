import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, encodeCsvRow, neutraliseCell } from "./csv";

// Formula injection, generated: cells built from formula starters (ASCII and full-width), every
// separator a spreadsheet may split on, blanks, quotes and ordinary text, in any order. Each cell must
// come back from a CSV parser as one cell that no spreadsheet reads as a formula — neither whole nor
// split on any separator — and hold the value it was given, only with the neutralising quotes added.
const FORMULA = /^[ \t]*[=+\-@＝＋－＠]/;
const pieces = fc.constantFrom("=", "+", "-", "@", "＝", "＋", "－", "＠", ",", ";", "\t", "\r", "\n", "\r\n", " ", "'", '"', "SUM(A1:A2)", "cmd|' /C calc'!A0", "HYPERLINK(\"http://x\")", "1", "Kumo", "楽天", "a=b");
const payload = fc.array(pieces, { minLength: 1, maxLength: 8 }).map((p) => p.join(""));
const cell = fc.oneof({ weight: 4, arbitrary: payload }, { weight: 1, arbitrary: fc.string() });

const unsafe = (text: string) => FORMULA.test(text) || /^[\t\r]/.test(text);
const withoutQuotes = (text: string) => text.replaceAll("'", "");

describe("CSV cells against formula payloads", () => {
  it("stay one safe cell each, and keep their value (≥ 1,000 generated rows)", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (values) => {
        const [parsed] = parse(CSV_BOM + encodeCsvRow(values), { bom: true, relax_quotes: false }) as string[][];
        expect(parsed).toHaveLength(values.length);
        values.forEach((value, i) => {
          const got = parsed[i];
          // Neither the cell nor any part of it split on a separator starts a formula.
          expect(unsafe(got), JSON.stringify(got)).toBe(false);
          for (const part of got.split(/[,;\t\r\n]/)) expect(unsafe(part), JSON.stringify({ got, part })).toBe(false);
          // The value round-trips: the same text with only quotes added, and exactly the same when it was safe.
          expect(got).toBe(neutraliseCell(value));
          expect(withoutQuotes(got)).toBe(withoutQuotes(value));
          if (!unsafe(value) && !value.split(/[,;\t\r\n]/).some(unsafe)) expect(got).toBe(value);
          checked += 1;
        });
      }),
      { numRuns: 1200 },
    );
    expect(checked).toBeGreaterThanOrEqual(1000);
  });
});
