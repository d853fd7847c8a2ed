import { BASE_COLUMNS, columnFor, type SheetColumn } from "./logins-columns";

// The bulk workbook: one sheet per kind of record (decision 022). The logins sheet is the one from
// decision 010/012 (a row per login with its account's and person's details); the others give what a
// row per login cannot hold. In an .xlsx each kind is a worksheet named in Japanese or English; as CSV
// each kind is a file of its own, told apart by its headers.

export type SheetKind = "accounts" | "logins" | "people" | "devices" | "twoStep" | "partners" | "apps" | "otherAccess";
export const SHEET_KINDS: SheetKind[] = ["accounts", "logins", "people", "devices", "twoStep", "partners", "apps", "otherAccess"];

export const SHEET_NAMES: Record<SheetKind, { en: string; ja: string }> = {
  accounts: { en: "accounts", ja: "アカウント" },
  logins: { en: "logins", ja: "ログイン" },
  people: { en: "people", ja: "関係者" },
  devices: { en: "devices", ja: "端末" },
  twoStep: { en: "two_step", ja: "2段階認証" },
  partners: { en: "partners", ja: "パートナー" },
  apps: { en: "apps", ja: "アプリ" },
  otherAccess: { en: "other_access", ja: "その他のアクセス" },
};

const base = (key: string): SheetColumn => BASE_COLUMNS.find((c) => c.key === key)!;
const col = (key: string, en: string, ja: string): SheetColumn => ({ key, en, ja });

/** Columns of every kind but logins (whose columns are logins-columns.ts's). */
export const KIND_COLUMNS: Record<Exclude<SheetKind, "logins">, SheetColumn[]> = {
  accounts: ["accountId", "storeName", "sellerId", "region", "marketplaces", "plan", "accountStatus", "lastVerifiedAt"].map(base),
  people: [base("personId"), base("name"), base("external"), base("company"), base("departedAt")],
  devices: [col("deviceId", "device_id", "デバイスID"), col("deviceKind", "device_kind", "デバイスの種類"), col("label", "label", "デバイス名"), col("holderId", "holder_id", "持ち主のID"), col("skipOtpOnBrowser", "skip_otp_on_browser", "ブラウザでコード省略")],
  twoStep: [base("accountId"), base("loginId"), base("email"), col("method", "method", "方法"), col("methodRole", "method_role", "手段の役割"), col("phone", "phone", "電話番号"), col("deviceId", "device_id", "デバイスID")],
  partners: [base("accountId"), col("partnerId", "partner_id", "パートナーID"), base("company"), col("linkSentAt", "link_sent_at", "リンク送信日"), base("acceptedAt")],
  apps: [base("accountId"), col("appId", "app_id", "アプリID"), col("appName", "app_name", "アプリ名"), col("developer", "developer", "開発者"), col("authorizedAt", "authorized_at", "承認日"), col("expiresAt", "expires_at", "有効期限")],
  otherAccess: [base("accountId"), base("personId"), col("console", "console", "コンソール"), col("consoleRole", "console_role", "コンソールの役割")],
};

const normal = (text: string) => text.normalize("NFKC").trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Names earlier templates gave these sheets (before the app's words 関係者 and 端末): their files still read. */
const FORMER_NAMES: Partial<Record<SheetKind, string[]>> = { people: ["人"], devices: ["デバイス"] };

export function kindOfSheetName(name: string): SheetKind | null {
  const n = normal(name);
  for (const kind of SHEET_KINDS) {
    const names = [SHEET_NAMES[kind].en, SHEET_NAMES[kind].ja, kind, ...(FORMER_NAMES[kind] ?? [])];
    if (names.some((known) => normal(known) === n)) return kind;
  }
  return null;
}

/** A column of `kind` by its header in either language. */
export function kindColumnFor(kind: Exclude<SheetKind, "logins">, header: string): SheetColumn | undefined {
  const n = normal(header);
  return KIND_COLUMNS[kind].find((c) => normal(c.en) === n || normal(c.ja) === n);
}

/**
 * The kind of a sheet without a telling name (a CSV file), by the column only that kind has. A sheet
 * of none of these is read as logins (the first and commonest kind), whose reader names what is wrong.
 */
export function kindOfHeaders(headers: string[]): SheetKind {
  const has = (kind: Exclude<SheetKind, "logins">, key: string) => headers.some((h) => kindColumnFor(kind, h)?.key === key);
  if (has("twoStep", "method")) return "twoStep";
  if (has("devices", "deviceKind")) return "devices";
  if (has("partners", "partnerId") || has("partners", "linkSentAt")) return "partners";
  if (has("apps", "appName") || has("apps", "appId")) return "apps";
  if (has("otherAccess", "console")) return "otherAccess";
  // A logins sheet needs a store name, a role and a status. A list of people with their e-mail addresses
  // (or another column a logins sheet also knows) is still a people sheet when it lacks those: read as
  // logins it was refused for missing columns it never meant to have; read as people, the extra column is
  // named for what it is.
  const loginsColumn = (key: string) => headers.some((h) => columnFor(h)?.key === key);
  const couldBeLogins = loginsColumn("storeName") && (loginsColumn("role") || loginsColumn("status"));
  if (!couldBeLogins && has("people", "personId") && has("people", "name")) return "people";
  const loginish = headers.some((h) => !kindColumnFor("accounts", h) && !kindColumnFor("people", h));
  if (loginish) return "logins";
  if (has("people", "personId") && !has("accounts", "storeName")) return "people";
  if (has("accounts", "storeName") && !has("people", "personId")) return "accounts";
  return "logins";
}
