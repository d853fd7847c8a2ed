import type { Place } from "./all-problems";
import { readKindHeader, readKindRow, type KindTable, type OtherKind } from "./kind-rows";
import { headingOf, readLoginRow, readLoginsHeader, rowOfPaths, type SheetProblem } from "./logins-sheet";
import { FirstRows, repeatedRowProblems } from "./repeated-rows";
import { kindOfHeaders, kindOfSheetName, SHEET_NAMES, type SheetKind } from "./sheet-kinds";

// A bulk workbook (several sheets of an .xlsx, or several CSV files, one kind each; decision 022) as
// one gatehouse.snapshot/v1 document, not yet validated. The logins sheet gives accounts, people and
// logins as before; an accounts or people sheet gives (and overrides) their details; 2SV, partners,
// apps and other-access rows name their account (and 2SV rows their login) by id. `lists` says which
// kinds of an account's records the file lists, so the upsert keeps the others as stored.

export interface InputSheet {
  /** Worksheet or file name, as the user will recognise it in a problem. */
  name: string;
  cells: string[][];
  /** The name that tells the sheet's kind, when `name` says more (a worksheet of one of several workbooks). */
  kindName?: string;
}

/** The parts of an account a workbook may list; what it does not list stays as stored. */
export type { ListedPart } from "../snapshots/plan";
import type { ListedPart } from "../snapshots/plan";

export type WorkbookResult =
  | { ok: true; snapshot: unknown; rows: number; kinds: SheetKind[]; listed: ListedPart[]; placeOf: (path: string) => { sheet: string; row: number } | null }
  /**
   * With `snapshot` and `placeOf` when every problem is a data row's (no file or header problem): what
   * could be read, so the snapshot's own checks can name the rest of the file's problems in the same
   * answer (all-problems.ts). A bad cell's value is left out (undefined) or empty there.
   */
  | { ok: false; problems: SheetProblem[]; snapshot?: unknown; placeOf?: (path: string) => { sheet: string; row: number } | null };

type Rec = Record<string, unknown>;
type Account = Rec & { id: string; logins: (Rec & { id: string; email: string | null; twoStep: unknown[]; permissions: unknown[] })[]; partners: Rec[]; apps: Rec[]; otherAccess: Rec[] };

/** The kind of each sheet: by its name when it is one of ours, else by its headers. Empty and `x-` sheets are skipped. */
export function sheetKinds(sheets: InputSheet[]): { sheet: InputSheet; kind: SheetKind }[] {
  return sheets
    .filter((s) => !s.name.trim().toLowerCase().startsWith("x-") && s.cells.some((r) => r.some((c) => String(c ?? "").trim())))
    .map((sheet) => ({ sheet, kind: kindOfSheetName(sheet.kindName ?? sheet.name) ?? kindOfHeaders((sheet.cells[0] ?? []).map((h) => String(h ?? ""))) }));
}

export function workbookToSnapshot(sheets: InputSheet[]): WorkbookResult {
  const problems: SheetProblem[] = [];
  const kinds = sheetKinds(sheets);
  if (kinds.length === 0) return { ok: false, problems: [{ row: 0, column: null, key: "noRows" }] };
  const accounts = new Map<string, Account>();
  const people = new Map<string, Rec>();
  const devices = new Map<string, Rec>();
  const place = new Map<string, Place>();
  const accountIndex = (id: string) => [...accounts.keys()].indexOf(id);
  const seenIds = new Set<string>();
  const methods = new Map<Rec, { role: unknown; rest: Rec }[]>();
  let rows = 0;
  const order: SheetKind[] = ["accounts", "logins", "people", "devices", "twoStep", "partners", "apps", "otherAccess"];
  const sorted = [...kinds].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

  for (const { sheet, kind } of sorted) {
    // A lone sheet (one CSV file, a one-sheet workbook) is named by row and column alone, as before workbooks.
    const sheetLabel = kinds.length > 1 ? sheet.name : "";
    const tag = (p: SheetProblem): SheetProblem => (sheetLabel ? { ...p, sheet: sheetLabel } : p);
    const body = sheet.cells.slice(1);
    if (kind === "logins") {
      const header = readLoginsHeader(sheet.cells[0]);
      if (!header.ok) {
        problems.push(...header.problems.map(tag));
        continue;
      }
      const first = new FirstRows();
      const heading = headingOf(header.table);
      body.forEach((cells, i) => {
        const row = readLoginRow(header.table, cells, i + 2);
        if (!row) return;
        rows++;
        problems.push(...row.problems.map(tag));
        // A repeat only adds permissions: details that differ from the logins sheet's first row are refused (repeated-rows.ts).
        problems.push(...repeatedRowProblems(first, row, i + 2, heading).map(tag));
        const at = { sheet: sheetLabel, row: i + 2, heading };
        if (!people.has(row.personId)) {
          place.set(`people[${people.size}]`, at);
          people.set(row.personId, row.person);
        }
        let account = accounts.get(row.accountId);
        if (!account) {
          account = { ...row.account, id: row.accountId, logins: [], partners: [], apps: [], otherAccess: [] };
          place.set(`accounts[${accounts.size}]`, at);
          accounts.set(row.accountId, account);
        }
        const again = account.logins.find((l) => l.id === row.loginId);
        if (again) return void again.permissions.push(...row.login.permissions);
        place.set(`accounts[${accountIndex(row.accountId)}].logins[${account.logins.length}]`, at);
        account.logins.push(row.login as Account["logins"][number]);
      });
      continue;
    }
    const header = readKindHeader(kind, sheet.cells[0] ?? []);
    if (!header.ok) {
      problems.push(...header.problems.map(tag));
      continue;
    }
    body.forEach((cells, i) => {
      if (cells.every((c) => !String(c ?? "").trim())) return;
      rows++;
      const rowNumber = i + 2;
      const at = { sheet: sheetLabel, row: rowNumber };
      const row = readKindRow(kind, header.table, cells, rowNumber);
      problems.push(...row.problems.map(tag));
      const keyProblem = (key: SheetProblem["key"], column: string) => problems.push(tag({ row: rowNumber, column: headerText(header.table, column), value: cellOf(header.table, cells, column), key }));
      const record = row.record;
      // One row per id (ids of partners and apps within their account), a bad row's id included.
      const idColumn = { accounts: "accountId", people: "personId", devices: "deviceId", partners: "partnerId", apps: "appId" } as Record<string, string>;
      if (kind in idColumn && record.id) {
        const key = `${kind}:${kind === "partners" || kind === "apps" ? `${row.accountId}/` : ""}${String(record.id)}`;
        if (seenIds.has(key)) return keyProblem("duplicateKey", header.table.columns.some((c) => c?.key === idColumn[kind]) ? idColumn[kind] : kind === "partners" ? "company" : kind === "apps" ? "appName" : "storeName");
        seenIds.add(key);
      }
      // A row with a missing cell may lack its own id or its account's: nothing of it can be placed. A row
      // with unreadable values is kept (those values left out), so the snapshot's checks see its other cells.
      if (row.problems.some((p) => p.key === "missing")) return;
      if (kind === "accounts") {
        const id = record.id as string;
        const existing = accounts.get(id);
        if (existing) Object.assign(existing, record);
        else {
          place.set(`accounts[${accounts.size}]`, at);
          accounts.set(id, { ...record, id, logins: [], partners: [], apps: [], otherAccess: [] });
        }
        return;
      }
      if (kind === "people") {
        const id = record.id as string;
        if (!people.has(id)) place.set(`people[${people.size}]`, at);
        people.set(id, record);
        return;
      }
      if (kind === "devices") {
        const id = record.id as string;
        place.set(`devices[${devices.size}]`, at);
        devices.set(id, record);
        return;
      }
      const account = accounts.get(row.accountId!);
      if (!account) return keyProblem("unknownAccount", "accountId");
      const a = accountIndex(account.id);
      if (kind === "twoStep") {
        const login = account.logins.find((l) => (row.login!.id ? l.id === row.login!.id : l.email?.toLowerCase() === row.login!.email!.toLowerCase()));
        if (!login) return keyProblem("unknownLogin", row.login!.id ? "loginId" : "email");
        const list = methods.get(login) ?? [];
        const { role, ...rest } = record;
        place.set(`accounts[${a}].logins[${account.logins.indexOf(login)}].twoStep[${list.length}]`, at);
        list.push({ role, rest });
        methods.set(login, list);
        return;
      }
      const list = kind === "partners" ? account.partners : kind === "apps" ? account.apps : account.otherAccess;
      place.set(`accounts[${a}].${kind}[${list.length}]`, at);
      list.push(record);
    });
  }
  // A login listed on the 2SV sheet takes its methods from there (with their devices); the first is primary unless a role is written.
  for (const [login, list] of methods) login.twoStep = list.map((m, i) => ({ ...m.rest, role: m.role ?? (i === 0 ? "PRIMARY" : "BACKUP") }));
  if (rows === 0 && problems.length === 0) problems.push({ row: 0, column: null, key: "noRows" });
  const snapshot = { format: "gatehouse.snapshot/v1", people: [...people.values()], devices: [...devices.values()], accounts: [...accounts.values()] };
  const placeOf = rowOfPaths(place);
  if (problems.length) return problems.every((p) => p.row >= 2) ? { ok: false, problems, snapshot, placeOf } : { ok: false, problems };
  const present = new Set(kinds.map((k) => k.kind));
  const listed: ListedPart[] = [];
  if (present.has("logins")) listed.push("logins");
  for (const part of ["partners", "apps", "otherAccess"] as const) if (present.has(part)) listed.push(part);
  return { ok: true, rows, kinds: [...present], listed, placeOf, snapshot };
}

function headerText(table: KindTable, key: string): string {
  const i = table.columns.findIndex((c) => c?.key === key);
  return i < 0 ? key : (table.headerRow[i] ?? key).trim();
}

function cellOf(table: KindTable, cells: string[], key: string): string {
  const i = table.columns.findIndex((c) => c?.key === key);
  return i < 0 ? "" : String(cells[i] ?? "").trim();
}

/** The sheet name a kind gets in a workbook of `lang`. */
export const sheetName = (kind: SheetKind, lang: "ja" | "en") => SHEET_NAMES[kind][lang];
export type { OtherKind };
