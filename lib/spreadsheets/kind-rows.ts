import { ACCEPTED_BOOLEAN, acceptedChoices, ACCOUNT_STATUS, PLAN, readBoolean, readChoice, readDate, readList, readPhoneLast4 } from "./cells";
import { looksSecret, type SheetColumn } from "./logins-columns";
import type { SheetProblem } from "./logins-sheet";
import { KIND_COLUMNS, kindColumnFor, type SheetKind } from "./sheet-kinds";

// The rows of one non-logins sheet as snapshot records (not yet validated), each a pure function of its
// header and cells. Problems name the row (1 = header), the column as the file spells it, and the value.

export type OtherKind = Exclude<SheetKind, "logins">;
export const DEVICE_KIND = { PHONE: ["電話", "スマートフォン", "携帯電話"], AUTHENTICATOR_APP: ["認証アプリ"], SECURITY_KEY: ["セキュリティキー"] } as const;
export const METHOD_ROLE = { PRIMARY: ["第一手段", "プライマリー"], BACKUP: ["バックアップ手段", "バックアップ"] } as const;
export const CONSOLE = { ADS: ["広告", "広告コンソール"], BRAND_REGISTRY: ["ブランド登録"] } as const;
export const TWO_STEP_KIND = { SMS: ["テキストメッセージ", "テキストメッセージ(SMS)"], VOICE: ["音声通話"], AUTHENTICATOR_APP: ["認証アプリ", "APP"] } as const;

export interface KindTable {
  /** Column keys by position (null: ignored). */
  columns: (SheetColumn | null)[];
  headerRow: string[];
}

/** The header row of a `kind` sheet: known columns in either language, `x-` ones ignored, secrets refuse the sheet. */
export function readKindHeader(kind: OtherKind, headerRow: string[]): { ok: true; table: KindTable } | { ok: false; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  if (!headerRow.some((h) => h?.trim())) return { ok: false, problems: [{ row: 0, column: null, key: "noHeader" }] };
  const seen = new Set<string>();
  const columns = headerRow.map((raw) => {
    const h = (raw ?? "").trim();
    const column = h ? kindColumnFor(kind, h) : undefined;
    if (column) {
      if (seen.has(column.key)) problems.push({ row: 1, column: h, key: "duplicateColumn" });
      seen.add(column.key);
      return column;
    }
    if (h && !h.toLowerCase().startsWith("x-")) problems.push({ row: 1, column: h, key: looksSecret(h) ? "secretColumn" : "unknownColumn" });
    return null;
  });
  if (problems.length) return { ok: false, problems };
  const english = (key: string) => KIND_COLUMNS[kind].find((c) => c.key === key)!.en;
  for (const key of REQUIRED[kind]) if (!seen.has(key)) problems.push({ row: 1, column: english(key), key: "missingColumn" });
  return problems.length ? { ok: false, problems } : { ok: true, table: { columns, headerRow } };
}

const REQUIRED: Record<OtherKind, string[]> = {
  accounts: ["storeName"],
  people: ["personId", "name"],
  devices: ["deviceId", "deviceKind"],
  twoStep: ["accountId", "method"],
  partners: ["accountId", "company"],
  apps: ["accountId", "appName"],
  otherAccess: ["accountId", "personId", "console"],
};

/** One row's record of `kind`, with the account (and, for 2SV, login) it belongs to. */
export interface KindRow {
  record: Record<string, unknown>;
  accountId?: string;
  /** 2SV rows: the login by its id, or else its e-mail address. */
  login?: { id: string | null; email: string | null };
  problems: SheetProblem[];
}

/** One data row of a `kind` sheet (`rowNumber` 1-based, the header being 1). Pure; never throws. */
export function readKindRow(kind: OtherKind, table: KindTable, cells: string[], rowNumber: number): KindRow {
  const problems: SheetProblem[] = [];
  const index = (key: string) => table.columns.findIndex((c) => c?.key === key);
  // Exports neutralise cells a spreadsheet would run as formulas with a leading ' (lib/csv.ts): undone here.
  const get = (key: string) => (index(key) < 0 ? "" : String(cells[index(key)] ?? "").trim().replace(/^'(?=[=+\-@])/, ""));
  const header = (key: string) => (table.headerRow[index(key)] ?? key).trim();
  const need = (key: string) => {
    const v = get(key);
    if (!v) problems.push({ row: rowNumber, column: header(key), key: "missing" });
    return v;
  };
  const choice = <T extends string>(key: string, labels: Record<T, readonly string[]>, fallback?: T): T | undefined => {
    const v = get(key);
    if (!v) {
      if (fallback === undefined) problems.push({ row: rowNumber, column: header(key), key: "missing" });
      return fallback;
    }
    const c = readChoice(v, labels);
    if (!c) problems.push({ row: rowNumber, column: header(key), value: v, key: "badValue", vars: acceptedChoices(labels) });
    return c;
  };
  const date = (key: string) => {
    const v = readDate(get(key));
    if (v === undefined) problems.push({ row: rowNumber, column: header(key), value: get(key), key: "badDate" });
    return v ?? null;
  };
  const flag = (key: string) => {
    const v = readBoolean(get(key));
    if (v === undefined) problems.push({ row: rowNumber, column: header(key), value: get(key), key: "badValue", vars: ACCEPTED_BOOLEAN });
    return v ?? false;
  };
  switch (kind) {
    case "accounts": {
      const id = get("accountId") || get("sellerId") || need("storeName");
      const record = {
        id, storeName: need("storeName"), sellerId: get("sellerId") || null, region: (get("region") || "JP").toUpperCase(),
        marketplaces: readList(get("marketplaces")).map((m) => m.toUpperCase()), plan: choice("plan", PLAN, "PROFESSIONAL"),
        status: choice("accountStatus", ACCOUNT_STATUS, "ACTIVE"), lastVerifiedAt: date("lastVerifiedAt"),
      };
      return { record, accountId: id, problems };
    }
    case "people":
      return { record: { id: need("personId"), name: need("name"), external: flag("external"), company: get("company") || null, departedAt: date("departedAt") }, problems };
    case "devices":
      return {
        record: { id: need("deviceId"), kind: choice("deviceKind", DEVICE_KIND), label: get("label") || get("deviceId"), holderId: get("holderId") || null, skipOtpOnBrowser: flag("skipOtpOnBrowser") },
        problems,
      };
    case "twoStep": {
      const accountId = need("accountId");
      const login = { id: get("loginId") || null, email: get("email") || null };
      if (!login.id && !login.email) problems.push({ row: rowNumber, column: header(index("loginId") >= 0 ? "loginId" : "email"), key: "missing" });
      // Gatehouse keeps the last 4 digits of a phone number, never the whole of it.
      const phoneLast4 = readPhoneLast4(get("phone"));
      if (phoneLast4 === undefined) problems.push({ row: rowNumber, column: header("phone"), value: get("phone"), key: "badPhone" });
      const record = { kind: choice("method", TWO_STEP_KIND), role: get("methodRole") ? choice("methodRole", METHOD_ROLE) : null, deviceId: get("deviceId") || null, phoneLast4: phoneLast4 ?? null };
      return { record, accountId, login, problems };
    }
    case "partners": {
      const accountId = need("accountId");
      const company = need("company");
      return { record: { id: get("partnerId") || company, company, linkSentAt: date("linkSentAt"), acceptedAt: date("acceptedAt") }, accountId, problems };
    }
    case "apps": {
      const accountId = need("accountId");
      const name = need("appName");
      return {
        record: { id: get("appId") || name, name, developer: get("developer") || null, authorizedAt: date("authorizedAt"), expiresAt: date("expiresAt") },
        accountId,
        problems,
      };
    }
    case "otherAccess":
      return { record: { personId: need("personId"), console: choice("console", CONSOLE), role: get("consoleRole") || "ADMIN" }, accountId: need("accountId"), problems };
  }
}
