import { describe, expect, it } from "vitest";
import { columnRules, cssString } from "./table-column-rules";

describe("cssString", () => {
  it("quotes plain and Japanese text as it is", () => {
    expect(cssString("Score")).toBe('"Score"');
    expect(cssString("パスワード経過日数")).toBe('"パスワード経過日数"');
  });

  it("escapes what could end the string, the rule or the style element", () => {
    const quoted = cssString('a"b\\c</style><x>\n');
    expect(quoted).toBe('"a\\22 b\\5c c\\3c /style\\3e \\3c x\\3e \\a "');
    expect(quoted.slice(1, -1)).not.toMatch(/["<>\n]|\\(?![0-9a-f]+ )/);
  });
});

describe("columnRules", () => {
  it("names each labelled column's cells by position, skipping the row header", () => {
    const css = columnRules("_S_1_", [{ rowHeader: true }, { label: "Client" }, { label: "Score", priority: true }]);
    expect(css.startsWith("@media (width < 40rem){")).toBe(true);
    expect(css).toContain('[data-table="_S_1_"]>tbody>tr>td:nth-child(2):not([colspan])::before{content:"Client"/""}');
    expect(css).toContain('[data-table="_S_1_"]>tbody>tr>td:nth-child(3):not([colspan])::before{content:"Score"/""}');
    expect(css).toContain('[data-table="_S_1_"]>tbody>tr>td:nth-child(3):not([colspan]){order:-1}');
    expect(css).not.toContain("nth-child(1)");
    expect(css).not.toContain("nth-child(2):not([colspan]){order");
  });

  it("lets wide and unlabelled columns span the card, and labelled ones not", () => {
    const css = columnRules("t", [{ label: "Levels", wide: true }, {}, { label: "Status" }]);
    expect(css).toContain("td:nth-child(1):not([colspan]){grid-column:1/-1}");
    expect(css).toContain("td:nth-child(2):not([colspan]){grid-column:1/-1}");
    expect(css).not.toContain("nth-child(2):not([colspan])::before");
    expect(css).not.toContain("nth-child(3):not([colspan]){grid-column");
  });

  it("is empty for a table with only a row header", () => {
    expect(columnRules("t", [{ rowHeader: true }])).toBe("");
  });
});
