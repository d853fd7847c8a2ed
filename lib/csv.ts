// CSV (RFC 4180) for spreadsheets. A cell a spreadsheet would read as a formula (=, +, -, @, or a
// leading tab / carriage return, OWASP's list) gets a single quote in front, so an exported store name
// like "=HYPERLINK(...)" stays text when someone opens the file.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text, neutralised against formula injection. */
export function neutraliseCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // Plain numbers are numbers, not formulas: a negative score or count stays numeric.
  if (typeof value === "number") return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
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
