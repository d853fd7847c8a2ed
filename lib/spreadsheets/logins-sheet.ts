import { ACCEPTED_BOOLEAN, type AcceptedVars, acceptedChoices, ACCOUNT_STATUS, LEVEL, LOGIN_ROLE, LOGIN_STATUS, PLAN, readBoolean, readChoice, readDate, readList, readTwoStep } from "./cells";
import { BASE_COLUMNS, columnFor, looksSecret, type SheetColumn } from "./logins-columns";
import { FirstRows, repeatedRowProblems } from "./repeated-rows";

// A logins spreadsheet (header row, then one row per login) as a gatehouse.snapshot/v1 document, which
// then goes through the snapshot's own validation and the same upsert preview as a JSON file. Every
// problem names its spreadsheet row (1 = the header), its column as the file spells it, and the value.
// The header and each row are read by pure functions (readLoginsHeader, readLoginRow) that a streaming
// reader can call row by row; loginsSheetToSnapshot gathers the rows into one document.

export interface SheetProblem {
  /** 1-based spreadsheet row; 0 for the file as a whole. */
  row: number;
  column: string | null;
  value?: string;
  key:
    | "secretColumn" | "unknownColumn" | "duplicateColumn" | "noHeader" | "noRows" | "badValue" | "badDate" | "badTwoStep" | "badPhone" | "missing" | "missingColumn" | "csvSyntax" | "xlsxUnreadable"
    | "unknownAccount" | "unknownLogin" | "duplicateKey" | "unknownSheet" | "tooManyFiles" | "xlsxTooLarge"
    | "repeatedAccount" | "repeatedPerson" | "repeatedLogin";
  vars?: Record<string, string | number>;
  /** The worksheet (or CSV file) of a workbook import; absent for a single logins sheet. */
  sheet?: string;
}

/** `rowOf`: the spreadsheet row behind a snapshot JSON path (so the snapshot's own checks can name rows too). */
export type SheetResult =
  | {
      ok: true; /** Not yet validated: parseSnapshot checks it as any other snapshot. */ snapshot: unknown; rows: number; rowOf: (path: string) => number | null;
      /** The column keys the first row of a record (people[i], accounts[i], accounts[i].logins[j]) writes (stream-logins.ts stages them). */
      writtenOf: (path: string) => ReadonlySet<string>;
    }
  | { ok: false; problems: SheetProblem[] };

export interface LoginsTable {
  columns: (SheetColumn | null)[];
  headerRow: string[];
  has: (key: string) => boolean;
  /** Column index by key (keys are unique: a duplicate column refuses the header). */
  index: ReadonlyMap<string, number>;
}

/** The logins sheet's header: known columns by either language; "x-" ones ignored (as in a snapshot); secrets refuse the file. */
export function readLoginsHeader(headerRow: string[] | undefined): { ok: true; table: LoginsTable } | { ok: false; problems: SheetProblem[] } {
  if (!headerRow || headerRow.every((h) => !String(h ?? "").trim())) return { ok: false, problems: [{ row: 0, column: null, key: "noHeader" }] };
  const problems: SheetProblem[] = [];
  const columns: (SheetColumn | null)[] = [];
  const seen = new Set<string>();
  const index = new Map<string, number>();
  headerRow.forEach((raw, i) => {
    const h = String(raw ?? "").trim();
    const column = h ? columnFor(h) : undefined;
    if (column) {
      if (seen.has(column.key)) problems.push({ row: 1, column: h, key: "duplicateColumn" });
      seen.add(column.key);
      if (!index.has(column.key)) index.set(column.key, i);
      columns[i] = column;
    } else {
      columns[i] = null;
      if (!h || h.toLowerCase().startsWith("x-")) return;
      problems.push({ row: 1, column: h, key: looksSecret(h) ? "secretColumn" : "unknownColumn" });
    }
  });
  if (problems.length) return { ok: false, problems };
  const english = (key: string) => BASE_COLUMNS.find((c) => c.key === key)!.en;
  for (const required of ["storeName", "role", "status"]) if (!seen.has(required)) problems.push({ row: 1, column: english(required), key: "missingColumn" });
  if (!seen.has("email") && !seen.has("personId")) problems.push({ row: 1, column: english("email"), key: "missingColumn" });
  if (problems.length) return { ok: false, problems };
  return { ok: true, table: { columns, headerRow: headerRow.map((h) => String(h ?? "")), has: (key) => seen.has(key), index } };
}

/** One row of the logins sheet, in snapshot terms (not yet validated). */
export interface LoginRow {
  accountId: string;
  account: Record<string, unknown>;
  personId: string;
  person: Record<string, unknown>;
  loginId: string;
  login: Record<string, unknown> & { permissions: unknown[] };
  /** The column keys of the row's non-blank cells (a later row of a record repeats only what it writes: repeated-rows.ts). */
  written: ReadonlySet<string>;
  problems: SheetProblem[];
}

/** A data row's cell by column key, as the sheet is read: trimmed, an export's formula guard undone; "" without the column. */
function cellOf(index: LoginsTable["index"], cellsOfRow: string[], key: string): string {
  const i = index.get(key);
  if (i === undefined) return "";
  const cell = String(cellsOfRow[i] ?? "").trim();
  // Exports neutralise cells a spreadsheet would run as formulas with a leading ' (lib/csv.ts): undone here.
  return cell.charCodeAt(0) === 39 ? cell.replace(/^'(?=[=+\-@])/, "") : cell;
}

const isBlankRow = (cellsOfRow: string[]) => cellsOfRow.every((c) => !String(c ?? "").trim());
const personIdOf = (get: (key: string) => string) => get("personId") || get("email").toLowerCase();
const accountIdOf = (get: (key: string) => string) => get("accountId") || get("sellerId") || get("storeName");

/** The account and person a data row names, exactly as readLoginRow names them (file-digest.ts); null for an empty row. */
export function loginRowKeys(table: LoginsTable, cellsOfRow: string[]): { accountId: string; personId: string } | null {
  if (isBlankRow(cellsOfRow)) return null;
  const get = (key: string) => cellOf(table.index, cellsOfRow, key);
  return { accountId: accountIdOf(get), personId: personIdOf(get) };
}

/** The account a data row names, as readLoginRow names it; null for an empty row (stream-logins.ts ends batches by it). */
export function loginRowAccount(table: LoginsTable, cellsOfRow: string[]): string | null {
  if (isBlankRow(cellsOfRow)) return null;
  return accountIdOf((key) => cellOf(table.index, cellsOfRow, key));
}

/** One data row of the logins sheet (`rowNumber` 1-based, the header being 1); null for an empty row. Pure; never throws. */
export function readLoginRow(table: LoginsTable, cellsOfRow: string[], rowNumber: number): LoginRow | null {
  const { columns, headerRow, index } = table;
  if (isBlankRow(cellsOfRow)) return null;
  const problems: SheetProblem[] = [];
  const get = (key: string) => cellOf(index, cellsOfRow, key);
  const header = (key: string) => (headerRow[index.get(key) ?? -1] ?? key).trim();
  const bad = (key: string, problem: SheetProblem["key"] = "badValue", accepted?: AcceptedVars) =>
    problems.push({ row: rowNumber, column: header(key), value: get(key), key: problem, ...(accepted ? { vars: accepted } : {}) });
  const choice = <T extends string>(key: string, labels: Record<T, readonly string[]>, fallback?: T): T | undefined => {
    if (!get(key)) {
      if (fallback === undefined) problems.push({ row: rowNumber, column: header(key), key: "missing" });
      return fallback;
    }
    const v = readChoice(get(key), labels);
    if (!v) bad(key, "badValue", acceptedChoices(labels));
    return v;
  };
  const date = (key: string) => {
    const v = readDate(get(key));
    if (v === undefined) bad(key, "badDate");
    return v ?? null;
  };
  const flag = (key: string) => {
    const v = readBoolean(get(key));
    if (v === undefined) bad(key, "badValue", ACCEPTED_BOOLEAN);
    return v ?? false;
  };

  const email = get("email") || null;
  const personId = personIdOf(get);
  if (!personId) problems.push({ row: rowNumber, column: header("email"), key: "missing" });
  const accountId = accountIdOf(get);
  if (!get("storeName")) problems.push({ row: rowNumber, column: header("storeName"), key: "missing" });
  const person = { id: personId, name: get("name") || email || personId, external: flag("external"), company: get("company") || null, departedAt: date("departedAt") };
  const account = {
    id: accountId, storeName: get("storeName"), sellerId: get("sellerId") || null, region: (get("region") || "JP").toUpperCase(),
    marketplaces: readList(get("marketplaces")).map((m) => m.toUpperCase()), plan: choice("plan", PLAN, "PROFESSIONAL"),
    status: choice("accountStatus", ACCOUNT_STATUS, "ACTIVE"), lastVerifiedAt: date("lastVerifiedAt"),
  };
  const twoStep = readTwoStep(get("twoStep"));
  if (twoStep === undefined) bad("twoStep", "badTwoStep");
  const marketplace = get("permissionMarketplace").toUpperCase() || null;
  const permissions = columns.flatMap((column, i) => {
    const cell = String(cellsOfRow[i] ?? "").trim();
    if (!column?.key.startsWith("tool:") || !cell) return [];
    const level = readChoice(cell, LEVEL);
    if (!level) problems.push({ row: rowNumber, column: headerRow[i].trim(), value: cell, key: "badValue", vars: acceptedChoices(LEVEL) });
    // An empty cell is no grant; a written "NONE" / なし is kept as one (as a snapshot may hold it).
    return level ? [{ tool: column.key.slice(5), level, marketplace }] : [];
  });
  // Others known to use the login besides its own person (attested), e.g. a shared primary login.
  const others = readList(get("usedBy")).filter((p) => p !== personId);
  const loginId = get("loginId") || email || personId;
  const login = {
    id: loginId, role: choice("role", LOGIN_ROLE), email, personId, ...(others.length ? { usedBy: [personId, ...others] } : {}), status: choice("status", LOGIN_STATUS),
    invitedAt: date("invitedAt"), acceptedAt: date("acceptedAt"), lastLoginAt: date("lastLoginAt"), passwordChangedAt: date("passwordChangedAt"),
    passwordReused: flag("passwordReused"), twoStep: (twoStep ?? []).map((m) => ({ ...m, deviceId: null })), permissions,
  };
  const written = new Set([...index.keys()].filter((key) => get(key) !== ""));
  return { accountId, account, personId, person, loginId, login, written, problems };
}

/** A column's heading as the file spells it, or its English name where the file has no such column. */
export const headingOf = (table: LoginsTable) => (key: string): string => {
  const i = table.index.get(key);
  return (i === undefined ? undefined : table.headerRow[i]?.trim()) || (BASE_COLUMNS.find((c) => c.key === key)?.en ?? key);
};

/** `cells`: the rows as read (the first one is the header). */
export function loginsSheetToSnapshot(cells: string[][]): SheetResult {
  const header = readLoginsHeader(cells[0]);
  if (!header.ok) return header;
  const { table } = header;
  const problems: SheetProblem[] = [];
  const accounts = new Map<string, Record<string, unknown> & { logins: Record<string, unknown>[] }>();
  const accountIndex = new Map<string, number>();
  const people = new Map<string, Record<string, unknown>>();
  const rowAt = new Map<string, number>();
  const writtenAt = new Map<string, ReadonlySet<string>>();
  const first = new FirstRows();
  const heading = headingOf(table);
  let rows = 0;
  cells.slice(1).forEach((cellsOfRow, index) => {
    const rowNumber = index + 2;
    const row = readLoginRow(table, cellsOfRow, rowNumber);
    if (!row) return;
    rows++;
    problems.push(...row.problems);
    // A repeat only adds permissions: details that differ from the first row are refused (repeated-rows.ts).
    problems.push(...repeatedRowProblems(first, row, rowNumber, heading));
    if (!people.has(row.personId)) {
      rowAt.set(`people[${people.size}]`, rowNumber);
      writtenAt.set(`people[${people.size}]`, row.written);
      people.set(row.personId, row.person);
    }
    let account = accounts.get(row.accountId);
    if (!account) {
      // An account's details come from its first row; later rows add logins.
      account = { ...row.account, logins: [] };
      rowAt.set(`accounts[${accounts.size}]`, rowNumber);
      writtenAt.set(`accounts[${accounts.size}]`, row.written);
      accountIndex.set(row.accountId, accounts.size);
      accounts.set(row.accountId, account);
    }
    // The same login on another row: its levels in another marketplace (one row per login and marketplace).
    const again = account.logins.find((l) => l.id === row.loginId) as { permissions: unknown[] } | undefined;
    if (again) {
      again.permissions.push(...row.login.permissions);
      return;
    }
    rowAt.set(`accounts[${accountIndex.get(row.accountId)}].logins[${account.logins.length}]`, rowNumber);
    writtenAt.set(`accounts[${accountIndex.get(row.accountId)}].logins[${account.logins.length}]`, row.written);
    account.logins.push(row.login);
  });
  if (rows === 0) problems.push({ row: 0, column: null, key: "noRows" });
  // In reading order: row by row, left to right.
  const at = (p: SheetProblem) => table.headerRow.findIndex((h) => (h ?? "").trim() === p.column);
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row || at(a) - at(b)) };
  return { ok: true, rows, rowOf: rowOfPaths(rowAt), writtenOf: (path) => writtenAt.get(path) ?? new Set(), snapshot: { format: "gatehouse.snapshot/v1", people: [...people.values()], devices: [], accounts: [...accounts.values()] } };
}

/** The row recorded for the longest recorded prefix of a JSON path. */
export function rowOfPaths<T>(rowAt: Map<string, T>): (path: string) => T | null {
  return (path) => {
    for (let prefix = path; prefix; prefix = prefix.replace(/(\.[^.[]+|\[\d+\])$/, "")) {
      const row = rowAt.get(prefix);
      if (row !== undefined) return row;
      if (!/(\.[^.[]+|\[\d+\])$/.test(prefix)) break;
    }
    return null;
  };
}
