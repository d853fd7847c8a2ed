import { inFileOrder, type BookCheck, type Place } from "../spreadsheets/all-problems";
import type { SheetProblem } from "../spreadsheets/logins-sheet";
import type { SnapshotError } from "../validation/snapshot";
import type { Locale } from "./locales";
import type { MessageKey } from "./messages";
import { describeSnapshotError, translateSnapshotErrors } from "./snapshot-errors";
import { loginsColumnOfPath } from "../spreadsheets/path-column";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A spreadsheet problem in the reader's language, placed by row and column (the import page's list). */
export function describeSheetProblem(problem: SheetProblem, t: T, locale: Locale): SnapshotError {
  const path =
    problem.row === 0 ? t("sheet.file")
    : problem.column ? t("sheet.where", { row: problem.row, column: problem.column })
    : t("sheet.row", { row: problem.row });
  // A workbook's problems name their sheet (or CSV file) too.
  // The accepted values come in both languages (cells.ts acceptedChoices): the reader gets theirs.
  const vars: Record<string, string | number> = { ...problem.vars, value: problem.value ?? "" };
  if (locale === "ja" && problem.vars?.acceptedJa !== undefined) vars.accepted = problem.vars.acceptedJa;
  if (locale === "ja" && problem.vars?.columnsJa !== undefined) vars.columns = problem.vars.columnsJa;
  return { path: problem.sheet ? t("bulk.inSheet", { sheet: problem.sheet, where: path }) : path, message: t(`sheetError.${problem.key}`, vars) };
}

/** A snapshot problem placed by the sheet row behind its JSON path, the path kept for the technically minded. */
export function placedPath(path: string, place: Place | null, t: T): string {
  if (!place) return path;
  // On a logins sheet the path's column is named, as the sheet's own problems name theirs (path-column.ts).
  const column = place.heading ? loginsColumnOfPath(path) : null;
  const row = column ? t("sheet.where", { row: place.row, column: place.heading!(column) }) : t("sheet.row", { row: place.row });
  if (column) return place.sheet ? t("bulk.inSheet", { sheet: place.sheet, where: row }) : row;
  return `${place.sheet ? t("bulk.inSheet", { sheet: place.sheet, where: row }) : row} (${path})`;
}

/**
 * A snapshot problem the large-file import found (lib/spreadsheets/stream-logins.ts, lib/db/bulk-import/), in the reader's
 * language, placed as the import page places the spreadsheet's: by the file's row and column ("5行目「email」"), the JSON
 * path kept in brackets only where no column says it (decision 087).
 */
export function describeRowProblem(problem: { row: number | null; column?: string; error: SnapshotError }, t: T): SnapshotError {
  const { row, column, error } = problem;
  const path = row === null ? error.path : column ? t("sheet.where", { row, column }) : `${t("sheet.row", { row })} (${error.path})`;
  return { ...translateSnapshotErrors([error], t)[0], path };
}

/** Every problem of one upload in the file's order (all-problems.ts), in the reader's language. */
export function describeBookCheck(check: BookCheck, t: T, locale: Locale): SnapshotError[] {
  return inFileOrder(check).map((e) => (e.kind === "cell" ? describeSheetProblem(e.problem, t, locale) : { path: placedPath(e.error.path, e.place, t), message: describeSnapshotError(e.error, t) }));
}

/** What waits for these problems to be fixed (said with them, so a later answer's new problems are expected). */
export function laterChecksNote(crossRowChecked: boolean, t: T): string {
  return t(crossRowChecked ? "import.laterChecksStored" : "import.laterChecksCrossRow");
}
