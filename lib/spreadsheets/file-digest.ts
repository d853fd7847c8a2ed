import { createHash, type Hash } from "node:crypto";
import { loginRowKeys, readLoginsHeader, type LoginsTable } from "./logins-sheet";

// One digest per account of a logins file, over the raw cells the import reads for it: the format
// version, the header row, then that account's rows in file order (decision 032). The large import
// stores it on each account it leaves equal to its cells (lib/db/bulk-import/digest.ts); the same file
// again is then told by reading the cells once and comparing digests, with nothing parsed into rows,
// checked or staged. Equal cells parse to the same rows only while the reading of cells stays the same:
//
// DIGEST_FORMAT must be bumped whenever the import's reading of cells changes — logins-sheet.ts (columns,
// labels, how a cell becomes a value), cells.ts, the tool catalogue behind the permission columns, the
// snapshot checks a row passes (snapshot-fast.ts), or stream-logins.ts's merging. A bump makes every stored
// digest differ, so the next import of any file takes the staged path once and stores new ones.
//
// Only a file that keeps each account's rows together (exports do, and stream-logins.ts batches by it)
// gets digests: an account whose rows come back after another account's makes the file `scattered`, and
// then no digest is stored or compared (one hash per account open at a time, and no account's digest
// depends on rows of others).
export const DIGEST_FORMAT = "gatehouse.logins-digest/1";

export interface AccountDigest {
  /** The account's id as the sheet reader gives it (its external id once imported). */
  account: string;
  digest: string;
}

export class FileDigest {
  readonly table: LoginsTable;
  /** Non-empty data rows (as stream-logins.ts counts them). */
  rows = 0;
  scattered = false;
  private readonly base: Hash;
  private readonly seen = new Set<string>();
  /** null when not counted: the staged path counts people itself (402,000 of them in a 500,000-row file: ~35 MB). */
  private readonly people: Set<string> | null;
  private current: { account: string; hash: Hash } | null = null;

  /** null when the header is not a logins header (the staged path then reports why). */
  static of(header: string[], options: { countPeople: boolean }): FileDigest | null {
    const read = readLoginsHeader(header);
    return read.ok ? new FileDigest(header, read.table, options.countPeople) : null;
  }

  private constructor(header: string[], table: LoginsTable, countPeople: boolean) {
    this.table = table;
    this.people = countPeople ? new Set() : null;
    this.base = createHash("sha256").update(`${DIGEST_FORMAT}\n${JSON.stringify(header)}\n`);
  }

  /** Distinct people the rows name (an unchanged plan counts them); 0 when not counted. */
  get peopleCount(): number {
    return this.people?.size ?? 0;
  }

  /** One data row, in file order. Returns the previous account's digest when this row starts another account. */
  add(cells: string[]): AccountDigest | null {
    const keys = loginRowKeys(this.table, cells);
    if (!keys) return null;
    this.rows++;
    this.people?.add(keys.personId);
    let finished: AccountDigest | null = null;
    if (this.current?.account !== keys.accountId) {
      finished = this.finish();
      if (this.seen.has(keys.accountId)) this.scattered = true;
      this.seen.add(keys.accountId);
      this.current = { account: keys.accountId, hash: this.base.copy() };
    }
    // JSON keeps cell boundaries unambiguous whatever a cell holds.
    this.current!.hash.update(`${JSON.stringify(cells)}\n`);
    return finished;
  }

  /** The last open account's digest (call once the file ends); null when none is open. */
  finish(): AccountDigest | null {
    if (!this.current) return null;
    const done = { account: this.current.account, digest: this.current.hash.digest("base64url") };
    this.current = null;
    return done;
  }
}

/**
 * The rows of `rows` unchanged, each also folded into a FileDigest made from the first one (the header):
 * the staged path reads the file once and learns its digests on the way. `digests()` after the rows end:
 * every account's digest, or null when the file is scattered, its header is not a logins header, or it was not read to its end.
 */
export function digestingRows(rows: AsyncIterable<string[]>): { rows: AsyncIterable<string[]>; digests: () => Map<string, string> | null } {
  let file: FileDigest | null = null;
  let header = true;
  let complete = false;
  let scattered = false;
  const digests = new Map<string, string>();
  const keep = (d: AccountDigest | null) => d && digests.set(d.account, d.digest);
  async function* tee(): AsyncGenerator<string[]> {
    for await (const cells of rows) {
      if (header) {
        header = false;
        file = FileDigest.of(cells, { countPeople: false });
      } else if (file) keep(file.add(cells));
      yield cells;
    }
    if (!file) return;
    keep(file.finish());
    scattered = file.scattered;
    file = null; // its set of account names goes now, not with the import
    complete = true;
  }
  return { rows: tee(), digests: () => (complete && !scattered ? digests : null) };
}
