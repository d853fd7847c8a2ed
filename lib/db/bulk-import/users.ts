import "server-only";
import type { SnapshotError } from "@/lib/validation/snapshot";
import type { Sql } from "../risk/sql";

// Shared logins of a large import (decision 023, stop 29): a row's used_by may name a person first listed
// in another batch, so the names are checked here, once the whole file is staged, against every person
// the file lists. A name no row gives a person to is refused on its row and column with the snapshot's own
// wording (unknownRef), as the whole-file import refuses it; nothing is written.

const SHOWN = 1_000;

export async function unknownUsers(sql: Sql, column: string): Promise<{ errors: (SnapshotError & { row: number })[]; count: number }> {
  await sql(`CREATE TEMP TABLE stage_user ON COMMIT DROP AS SELECT s.login_row AS row, u.ext FROM bulk_stage s CROSS JOIN LATERAL unnest(string_to_array(s.users, ' ')) AS u(ext) WHERE s.users <> ''`, []);
  const rows = await sql<{ row: number; ext: string; n: string }>(
    `SELECT u.row, u.ext, count(*) OVER () AS n FROM stage_user u WHERE NOT EXISTS (SELECT 1 FROM bulk_stage s WHERE s.person_ext = u.ext) ORDER BY u.row, u.ext LIMIT ${SHOWN}`,
    [],
  );
  return {
    count: rows.length ? Number(rows[0].n) : 0,
    errors: rows.map(({ row, ext }) => ({
      row,
      path: column,
      message: `expected the id of an entry in people, got unknown "${ext}"`,
      reason: { key: "unknownRef", vars: { list: "people", id: ext } },
    })),
  };
}
