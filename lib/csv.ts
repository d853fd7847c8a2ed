// CSV (RFC 4180) for spreadsheets. A cell a spreadsheet would read as a formula gets a single quote in
// front, so an exported store name like "=HYPERLINK(...)" stays text when someone opens the file:
// OWASP's list (=, +, -, @, a leading tab or carriage return), the same after leading spaces or tabs
// (spreadsheets trim them), and the full-width ＝ ＋ － ＠ that Japanese input methods type and some
// spreadsheets read as their ASCII twins. A cell holding a separator (comma, semicolon, tab, line
// break) followed by one of those is a formula too once a spreadsheet splits the line on that separator
// (an import with another separator, or a paste): there a quote goes in after the separator as well.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_CHARS = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_START = new RegExp(`^(?:[\\t\\r]|[ \\t]*[${FORMULA_CHARS}])`);
/**
 * A separator, optional blanks, then a formula character: the quote goes in front of the blanks. A
 * separator at the very start counts too (",=1" or "\\t=1" splits into a cell "=1").
 */
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n])(?=[ \\t]*[${FORMULA_CHARS}])`, "g");

/** The cell as text, neutralised against formula injection. */
export function neutraliseCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // Plain numbers are numbers, not formulas: a negative score or count stays numeric.
  if (typeof value === "number") return text;
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(text) ? `'${inner}` : inner;
}

export function encodeCsvCell(value: CsvValue): string {
  const text = neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function encodeCsvRow(values: readonly CsvValue[]): string {
  return `${values.map(encodeCsvCell).join(",")}\r\n`;
}

export function encodeCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map(encodeCsvRow).join("");
}

/** Excel reads UTF-8 CSV as the local code page (Shift_JIS in Japan) unless it starts with a BOM. */
export const CSV_BOM = "\uFEFF";
