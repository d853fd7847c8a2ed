import { parse } from "csv-parse/sync";
import { decodeSpreadsheetText, type TextEncoding } from "./decode";
import { loginsSheetToSnapshot, type SheetProblem, type SheetResult } from "./logins-sheet";

/** The cells of a CSV file (tab-separated when its first line holds a tab), or the file-level problem. */
export function csvCells(bytes: Uint8Array): { ok: true; cells: string[][]; encoding: TextEncoding } | { ok: false; encoding: TextEncoding; problems: SheetProblem[] } {
  const { text, encoding } = decodeSpreadsheetText(bytes);
  try {
    return { ok: true, encoding, cells: parse(text, { relax_column_count: true, skip_empty_lines: true, delimiter: text.split("\n", 1)[0].includes("\t") ? "\t" : "," }) };
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { ok: false, encoding, problems: [{ row: e.lines ?? 0, column: null, key: "csvSyntax", vars: { message: e.message } }] };
  }
}

/** A logins CSV (UTF-8 with or without BOM, or Shift_JIS from Japanese Excel) as a snapshot document. */
export function readLoginsCsv(bytes: Uint8Array): SheetResult & { encoding: TextEncoding } {
  const { text, encoding } = decodeSpreadsheetText(bytes);
  let cells: string[][];
  try {
    cells = parse(text, { relax_column_count: true, skip_empty_lines: true, delimiter: text.split("\n", 1)[0].includes("\t") ? "\t" : "," });
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { ok: false, encoding, problems: [{ row: e.lines ?? 0, column: null, key: "csvSyntax", vars: { message: e.message } }] };
  }
  return { ...loginsSheetToSnapshot(cells), encoding };
}
