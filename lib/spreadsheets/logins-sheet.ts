import { ACCOUNT_STATUS, LEVEL, LOGIN_ROLE, LOGIN_STATUS, PLAN, readBoolean, readChoice, readDate, readList, readTwoStep } from "./cells";
import { BASE_COLUMNS, columnFor, looksSecret, type SheetColumn } from "./logins-columns";

// A logins spreadsheet (header row, then one row per login) as a gatehouse.snapshot/v1 document, which
// then goes through the snapshot's own validation and the same upsert preview as a JSON file. Every
// problem names its spreadsheet row (1 = the header), its column as the file spells it, and the value.

export interface SheetProblem {
  /** 1-based spreadsheet row; 0 for the file as a whole. */
  row: number;
  column: string | null;
  value?: string;
  key: "secretColumn" | "unknownColumn" | "duplicateColumn" | "noHeader" | "noRows" | "badValue" | "badDate" | "missing" | "missingColumn" | "csvSyntax" | "xlsxUnreadable";
  vars?: Record<string, string | number>;
}

/** `rowOf`: the spreadsheet row behind a snapshot JSON path (so the snapshot's own checks can name rows too). */
export type SheetResult = { ok: true; /** Not yet validated: parseSnapshot checks it as any other snapshot. */ snapshot: unknown; rows: number; rowOf: (path: string) => number | null } | { ok: false; problems: SheetProblem[] };

/** `cells`: the rows as read (the first one is the header). */
export function loginsSheetToSnapshot(cells: string[][]): SheetResult {
  const problems: SheetProblem[] = [];
  const [headerRow, ...body] = cells;
  if (!headerRow || headerRow.every((h) => !h?.trim())) return { ok: false, problems: [{ row: 0, column: null, key: "noHeader" }] };

  // Columns: known ones by either language; "x-" ones ignored (as in a snapshot); secrets refuse the file.
  const columns: (SheetColumn | null)[] = [];
  const seen = new Set<string>();
  headerRow.forEach((raw, i) => {
    const h = (raw ?? "").trim();
    const column = h ? columnFor(h) : undefined;
    if (column) {
      if (seen.has(column.key)) problems.push({ row: 1, column: h, key: "duplicateColumn" });
      seen.add(column.key);
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

  // Column of each key, found once (not per cell: large files go through here in batches).
  const indexOf = new Map<string, number>();
  columns.forEach((c, i) => c && !indexOf.has(c.key) && indexOf.set(c.key, i));
  const accounts = new Map<string, Record<string, unknown> & { logins: Record<string, unknown>[] }>();
  const people = new Map<string, Record<string, unknown>>();
  const rowAt = new Map<string, number>();
  let rows = 0;
  body.forEach((cellsOfRow, index) => {
    const rowNumber = index + 2;
    if (cellsOfRow.every((c) => !c?.trim())) return;
    rows++;
    const get = (key: string) => {
      const i = indexOf.get(key) ?? -1;
      // Exports neutralise cells a spreadsheet would run as formulas with a leading ' (lib/csv.ts): undone here.
      return i < 0 ? "" : (cellsOfRow[i] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
    };
    const header = (key: string) => (headerRow[indexOf.get(key) ?? -1] ?? key).trim();
    const bad = (key: string, problem: SheetProblem["key"] = "badValue") => problems.push({ row: rowNumber, column: header(key), value: get(key), key: problem });
    const choice = <T extends string>(key: string, labels: Record<T, readonly string[]>, fallback?: T): T | undefined => {
      if (!get(key)) {
        if (fallback === undefined) problems.push({ row: rowNumber, column: header(key), key: "missing" });
        return fallback;
      }
      const v = readChoice(get(key), labels);
      if (!v) bad(key);
      return v;
    };
    const date = (key: string) => {
      const v = readDate(get(key));
      if (v === undefined) bad(key, "badDate");
      return v ?? null;
    };
    const flag = (key: string) => {
      const v = readBoolean(get(key));
      if (v === undefined) bad(key);
      return v ?? false;
    };

    const email = get("email") || null;
    const personId = get("personId") || email?.toLowerCase() || "";
    if (!personId) problems.push({ row: rowNumber, column: header("email"), key: "missing" });
    const accountId = get("accountId") || get("sellerId") || get("storeName");
    if (!get("storeName")) problems.push({ row: rowNumber, column: header("storeName"), key: "missing" });
    if (!people.has(personId)) rowAt.set(`people[${people.size}]`, rowNumber);
    if (!people.has(personId))
      people.set(personId, { id: personId, name: get("name") || email || personId, external: flag("external"), company: get("company") || null, departedAt: date("departedAt") });

    let account = accounts.get(accountId);
    if (!account) {
      account = {
        id: accountId, storeName: get("storeName"), sellerId: get("sellerId") || null, region: (get("region") || "JP").toUpperCase(),
        marketplaces: readList(get("marketplaces")).map((m) => m.toUpperCase()), plan: choice("plan", PLAN, "PROFESSIONAL"),
        status: choice("accountStatus", ACCOUNT_STATUS, "ACTIVE"), lastVerifiedAt: date("lastVerifiedAt"), logins: [],
      };
      rowAt.set(`accounts[${accounts.size}]`, rowNumber);
      accounts.set(accountId, account);
    } // an account's details come from its first row; later rows add logins

    const twoStep = readTwoStep(get("twoStep"));
    if (twoStep === undefined) bad("twoStep");
    const marketplace = get("permissionMarketplace").toUpperCase() || null;
    const permissions = columns.flatMap((column, i) => {
      if (!column?.key.startsWith("tool:") || !(cellsOfRow[i] ?? "").trim()) return [];
      const level = readChoice(cellsOfRow[i], LEVEL);
      if (!level) problems.push({ row: rowNumber, column: headerRow[i].trim(), value: cellsOfRow[i].trim(), key: "badValue" });
      // An empty cell is no grant; a written "NONE" / なし is kept as one (as a snapshot may hold it).
      return level ? [{ tool: column.key.slice(5), level, marketplace }] : [];
    });
    // The same login on another row: its levels in another marketplace (one row per login and marketplace).
    const loginId = get("loginId") || email || personId;
    const again = account.logins.find((l) => l.id === loginId) as { permissions: unknown[] } | undefined;
    if (again) {
      again.permissions.push(...permissions);
      return;
    }
    rowAt.set(`accounts[${[...accounts.keys()].indexOf(accountId)}].logins[${account.logins.length}]`, rowNumber);
    account.logins.push({
      id: loginId, role: choice("role", LOGIN_ROLE), email, personId, status: choice("status", LOGIN_STATUS),
      invitedAt: date("invitedAt"), acceptedAt: date("acceptedAt"), lastLoginAt: date("lastLoginAt"), passwordChangedAt: date("passwordChangedAt"),
      passwordReused: flag("passwordReused"), twoStep: (twoStep ?? []).map((m) => ({ ...m, deviceId: null })), permissions,
    });
  });
  if (rows === 0) problems.push({ row: 0, column: null, key: "noRows" });
  // In reading order: row by row, left to right.
  const at = (p: SheetProblem) => headerRow.findIndex((h) => (h ?? "").trim() === p.column);
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row || at(a) - at(b)) };
  const rowOf = (path: string) => {
    for (let prefix = path; prefix; prefix = prefix.replace(/(\.[^.[]+|\[\d+\])$/, "")) {
      const row = rowAt.get(prefix);
      if (row !== undefined) return row;
      if (!/(\.[^.[]+|\[\d+\])$/.test(prefix)) break;
    }
    return null;
  };
  return { ok: true, rows, rowOf, snapshot: { format: "gatehouse.snapshot/v1", people: [...people.values()], devices: [], accounts: [...accounts.values()] } };
}
