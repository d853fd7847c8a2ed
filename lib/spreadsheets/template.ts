import { encodeCsvRow } from "../csv";
import type { Snapshot } from "../validation/snapshot";
import type { SheetKind } from "./sheet-kinds";
import { snapshotToWorkbook } from "./snapshot-to-workbook";
import { COLUMNS } from "./logins-columns";

// The downloadable logins template: the header row in one language and two example rows (a primary
// user and an outside contractor) that import as they are. UTF-8 with a BOM, which Excel opens as UTF-8.

/**
 * The examples' seller ID: plainly a template's, and not the account form's example (A2EXAMPLE0001), so a
 * template uploaded as it is cannot land on an account someone typed in from that example.
 */
export const SAMPLE_SELLER_ID = "A0TEMPLATE0001";

const EXAMPLE: Record<"ja" | "en", Record<string, string>[]> = {
  ja: [
    { accountId: "acc-sakura", storeName: "さくら茶", sellerId: SAMPLE_SELLER_ID, region: "JP", marketplaces: "JP", plan: "大口出品", accountStatus: "有効", lastVerifiedAt: "2026/11/01",
      loginId: "l-owner", role: "プライマリーユーザー", email: "owner@sakura.example", name: "佐藤 花", external: "いいえ", company: "さくら茶株式会社", status: "有効",
      lastLoginAt: "2026/11/20", passwordChangedAt: "2026/06/01", passwordReused: "いいえ", twoStep: "テキストメッセージ:1234; 認証アプリ", "tool:USER_PERMISSIONS": "管理者" },
    { accountId: "acc-sakura", storeName: "さくら茶", sellerId: SAMPLE_SELLER_ID, loginId: "l-ito", role: "サブユーザー", email: "ito@agency.example", name: "伊藤 健",
      external: "はい", company: "ブルーエージェンシー", status: "有効", acceptedAt: "2026年10月1日", lastLoginAt: "2026/11/18", twoStep: "認証アプリ",
      "tool:ADVERTISING": "表示と編集", "tool:REPORTS": "表示", permissionMarketplace: "JP" },
  ],
  en: [
    { accountId: "acc-sakura", storeName: "Sakura Tea", sellerId: SAMPLE_SELLER_ID, region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", accountStatus: "ACTIVE", lastVerifiedAt: "2026-11-01",
      loginId: "l-owner", role: "PRIMARY", email: "owner@sakura.example", name: "Sato Hana", external: "no", company: "Sakura Tea KK", status: "ACTIVE",
      lastLoginAt: "2026-11-20", passwordChangedAt: "2026-06-01", passwordReused: "no", twoStep: "SMS:1234; AUTHENTICATOR_APP", "tool:USER_PERMISSIONS": "ADMIN" },
    { accountId: "acc-sakura", storeName: "Sakura Tea", sellerId: SAMPLE_SELLER_ID, loginId: "l-ito", role: "SECONDARY", email: "ito@agency.example", name: "Ito Ken",
      external: "yes", company: "Blue Agency", status: "ACTIVE", acceptedAt: "2026-10-01", lastLoginAt: "2026-11-18", twoStep: "AUTHENTICATOR_APP",
      "tool:ADVERTISING": "VIEW_EDIT", "tool:REPORTS": "VIEW", permissionMarketplace: "JP" },
  ],
};

/** The template's rows: the header in `lang`, then the examples. */
export function loginsTemplateRows(lang: "ja" | "en"): string[][] {
  return [COLUMNS.map((c) => c[lang]), ...EXAMPLE[lang].map((row) => COLUMNS.map((c) => row[c.key] ?? ""))];
}

export function loginsTemplateCsv(lang: "ja" | "en"): string {
  return `\uFEFF${loginsTemplateRows(lang).map(encodeCsvRow).join("")}`;
}

/** The bulk workbook template: one example account with every kind of record, each kind on its sheet (decision 022). */
export function workbookTemplate(lang: "ja" | "en"): { kind: SheetKind; name: string; rows: string[][] }[] {
  const ja = lang === "ja";
  const example: Snapshot = {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-sato", name: ja ? "佐藤 花" : "Sato Hana", external: false, company: ja ? "さくら茶株式会社" : "Sakura Tea KK", departedAt: null },
      { id: "p-ito", name: ja ? "伊藤 健" : "Ito Ken", external: true, company: ja ? "ブルーエージェンシー" : "Blue Agency", departedAt: null },
    ],
    devices: [{ id: "d-sato-phone", kind: "PHONE", label: "iPhone 15", holderId: "p-sato", skipOtpOnBrowser: false }],
    accounts: [
      {
        id: "acc-sakura", storeName: ja ? "さくら茶" : "Sakura Tea", sellerId: SAMPLE_SELLER_ID, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-11-01",
        logins: [
          { id: "l-owner", role: "PRIMARY", email: "owner@sakura.example", personId: "p-sato", usedBy: ["p-sato"], status: "ACTIVE", invitedAt: null, acceptedAt: null, lastLoginAt: "2026-11-20",
            passwordChangedAt: "2026-06-01", passwordReused: false,
            twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-sato-phone", phoneLast4: "1234" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: null, phoneLast4: null }],
            permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] },
          { id: "l-ito", role: "SECONDARY", email: "ito@agency.example", personId: "p-ito", usedBy: ["p-ito"], status: "ACTIVE", invitedAt: null, acceptedAt: "2026-10-01", lastLoginAt: "2026-11-18",
            passwordChangedAt: null, passwordReused: false, twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: null, phoneLast4: null }],
            permissions: [{ tool: "ADVERTISING", level: "VIEW_EDIT", marketplace: "JP" }, { tool: "REPORTS", level: "VIEW", marketplace: "JP" }] },
        ],
        partners: [{ id: "ap-blue", company: ja ? "ブルーエージェンシー" : "Blue Agency", linkSentAt: "2026-09-20", acceptedAt: "2026-09-21" }],
        apps: [{ id: "app-repricer", name: "RepricerX", developer: "Repricer Inc", authorizedAt: "2025-12-01", expiresAt: "2026-12-01" }],
        otherAccess: [{ personId: "p-ito", console: "ADS", role: "ADMIN" }],
      },
    ],
  };
  return snapshotToWorkbook(example, lang);
}
