import "server-only";
import { loginEmailTwice } from "@/lib/validation/snapshot-identities";
import type { SnapshotError } from "@/lib/validation/snapshot";
import type { Sql } from "../risk/sql";

// A login e-mail twice on one account (decision 074's rule), for accounts whose rows are in more than one batch of a
// large import (decision 079): each batch was checked on its own (stream-logins.ts), so an account whose rows come back
// later in the file, or that alone outgrows a batch, is checked here once every batch is staged. Set-wise over the
// staged rows, as users.ts checks used_by: nothing of the file is held in memory for it. The whole-file import's
// answer: a login's details are its first row's (its e-mail, its status), logins of an account are in the order of
// their first rows, and each later login whose e-mail equals an earlier one's (loginEmailKey, staged by stage.ts) is
// refused on its first row, in the same words; a REMOVED login and one with no e-mail do not count.

const SHOWN = 1_000;

export async function loginEmailsTwice(sql: Sql, column: string): Promise<{ errors: (SnapshotError & { row: number })[]; count: number }> {
  const rows = await sql<{ row: number; email: string; n: string }>(
    `WITH login AS (
       SELECT DISTINCT ON (account_ext, login_ext) account_ext, login_row, email, coalesce(email_key, email) AS email_key, status
       FROM bulk_stage ORDER BY account_ext, login_ext, login_row
     ), numbered AS (
       SELECT login_row, email, row_number() OVER (PARTITION BY account_ext, email_key ORDER BY login_row) AS nth
       FROM login WHERE email_key IS NOT NULL AND status <> 'REMOVED'
     )
     SELECT login_row AS row, email, count(*) OVER () AS n FROM numbered WHERE nth > 1 ORDER BY login_row LIMIT ${SHOWN}`,
    [],
  );
  return { count: rows.length ? Number(rows[0].n) : 0, errors: rows.map(({ row, email }) => ({ row, ...loginEmailTwice(column, email) })) };
}
