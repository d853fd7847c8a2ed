import { DETAIL_COLUMNS } from "./repeated-rows";

// The logins sheet's column behind a snapshot JSON path (newuser42 finding 6): a problem the snapshot's own checks find
// on a row read from a logins sheet names the column, as the sheet's own problems do ("2行目「email」"), instead of
// "accounts[0].logins[0].email", which a spreadsheet user cannot read.

const byField = (kind: keyof typeof DETAIL_COLUMNS) => new Map(DETAIL_COLUMNS[kind].map(([column, field]) => [field, column]));
const ACCOUNT = new Map([...byField("account"), ["id", "accountId"]]);
const PERSON = new Map([...byField("person"), ["id", "personId"]]);
const LOGIN = new Map([...byField("login"), ["id", "loginId"], ["permissions", "permissionMarketplace"]]);

/** The column key (logins-columns.ts) of a path into a document read from a logins sheet; null where no column says it. */
export function loginsColumnOfPath(path: string): string | null {
  let m = /^accounts\[\d+\]\.logins\[\d+\]\.(\w+)(?:\[\d+\](?:\.(\w+))?)?/.exec(path);
  if (m) {
    // A permission's marketplace is the row's permission_marketplace; its level sits in the tool's own column (unknown here).
    if (m[1] === "permissions") return m[2] === "marketplace" ? "permissionMarketplace" : null;
    return LOGIN.get(m[1]) ?? null;
  }
  m = /^accounts\[\d+\]\.(\w+)$/.exec(path) ?? /^accounts\[\d+\]\.(marketplaces)\[\d+\]$/.exec(path);
  if (m) return ACCOUNT.get(m[1]) ?? null;
  m = /^people\[\d+\]\.(\w+)$/.exec(path);
  return m ? (PERSON.get(m[1]) ?? null) : null;
}
