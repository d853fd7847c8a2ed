import { type Snapshot, type SnapshotError } from "../validation/snapshot";
import { parseSpreadsheetSnapshot, RECORD_IDENTITY_KEYS } from "../validation/snapshot-identities";
import type { SheetProblem } from "./logins-sheet";

// One upload, one answer: a spreadsheet's cell problems (values it cannot read) and the snapshot's own
// problems (an e-mail's form, a too-long name, …) of everything else in the file, named by sheet and row
// together, so a file is not fixed in rounds. Pure; the import page translates the result.

/** `heading`: a logins sheet's column heading by key (the column a snapshot problem's path is named by). */
export type Place = { sheet: string; row: number; heading?: (key: string) => string };

export interface BookCheck {
  /** Everything is readable and valid: the upsert's preview comes next. */
  snapshot: Snapshot | null;
  cellProblems: SheetProblem[];
  schemaErrors: { error: SnapshotError; place: Place | null }[];
  /**
   * Whether the checks across rows (unique ids, references, one primary login) ran: they need every
   * record well formed, so with a malformed one they wait until it is fixed. The checks against the
   * organisation's stored data (a seller ID another account holds) always wait for a valid file.
   */
  crossRowChecked: boolean;
}

const CROSS_ROW = new Set<string>(["duplicateId", "unknownRef", "onePrimary", ...RECORD_IDENTITY_KEYS]);
/** The cross-row checks ran when nothing else was wrong (the schema runs them only on well-formed records). */
export const crossRowRan = (errors: readonly SnapshotError[]) => errors.every((e) => CROSS_ROW.has(e.reason?.key ?? ""));

/** `snapshot`: as the workbook reader built it (a bad cell's value undefined or empty); `placeOf`: its paths' rows. */
export function checkBook(snapshot: unknown, placeOf: (path: string) => Place | null, cellProblems: readonly SheetProblem[]): BookCheck {
  // A row with a missing cell was left out of the snapshot whole, so a check across rows would report the rows that
  // name it ("unknown device d-sato-phone", which the file does hold): those checks wait until it is fixed.
  const rowsLeftOut = cellProblems.some((p) => p.key === "missing");
  // With the forms' record-identity rules (a login e-mail or a 2SV method twice, decision 074): they run once every
  // record is well formed, as the schema's own checks across rows do.
  const parsed = parseSpreadsheetSnapshot(snapshot);
  if (parsed.ok) return { snapshot: cellProblems.length ? null : parsed.snapshot, cellProblems: [...cellProblems], schemaErrors: [], crossRowChecked: !rowsLeftOut };
  const rowsWithCellProblems = new Set(cellProblems.map((p) => `${p.sheet ?? ""}\u0000${p.row}`));
  const schemaErrors = parsed.errors
    .filter((error) => !(rowsLeftOut && CROSS_ROW.has(error.reason?.key ?? "")))
    .map((error) => ({ error, place: placeOf(error.path) }))
    // A value left out or empty because its cell was unreadable or missing is that cell's problem, already named.
    .filter(({ error, place }) => !(place && rowsWithCellProblems.has(`${place.sheet}\u0000${place.row}`) && isLeftOut(valueAt(snapshot, error.path))));
  return { snapshot: null, cellProblems: [...cellProblems], schemaErrors, crossRowChecked: !rowsLeftOut && crossRowRan(parsed.errors) };
}

const isLeftOut = (value: unknown) => value === undefined || value === "";

/** The value at a formatted JSON path (`accounts[1].logins[0].email`); undefined where there is none. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === "(root)") return root;
  let at: unknown = root;
  for (const [, key, index] of path.matchAll(/\.?([^.[\]]+)|\[(\d+)\]/g)) {
    if (at === null || typeof at !== "object") return undefined;
    const step = index !== undefined ? Number(index) : key;
    if (!Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}

/** Cell problems and schema errors in the file's order: by sheet (as first named), then row; a row's cells first. */
export function inFileOrder(check: BookCheck): ({ kind: "cell"; problem: SheetProblem } | { kind: "schema"; error: SnapshotError; place: Place | null })[] {
  const all = [
    ...check.cellProblems.map((problem) => ({ kind: "cell" as const, problem, sheet: problem.sheet ?? "", row: problem.row })),
    ...check.schemaErrors.map(({ error, place }) => ({ kind: "schema" as const, error, place, sheet: place?.sheet ?? "", row: place?.row ?? Number.MAX_SAFE_INTEGER })),
  ];
  const sheets = [...new Set(all.map((e) => e.sheet))];
  return all
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => sheets.indexOf(a.entry.sheet) - sheets.indexOf(b.entry.sheet) || a.entry.row - b.entry.row || a.i - b.i)
    .map(({ entry }) => (entry.kind === "cell" ? { kind: "cell" as const, problem: entry.problem } : { kind: "schema" as const, error: entry.error, place: entry.place }));
}
