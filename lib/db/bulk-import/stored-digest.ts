import "server-only";
import { FileDigest } from "@/lib/spreadsheets/file-digest";
import type { RowSource } from "@/lib/spreadsheets/stream-rows";
import type { Sql } from "../risk/sql";
import { CLEARED_MARK } from "./digest";

// The same file again, told by the digests the import stored (decision 032, file-digest.ts): the file is
// read once as cells, nothing parsed into rows, checked or staged, and each account's digest compared
// with its stored one as soon as the account's rows end. The first account that differs (or has none
// stored, or would move to another client) stops the reading: the import then goes the staged way.
// Stored digests are exact because every other writer clears them (triggers of migration
// 20261209010000_account_import_digest): an equal digest means the account's cells import to what is stored.

export interface StoredDigest {
  digest: string;
  clientId: string | null;
}

/** The organisation's stored digests by account external id (one pass over its accounts: ~50,000 at 500,000 rows). */
export async function loadStoredDigests(sql: Sql, orgId: string): Promise<Map<string, StoredDigest>> {
  const rows = await sql<{ ext: string; digest: string; client: string | null }>(
    `SELECT "externalId" AS ext, "importDigest" AS digest, "clientId" AS client FROM "SellerAccount" WHERE "orgId" = $1 AND "importDigest" IS NOT NULL AND "importDigest" NOT LIKE '${CLEARED_MARK}%'`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.ext, { digest: r.digest, clientId: r.client }]));
}

export interface StoredMatch {
  rows: number;
  accounts: number;
  people: number;
}

/**
 * Whether every account of the file has its stored digest (and, when `clientId` is given, already is
 * under that client); the file's counts when so, null at the first account that does not.
 */
export async function matchStoredDigests(
  source: RowSource,
  stored: ReadonlyMap<string, StoredDigest>,
  clientId: string | null | undefined,
  onProgress?: (rowsRead: number) => void,
): Promise<StoredMatch | null> {
  let file: FileDigest | null = null;
  let accounts = 0;
  let read = 0;
  const same = (account: string, digest: string) => {
    const s = stored.get(account);
    accounts++;
    return s !== undefined && s.digest === digest && (clientId === undefined || s.clientId === clientId);
  };
  try {
    for await (const cells of source.rows) {
      read++;
      if (!file) {
        file = FileDigest.of(cells, { countPeople: true });
        if (!file) return null;
        continue;
      }
      const done = file.add(cells);
      if (file.scattered || (done && !same(done.account, done.digest))) return null;
      if (read % 2_000 === 0) onProgress?.(read);
    }
    if (!file) return null;
    const last = file.finish();
    if (!last || !same(last.account, last.digest)) return null;
    onProgress?.(read);
    return { rows: file.rows, accounts, people: file.peopleCount };
  } finally {
    source.close();
  }
}
