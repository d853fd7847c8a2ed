import { csvCells } from "./read-csv";
import { workbookSheets } from "./read-xlsx";
import type { SheetProblem } from "./logins-sheet";
import { workbookToSnapshot, type InputSheet, type WorkbookResult } from "./workbook";

// The import page's files as one workbook: each .xlsx gives its worksheets, each CSV (UTF-8 with or
// without BOM, or Shift_JIS from Japanese Excel) is one sheet named after the file.

export const MAX_FILES = 10;

export async function readBulkFiles(files: { name: string; bytes: Uint8Array }[]): Promise<WorkbookResult> {
  if (files.length > MAX_FILES) return { ok: false, problems: [{ row: 0, column: null, key: "tooManyFiles", vars: { max: MAX_FILES } }] };
  const sheets: InputSheet[] = [];
  const problems: SheetProblem[] = [];
  for (const file of files) {
    if (/\.xlsx$/i.test(file.name)) {
      const book = await workbookSheets(file.bytes);
      if (!book.ok) problems.push(...book.problems.map((p) => ({ ...p, sheet: file.name })));
      else sheets.push(...book.sheets.map((s) => ({ ...s, name: files.length > 1 ? `${file.name}: ${s.name}` : s.name, kindName: s.name })));
    } else {
      const csv = csvCells(file.bytes);
      if (!csv.ok) problems.push(...csv.problems.map((p) => ({ ...p, sheet: file.name })));
      else sheets.push({ name: file.name, cells: csv.cells });
    }
  }
  if (problems.length) return { ok: false, problems };
  return workbookToSnapshot(sheets);
}
