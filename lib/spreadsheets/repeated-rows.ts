import type { SheetProblem } from "./logins-sheet";

// A logins sheet repeats an account's and a person's details on each of their rows, and lists a login again on one row
// per marketplace (one row per login and marketplace). A repeat may only add permissions: an account's details, a
// person's and a login's (all but its marketplace and levels) must be the first row's. Before this rule a repeat that
// said something else was silently dropped (first row wins), or — for a login id written twice for two different users —
// merged two users into one, moving the second's rights onto the first (stop 42, decision 083). The import page (CSV,
// XLSX, workbooks) and the large-file import (its batches, and lib/db/bulk-import/repeated-rows.ts across them) all
// refuse by this rule, by row, naming the columns and the first row, all or nothing.

export type RecordKind = "account" | "person" | "login";

/** The column keys (logins-columns.ts) of the details each kind of record takes from its first row, with their snapshot fields. */
export const DETAIL_COLUMNS: Record<RecordKind, readonly (readonly [column: string, field: string])[]> = {
  account: [["storeName", "storeName"], ["sellerId", "sellerId"], ["region", "region"], ["marketplaces", "marketplaces"], ["plan", "plan"], ["accountStatus", "status"], ["lastVerifiedAt", "lastVerifiedAt"]],
  person: [["name", "name"], ["external", "external"], ["company", "company"], ["departedAt", "departedAt"]],
  login: [
    ["email", "email"], ["personId", "personId"], ["role", "role"], ["status", "status"], ["twoStep", "twoStep"], ["usedBy", "usedBy"],
    ["invitedAt", "invitedAt"], ["acceptedAt", "acceptedAt"], ["lastLoginAt", "lastLoginAt"], ["passwordChangedAt", "passwordChangedAt"], ["passwordReused", "passwordReused"],
  ],
};

/** A record's details as comparable text by column key. */
export type Details = Record<string, string>;

const text = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : (v ?? null));

/**
 * The details of a record read from one row (snapshot form: the sheet's reader's output, or a staged row's). A person's
 * name is left out unless the row writes one (the reader takes it from the e-mail or the id otherwise): the same person
 * may have another e-mail on another account's row, and no name was written to differ.
 */
export function detailsOf(kind: RecordKind, record: Record<string, unknown>, written: ReadonlySet<string>): Details {
  const details: Details = {};
  for (const [column, field] of DETAIL_COLUMNS[kind]) {
    // used_by: the others besides the login's own person (a row lists them so; the person is compared on its own). A staged
    // login has them as text already (stage.ts usersText).
    const value = kind === "login" && field === "usedBy" ? (Array.isArray(record.usedBy) ? record.usedBy.filter((p) => p !== record.personId) : (record.usedBy ?? [])) : record[field];
    if (kind === "person" && field === "name" && !written.has("name")) continue;
    details[column] = text(value);
  }
  return details;
}

/** The detail columns of `kind` a row writes, as a bit set (staged by the large-file import: stage.ts). */
export function writtenMask(kind: RecordKind, written: ReadonlySet<string>): number {
  return DETAIL_COLUMNS[kind].reduce((mask, [column], i) => (written.has(column) ? mask | (1 << i) : mask), 0);
}
export function writtenOfMask(kind: RecordKind, mask: number): Set<string> {
  return new Set(DETAIL_COLUMNS[kind].filter((_, i) => mask & (1 << i)).map(([column]) => column));
}

/**
 * The columns whose details differ (in the sheet's column order). Only the cells the later row writes are compared: the
 * templates and the exports write an account's and a person's details on their first row and leave them blank after
 * (a blank cell repeats nothing). A detail the first row's record lacks (a name taken from the e-mail) is not compared.
 */
export function differingColumns(kind: RecordKind, first: Details, later: Details, written: ReadonlySet<string>): string[] {
  return DETAIL_COLUMNS[kind].map(([column]) => column).filter((c) => written.has(c) && c in first && c in later && first[c] !== later[c]);
}

const PROBLEM_KEY = { account: "repeatedAccount", person: "repeatedPerson", login: "repeatedLogin" } as const;

/** The problem of a later row of a record that differs from its first row in `columns` (headings as the file spells them). */
export function repeatedRowProblem(kind: RecordKind, row: number, id: string, firstRow: number, columns: string[]): SheetProblem {
  return {
    row,
    column: columns[0],
    value: id,
    key: PROBLEM_KEY[kind],
    vars: { id, first: firstRow, columns: columns.map((c) => `"${c}"`).join(", "), columnsJa: columns.map((c) => `「${c}」`).join("") },
  };
}

/** The first row of each record seen so far, and its details. */
export class FirstRows {
  private readonly seen = new Map<string, { row: number; details: Details }>();

  /** Records the row's record (`within`: the account of a login, whose ids are the account's) if it is the first of its id; else the problem of a repeat that differs, or null. */
  /** `written` null: the row has unreadable cells (named on their own); as a first row it is not compared with. */
  check(kind: RecordKind, id: string, row: number, details: Details, written: ReadonlySet<string> | null, heading: (column: string) => string, within = ""): SheetProblem | null {
    const key = `${kind}\u0000${within}\u0000${id}`;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { row, details: written ? details : {} });
      return null;
    }
    if (!written) return null;
    const columns = differingColumns(kind, first.details, details, written);
    return columns.length ? repeatedRowProblem(kind, row, id, first.row, columns.map(heading)) : null;
  }
}

/** The repeats of a logins-sheet row (logins-sheet.ts, workbook.ts): its account's, its person's and its login's. */
export function repeatedRowProblems(
  first: FirstRows,
  row: { accountId: string; account: Record<string, unknown>; personId: string; person: Record<string, unknown>; loginId: string; login: Record<string, unknown>; written: ReadonlySet<string>; problems: readonly unknown[] },
  rowNumber: number,
  heading: (column: string) => string,
): SheetProblem[] {
  // A row's own unreadable cells are named already (and read as nothing): it is compared once they are fixed.
  const written = row.problems.length ? null : row.written;
  return [
    first.check("account", row.accountId, rowNumber, detailsOf("account", row.account, row.written), written, heading),
    first.check("person", row.personId, rowNumber, detailsOf("person", row.person, row.written), written, heading),
    first.check("login", row.loginId, rowNumber, detailsOf("login", row.login, row.written), written, heading, row.accountId),
  ].filter((p): p is SheetProblem => p !== null);
}
