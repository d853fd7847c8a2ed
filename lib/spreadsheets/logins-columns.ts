import { TOOL_CATALOGUE } from "../risk/tools";

// The logins spreadsheet: one row per login, its account's and person's details repeated on each row,
// one column per Seller Central tool with the login's level, and the marketplace those levels are for.
// Headers in Japanese or English (either is accepted, mixed too); keys are what the code uses.

export interface SheetColumn {
  key: string;
  en: string;
  ja: string;
}

export const BASE_COLUMNS: SheetColumn[] = [
  { key: "accountId", en: "account_id", ja: "アカウントID" },
  { key: "storeName", en: "store_name", ja: "ストア名" },
  { key: "sellerId", en: "seller_id", ja: "出品者ID" },
  { key: "region", en: "region", ja: "リージョン" },
  { key: "marketplaces", en: "marketplaces", ja: "マーケットプレイス" },
  { key: "plan", en: "plan", ja: "プラン" },
  { key: "accountStatus", en: "account_status", ja: "アカウントの状態" },
  { key: "lastVerifiedAt", en: "last_verified_at", ja: "最終確認日" },
  { key: "loginId", en: "login_id", ja: "ログインID" },
  { key: "role", en: "role", ja: "ユーザーの種類" },
  { key: "email", en: "email", ja: "Eメール" },
  { key: "personId", en: "person_id", ja: "人のID" },
  { key: "name", en: "name", ja: "氏名" },
  { key: "external", en: "external", ja: "外部" },
  { key: "company", en: "company", ja: "会社" },
  { key: "departedAt", en: "departed_at", ja: "退職日" },
  { key: "status", en: "login_status", ja: "ログインの状態" },
  { key: "invitedAt", en: "invited_at", ja: "招待日" },
  { key: "acceptedAt", en: "accepted_at", ja: "承諾日" },
  { key: "lastLoginAt", en: "last_login_at", ja: "最終ログイン日" },
  { key: "passwordChangedAt", en: "password_changed_at", ja: "パスワード変更日" },
  { key: "passwordReused", en: "password_reused", ja: "パスワード使い回し" },
  { key: "twoStep", en: "two_step", ja: "2段階認証" },
  { key: "usedBy", en: "used_by", ja: "利用者" },
  { key: "permissionMarketplace", en: "permission_marketplace", ja: "権限のマーケットプレイス" },
];

export const TOOL_COLUMNS: SheetColumn[] = TOOL_CATALOGUE.tools.map((t) => ({ key: `tool:${t.id}`, en: t.id, ja: t.nameJa }));

export const COLUMNS: SheetColumn[] = [...BASE_COLUMNS, ...TOOL_COLUMNS];

const normal = (header: string) => header.normalize("NFKC").trim().toLowerCase().replace(/[\s-]+/g, "_");
const BY_HEADER = new Map<string, SheetColumn>();
for (const c of COLUMNS) {
  BY_HEADER.set(normal(c.en), c);
  BY_HEADER.set(normal(c.ja), c);
}

export function columnFor(header: string): SheetColumn | undefined {
  return BY_HEADER.get(normal(header));
}

/**
 * A header that names something Gatehouse must never store (a password, an OTP secret, a recovery
 * code): such a file is refused whole, and the cells are never read.
 */
export function looksSecret(header: string): boolean {
  return /pass(word|wd)?|パスワード|暗証|otp|ワンタイム|secret|シークレット|seed|recovery|リカバリ|復旧|backup.?code|バックアップコード|totp|2fa.?key|認証キー/i.test(header.normalize("NFKC"));
}
