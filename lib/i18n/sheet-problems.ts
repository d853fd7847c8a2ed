import type { SheetProblem } from "../spreadsheets/logins-sheet";
import type { SnapshotError } from "../validation/snapshot";
import type { MessageKey } from "./messages";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A spreadsheet problem in the reader's language, placed by row and column (the import page's list). */
export function describeSheetProblem(problem: SheetProblem, t: T): SnapshotError {
  const path =
    problem.row === 0 ? t("sheet.file")
    : problem.column ? t("sheet.where", { row: problem.row, column: problem.column })
    : t("sheet.row", { row: problem.row });
  // A workbook's problems name their sheet (or CSV file) too.
  return { path: problem.sheet ? t("bulk.inSheet", { sheet: problem.sheet, where: path }) : path, message: t(`sheetError.${problem.key}`, { ...problem.vars, value: problem.value ?? "" }) };
}
