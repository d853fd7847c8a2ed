import ExcelJS from "exceljs";
import { dateText } from "../snapshots/canonical";
import { zipExpandedBytes } from "./zip-size";
import { loginsSheetToSnapshot, type SheetProblem, type SheetResult } from "./logins-sheet";

// A logins workbook (.xlsx): its first worksheet read like the CSV. A formula cell counts by the value
// Excel saved with it (never evaluated here); a date cell by its UTC date.

type CellValue = ExcelJS.CellValue;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateText(value) ?? "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

/** Every worksheet of a workbook as text cells (formulas by their saved value, dates as UTC dates). */
/** What an .xlsx may unpack to before it is refused unread (its XML, not its cells: about 10× the text). */
export const MAX_XLSX_EXPANDED_BYTES = 100 * 1024 * 1024;

export async function workbookSheets(bytes: Uint8Array, maxExpandedBytes = MAX_XLSX_EXPANDED_BYTES): Promise<{ ok: true; sheets: { name: string; cells: string[][] }[] } | { ok: false; problems: SheetProblem[] }> {
  const expanded = zipExpandedBytes(bytes);
  if (expanded !== null && expanded > maxExpandedBytes) return { ok: false, problems: [{ row: 0, column: null, key: "xlsxTooLarge", vars: { mb: Math.round(maxExpandedBytes / 1024 / 1024) } }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 0, column: null, key: "xlsxUnreadable" }] };
  }
  return { ok: true, sheets: workbook.worksheets.map((sheet) => ({ name: sheet.name, cells: sheetCells(sheet) })) };
}

function sheetCells(sheet: ExcelJS.Worksheet): string[][] {
  const cells: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    cells[number - 1] = values;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return cells;
}

/** Named sheets as one workbook whose cells are all text (a leading = + - @ stays text: strings are never formulas). */
export async function workbookXlsx(sheets: { name: string; rows: string[][] }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function readLoginsXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 0, column: null, key: "xlsxUnreadable" }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, column: null, key: "noHeader" }] };
  const cells: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    cells[number - 1] = values;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return loginsSheetToSnapshot(cells);
}

/** Rows as a workbook whose cells are all text (strings are never formulas: a leading = + - @ stays text). */
export async function sheetXlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("logins");
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
