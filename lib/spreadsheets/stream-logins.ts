import type { Snapshot, SnapshotError } from "@/lib/validation/snapshot";
import { parseSnapshotOwned } from "@/lib/validation/snapshot-fast";
import { withRecordIdentities } from "@/lib/validation/snapshot-identities";
import { headingOf as headingsOf, loginRowAccount, loginsSheetToSnapshot, readLoginsHeader, type LoginsTable, type SheetProblem } from "./logins-sheet";
import { columnFor } from "./logins-columns";
import { loginsColumnOfPath } from "./path-column";
import { writtenMask } from "./repeated-rows";
import type { RowSource } from "./stream-rows";

// A logins spreadsheet of any size, read as a stream: rows go through the same per-sheet parser as
// the whole-file import (logins-sheet.ts, then the snapshot's own validation: its hand-written check,
// zod for the wording of any problem) in batches under the file's header row, so every problem has the
// same key, column, value and message. Each valid login
// comes out as one flat staged row carrying its account's and person's details and the row numbers
// they were first seen at: the database merges them (first row wins for an account's and a person's
// details, a login listed again adds its permissions in another marketplace), as logins-sheet.ts does
// within one file. Only one batch is ever in memory (and, until one is found in two batches, the ids of the
// accounts read so far).

export const BATCH_ROWS = 2_000;
/** A batch ends between two accounts once it holds BATCH_ROWS rows, or at this many whatever the account. */
export const MAX_BATCH_ROWS = 4 * BATCH_ROWS;
/** Problems kept to show; the count goes on. */
export const MAX_PROBLEMS = 1_000;

export interface StagedLogin {
  accountRow: number;
  account: Snapshot["accounts"][number];
  personRow: number;
  person: Snapshot["people"][number];
  loginRow: number;
  login: Snapshot["accounts"][number]["logins"][number];
  /**
   * The other people the row's used_by names (not the login's own person), in the row's order, checked
   * only against the whole file once it is staged: a person may be first listed in another batch.
   */
  users: string[];
  /** The detail columns the account's, the person's and the login's first rows of the batch write (repeated-rows.ts writtenMask). */
  written: { account: number; person: number; login: number };
}

/**
 * A snapshot problem is placed by the uploaded file's row and, where one says it, its column as the file spells it
 * (path-column.ts): the batch's JSON path ("accounts[3].logins[0].email") is no place in the file (decision 087).
 */
export type StreamProblem = { sheet: SheetProblem } | { row: number | null; column?: string; error: SnapshotError };

export interface StreamResult {
  rows: number;
  /** The used_by column's heading once the header is read (for problems the database finds in it). */
  usedByColumn?: string;
  /** The e-mail column's heading once the header is read (for a login e-mail twice the database finds). */
  emailColumn?: string;
  /** A column's heading as the file spells it, once the header is read (for a repeated row the database finds). */
  heading?: (key: string) => string;
  /**
   * Some account's rows went into more than one batch (they came back after BATCH_ROWS rows of other accounts,
   * or the account alone outgrew MAX_BATCH_ROWS): its logins were checked batch by batch here, so the checks
   * across its logins wait until the whole file is staged (lib/db/bulk-import/login-emails.ts, decision 079).
   */
  accountsAcrossBatches: boolean;
  problems: StreamProblem[];
  problemCount: number;
}

export async function streamLoginsSheet(
  source: RowSource,
  onLogins: (logins: StagedLogin[]) => Promise<void>,
  onProgress?: (rowsRead: number) => void,
): Promise<StreamResult> {
  let header: string[] | null = null;
  let batch: string[][] = [];
  let batchStart = 2; // spreadsheet row of batch[0]
  let rows = 0;
  let problemCount = 0;
  const problems: StreamProblem[] = [];
  // The accounts of the batches read so far, until one comes back in a later batch (then no longer needed).
  let accountsSeen: Set<string> | null = new Set();
  let accountsAcrossBatches = false;
  const add = (p: StreamProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  const flush = async () => {
    if (!header || batch.length === 0) return;
    const offset = batchStart - 2;
    const sheet = loginsSheetToSnapshot([header, ...batch]);
    batchStart += batch.length;
    batch = [];
    if (!sheet.ok) {
      for (const p of sheet.problems) {
        if (p.key === "noRows") continue; // an empty batch; the file as a whole is judged at the end
        // A repeated row's problem names its record's first row (repeated-rows.ts): a row of this batch too.
        const vars = typeof p.vars?.first === "number" ? { vars: { ...p.vars, first: p.vars.first + offset } } : {};
        add({ sheet: p.row >= 2 ? { ...p, row: p.row + offset, ...vars } : p });
      }
      // A header problem is the same in every batch: stop at the first.
      if (sheet.problems.some((p) => p.row <= 1 && p.key !== "noRows")) throw new HeaderRefused();
      return;
    }
    rows += sheet.rows;
    const users = detachUsers(sheet.snapshot as RawSheet);
    // The batch's document is ours alone: the hand-written check of the same schema (decision 024) accepts it
    // in place, and only a batch with a problem goes through zod, which then words every problem as before.
    // With the forms' record-identity rules (decision 074): a batch ends between two accounts, so an account's logins
    // are checked together here unless its rows are in several batches (accountsAcrossBatches).
    const parsed = withRecordIdentities(parseSnapshotOwned(sheet.snapshot));
    if (!parsed.ok) {
      for (const error of parsed.errors) {
        const row = sheet.rowOf(error.path);
        const column = row !== null && table ? loginsColumnOfPath(error.path) : null;
        add({ row: row === null ? null : row + offset, ...(column ? { column: headingsOf(table!)(column) } : {}), error });
      }
      return;
    }
    if (accountsSeen) {
      // An account appears once in a batch's document, so one seen before is one of an earlier batch.
      for (const { id } of parsed.snapshot.accounts) if (accountsSeen.has(id)) accountsAcrossBatches = true;
      if (accountsAcrossBatches) accountsSeen = null;
      else for (const { id } of parsed.snapshot.accounts) accountsSeen.add(id);
    }
    if (problemCount > 0) return; // nothing will be written: no need to stage
    const at = (path: string) => sheet.rowOf(path)! + offset;
    const people = new Map(parsed.snapshot.people.map((p, i) => [p.id, { person: p, row: at(`people[${i}]`), written: writtenMask("person", sheet.writtenOf(`people[${i}]`)) }]));
    const staged: StagedLogin[] = [];
    parsed.snapshot.accounts.forEach((account, a) => {
      const accountRow = at(`accounts[${a}]`);
      const accountWritten = writtenMask("account", sheet.writtenOf(`accounts[${a}]`));
      account.logins.forEach((login, l) => {
        const { person, row: personRow, written: personWritten } = people.get(login.personId)!;
        const written = { account: accountWritten, person: personWritten, login: writtenMask("login", sheet.writtenOf(`accounts[${a}].logins[${l}]`)) };
        staged.push({ accountRow, account, personRow, person, loginRow: at(`accounts[${a}].logins[${l}]`), login, users: users.get(`${a}:${l}`) ?? [], written });
      });
    });
    await onLogins(staged);
  };

  let read = 0;
  let table: LoginsTable | null = null;
  let lastAccount: string | undefined;
  try {
    for await (const cells of source.rows) {
      read++;
      if (!header) {
        header = cells;
        const check = loginsSheetToSnapshot([header]);
        if (!check.ok && check.problems.some((p) => p.key !== "noRows")) {
          for (const p of check.problems) if (p.key !== "noRows") add({ sheet: p });
          return { rows: 0, problems, problemCount, accountsAcrossBatches };
        }
        const columns = readLoginsHeader(header);
        table = columns.ok ? columns.table : null;
        continue;
      }
      // Rows of one account usually follow each other (exports write them so): a batch that ends between
      // two accounts holds all of an account's rows, so its logins and details are merged here once, as
      // the whole-file parser merges them, and the database gets one staged row per login. The account is
      // the one the parser reads (loginRowAccount); a blank row is no account's and never ends a batch, which
      // would split the account around it.
      const account = (table && loginRowAccount(table, cells)) ?? undefined;
      if (batch.length >= MAX_BATCH_ROWS || (account !== undefined && batch.length >= BATCH_ROWS && account !== lastAccount)) {
        await flush();
        onProgress?.(read - 1);
      }
      if (account !== undefined) lastAccount = account;
      batch.push(cells);
    }
    await flush();
    onProgress?.(read);
  } catch (error) {
    if (error instanceof HeaderRefused) return { rows, problems, problemCount, accountsAcrossBatches };
    const e = error as Error & { code?: string; lines?: number };
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) {
      add({ sheet: { row: e.lines ?? 0, column: null, key: "csvSyntax", vars: { message: e.message } } });
      return { rows, problems, problemCount, accountsAcrossBatches };
    }
    throw error;
  }
  if (!header) add({ sheet: { row: 0, column: null, key: "noHeader" } });
  else if (rows === 0 && problemCount === 0) add({ sheet: { row: 0, column: null, key: "noRows" } });
  return { rows, problems, problemCount, accountsAcrossBatches, ...(header ? { usedByColumn: usedByColumn(header), emailColumn: emailColumn(header), ...(table ? { heading: headingsOf(table) } : {}) } : {}) };
}

class HeaderRefused extends Error {}

interface RawSheet {
  people: { id: unknown }[];
  accounts: { logins: { personId: unknown; usedBy?: unknown[] }[] }[];
}

/**
 * Takes the used_by people out of a batch's (not yet validated) document before the snapshot's own check:
 * that check knows only the batch's people, and a shared login often names someone whose own rows are in
 * another batch. Each login keeps only its own person in `usedBy`; its others are returned by
 * "account:login" position, and the database checks them against every person of the file (users.ts),
 * with the row and column the whole-file import gives (unknownRef).
 */
export function detachUsers(sheet: RawSheet): Map<string, string[]> {
  const users = new Map<string, string[]>();
  sheet.accounts.forEach((account, a) =>
    account.logins.forEach((login, l) => {
      if (!Array.isArray(login.usedBy)) return;
      const others = [...new Set(login.usedBy.map(String))].filter((p) => p !== login.personId);
      if (others.length) users.set(`${a}:${l}`, others);
      delete login.usedBy;
    }),
  );
  return users;
}

/** A column's heading as the file spells it (used_by or 利用者, email or Eメール), for problems found once the file is staged. */
const headingOf = (header: string[], key: string, fallback: string) => header.find((h) => columnFor(String(h ?? "").trim())?.key === key)?.trim() ?? fallback;
export const usedByColumn = (header: string[]) => headingOf(header, "usedBy", "used_by");
export const emailColumn = (header: string[]) => headingOf(header, "email", "email");
