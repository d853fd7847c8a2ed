import { inFileOrder, type BookCheck, type Place } from "../spreadsheets/all-problems";
import type { SheetProblem } from "../spreadsheets/logins-sheet";
import type { SnapshotError } from "../validation/snapshot";
import type { MessageKey } from "./messages";
import { describeSnapshotError } from "./snapshot-errors";

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

/** A snapshot problem placed by the sheet row behind its JSON path, the path kept for the technically minded. */
export function placedPath(path: string, place: Place | null, t: T): string {
  if (!place) return path;
  const row = t("sheet.row", { row: place.row });
  return `${place.sheet ? t("bulk.inSheet", { sheet: place.sheet, where: row }) : row} (${path})`;
}

/** Every problem of one upload in the file's order (all-problems.ts), in the reader's language. */
export function describeBookCheck(check: BookCheck, t: T): SnapshotError[] {
  return inFileOrder(check).map((e) => (e.kind === "cell" ? describeSheetProblem(e.problem, t) : { path: placedPath(e.error.path, e.place, t), message: describeSnapshotError(e.error, t) }));
}

/** What waits for these problems to be fixed (said with them, so a later answer's new problems are expected). */
export function laterChecksNote(crossRowChecked: boolean, t: T): string {
  return t(crossRowChecked ? "import.laterChecksStored" : "import.laterChecksCrossRow");
}
