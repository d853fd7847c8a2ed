import "server-only";
import { detailsOf, differingColumns, repeatedRowProblem, writtenOfMask, type RecordKind } from "@/lib/spreadsheets/repeated-rows";
import type { SheetProblem } from "@/lib/spreadsheets/logins-sheet";
import type { Sql } from "../risk/sql";

// A repeated row that differs from its record's first row (decision 083), across the batches of a large import: each
// batch refused its own repeats (stream-logins.ts, by the sheet's rule), and stages each record with its first row in
// the batch — its details and which of them that row writes. A record staged from more than one row was listed in more
// than one batch: only those are read back (set-wise: the records of one batch are never sent back), and each later
// batch's first row is compared with the file's first by the very rule of the whole-file import (repeated-rows.ts), so
// the answer is the same problem on the same row. An account (and its logins) spans batches only when
// accountsAcrossBatches (decision 079); a person often does (one person, many accounts).

const SHOWN = 1_000;

interface Staged { id: string; within: string; row: number; written: number; record: Record<string, unknown> }

const QUERIES: Record<RecordKind, { key: string; row: string; select: string }> = {
  account: {
    key: "account_ext", row: "account_row",
    select: `account_ext AS id, '' AS within, account_row AS row, account_written AS written,
      json_build_object('storeName', store_name, 'sellerId', seller_id, 'region', region, 'marketplaces', marketplaces, 'plan', plan,
        'status', account_status, 'lastVerifiedAt', last_verified_at) AS record`,
  },
  person: {
    key: "person_ext", row: "person_row",
    select: `person_ext AS id, '' AS within, person_row AS row, person_written AS written,
      json_build_object('name', person_name, 'external', person_external, 'company', person_company, 'departedAt', person_departed_at) AS record`,
  },
  login: {
    key: "account_ext, login_ext", row: "login_row",
    select: `login_ext AS id, account_ext AS within, login_row AS row, login_written AS written,
      json_build_object('email', email, 'personId', person_ext, 'role', role, 'status', status, 'twoStep', methods_key, 'usedBy', users,
        'invitedAt', invited_at, 'acceptedAt', accepted_at, 'lastLoginAt', last_login_at, 'passwordChangedAt', password_changed_at,
        'passwordReused', password_reused) AS record`,
  },
};

async function stagedTwice(sql: Sql, kind: RecordKind): Promise<Staged[]> {
  const { key, row, select } = QUERIES[kind];
  return sql<Staged>(
    `WITH twice AS (SELECT ${key} FROM bulk_stage GROUP BY ${key} HAVING min(${row}) <> max(${row}))
     SELECT DISTINCT ON (${key}, ${row}) ${select} FROM bulk_stage JOIN twice USING (${key}) ORDER BY ${key}, ${row}`,
    [],
  );
}

/** The staged records' later first rows that write details differing from the record's first row (accounts and logins only when `accounts`). */
export async function repeatedRowsAcrossBatches(sql: Sql, heading: (column: string) => string, accounts: boolean): Promise<{ problems: SheetProblem[]; count: number }> {
  const problems: SheetProblem[] = [];
  for (const kind of (accounts ? ["account", "person", "login"] : ["person"]) as RecordKind[]) {
    let first: Staged | null = null;
    for (const staged of await stagedTwice(sql, kind)) {
      if (!first || first.id !== staged.id || first.within !== staged.within) {
        first = staged;
        continue;
      }
      const firstDetails = detailsOf(kind, first.record, writtenOfMask(kind, first.written));
      const written = writtenOfMask(kind, staged.written);
      const columns = differingColumns(kind, firstDetails, detailsOf(kind, staged.record, written), written);
      if (columns.length) problems.push(repeatedRowProblem(kind, staged.row, staged.id, first.row, columns.map(heading)));
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { problems: problems.slice(0, SHOWN), count: problems.length };
}
