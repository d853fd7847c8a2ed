import { describe, expect, it } from "vitest";
import { CSV_BOM, encodeCsv, encodeCsvCell, encodeCsvRow, neutraliseCell } from "./csv";

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+81 90", "'+81 90"],
    ["-1+2", "'-1+2"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["Kumo Books", "Kumo Books"],
    ["a=b", "a=b"],
    // Leading blanks are trimmed by spreadsheets before they look for a formula.
    [" =1+1", "' =1+1"],
    // A leading tab is a separator too: the cell split on it must not start "=" (the old neutraliser missed it).
    ["\t=1+1", "'\t'=1+1"],
    [",=1+1", ",'=1+1"],
    ["\r@cmd", "'\r'@cmd"],
    ["Kumo,\t=1", "Kumo,'\t'=1"],
    ["\n@SUM(1)", "\n'@SUM(1)"],
    ["   @SUM(A1)", "'   @SUM(A1)"],
    [" plain", " plain"],
    // Full-width signs, as a Japanese input method types them.
    ["＝HYPERLINK(\"http://x\")", "'＝HYPERLINK(\"http://x\")"],
    ["＋81", "'＋81"],
    ["－1", "'－1"],
    ["＠cmd", "'＠cmd"],
    [" ＝1", "' ＝1"],
    // A separator followed by a formula: a quote after the separator, as the split cell would start there.
    ["Kumo,=cmd|' /C calc'!A0", "Kumo,'=cmd|' /C calc'!A0"],
    ["Kumo; =1+1", "Kumo;' =1+1"],
    ["Kumo\t@SUM(1)", "Kumo\t'@SUM(1)"],
    ["line\n+1", "line\n'+1"],
    ["=a,=b", "'=a,'=b"],
    ["Kumo, Books", "Kumo, Books"],
    ["Kumo - Books", "Kumo - Books"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it("keeps numbers, booleans and empty values as they are", () => {
    expect(neutraliseCell(-5)).toBe("-5");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(false)).toBe("false");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });
});

describe("encodeCsvCell", () => {
  it("quotes cells with commas, quotes or line breaks and doubles inner quotes", () => {
    expect(encodeCsvCell("a,b")).toBe('"a,b"');
    expect(encodeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(encodeCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(encodeCsvCell("plain")).toBe("plain");
  });

  it("quotes a neutralised cell that still needs quoting", () => {
    expect(encodeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(encodeCsvCell("\rboom")).toBe(`"'\rboom"`);
  });

  it("passes Japanese text through", () => {
    expect(encodeCsvCell("大口出品")).toBe("大口出品");
  });
});

describe("encodeCsv", () => {
  it("ends every row with CRLF", () => {
    expect(encodeCsvRow(["a", 1, null])).toBe("a,1,\r\n");
    expect(encodeCsv([["h1", "h2"], ["=x", "y"]])).toBe("h1,h2\r\n'=x,y\r\n");
    expect(encodeCsv([])).toBe("");
  });

  it("exposes the UTF-8 byte order mark", () => {
    expect(CSV_BOM.charCodeAt(0)).toBe(0xfeff);
  });
});
