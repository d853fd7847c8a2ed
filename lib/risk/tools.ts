/**
 * The Seller Central tool catalogue as versioned data: Amazon renames and adds tools, so a new
 * catalogue version is a data change, not a code change. Japanese names follow Seller Central (Japan)
 * where DOMAIN.md records them; the others are our best rendering.
 */

export type ToolScope = "GLOBAL" | "MARKETPLACE";

export interface ToolDefinition {
  id: string;
  group: string;
  nameEn: string;
  nameJa: string;
  scope: ToolScope;
}

export const TOOL_CATALOGUE = {
  version: "2026-11",
  tools: [
    { id: "INVENTORY", group: "INVENTORY", nameEn: "Manage Inventory", nameJa: "在庫管理", scope: "MARKETPLACE" },
    { id: "FBA", group: "INVENTORY", nameEn: "Fulfilment by Amazon", nameJa: "フルフィルメント by Amazon (FBA)", scope: "MARKETPLACE" },
    { id: "PRICING", group: "PRICING", nameEn: "Pricing", nameJa: "価格設定", scope: "MARKETPLACE" },
    { id: "ORDERS", group: "ORDERS", nameEn: "Manage Orders", nameJa: "注文管理", scope: "MARKETPLACE" },
    { id: "REFUNDS", group: "ORDERS", nameEn: "Refunds", nameJa: "返金", scope: "MARKETPLACE" },
    { id: "RETURNS", group: "ORDERS", nameEn: "Manage Returns", nameJa: "返品管理", scope: "MARKETPLACE" },
    { id: "SAFET_CLAIMS", group: "ORDERS", nameEn: "SAFE-T Claims", nameJa: "SAFE-T 申請", scope: "MARKETPLACE" },
    { id: "REPORTS", group: "REPORTS", nameEn: "Reports", nameJa: "レポート", scope: "MARKETPLACE" },
    { id: "BUSINESS_REPORTS", group: "REPORTS", nameEn: "Business Reports", nameJa: "ビジネスレポート", scope: "MARKETPLACE" },
    { id: "PAYMENTS", group: "REPORTS", nameEn: "Payments", nameJa: "ペイメント", scope: "MARKETPLACE" },
    { id: "PERFORMANCE", group: "PERFORMANCE", nameEn: "Account Health", nameJa: "アカウント健全性", scope: "MARKETPLACE" },
    { id: "ADVERTISING", group: "ADVERTISING", nameEn: "Campaign Manager", nameJa: "広告キャンペーンマネージャー", scope: "MARKETPLACE" },
    { id: "A_PLUS_CONTENT", group: "ADVERTISING", nameEn: "A+ Content", nameJa: "商品紹介コンテンツ", scope: "MARKETPLACE" },
    { id: "COUPONS", group: "ADVERTISING", nameEn: "Coupons", nameJa: "クーポン", scope: "MARKETPLACE" },
    { id: "DEALS", group: "ADVERTISING", nameEn: "Deals", nameJa: "タイムセール", scope: "MARKETPLACE" },
    { id: "PROMOTIONS", group: "ADVERTISING", nameEn: "Promotions", nameJa: "プロモーション管理", scope: "MARKETPLACE" },
    { id: "VINE", group: "ADVERTISING", nameEn: "Vine", nameJa: "Amazon Vine", scope: "MARKETPLACE" },
    { id: "MEDIA_UPLOAD", group: "MEDIA_UPLOAD", nameEn: "Media Upload", nameJa: "メディアアップロード", scope: "GLOBAL" },
    { id: "STORE_DESIGN", group: "STORE_DESIGN", nameEn: "Store Design", nameJa: "ストアデザイン", scope: "MARKETPLACE" },
    { id: "BRAND_ANALYTICS", group: "REPORTS", nameEn: "Brand Analytics", nameJa: "ブランド分析", scope: "MARKETPLACE" },
    { id: "USER_PERMISSIONS", group: "SETTINGS", nameEn: "User Permissions", nameJa: "ユーザー権限", scope: "GLOBAL" },
    { id: "LOGIN_SETTINGS", group: "SETTINGS", nameEn: "Login Settings", nameJa: "ログイン設定", scope: "GLOBAL" },
    { id: "DEPOSIT_METHODS", group: "SETTINGS", nameEn: "Deposit Methods", nameJa: "入金方法", scope: "GLOBAL" },
    { id: "ACCOUNT_INFO", group: "SETTINGS", nameEn: "Account Info", nameJa: "出品用アカウント情報", scope: "GLOBAL" },
    { id: "MANAGE_APPS", group: "SETTINGS", nameEn: "Manage Your Apps", nameJa: "アプリを管理", scope: "GLOBAL" },
    { id: "AUTHORIZED_PARTNERS", group: "SETTINGS", nameEn: "Authorized Partners", nameJa: "認定パートナー", scope: "GLOBAL" },
  ],
} as const satisfies { version: string; tools: readonly ToolDefinition[] };

export type ToolId = (typeof TOOL_CATALOGUE.tools)[number]["id"];

export const TOOL_IDS = TOOL_CATALOGUE.tools.map((tool) => tool.id) as [ToolId, ...ToolId[]];

/** Tools whose access lets someone redirect money or lock the owner out (EXTERNAL_SENSITIVE_ACCESS). */
export const SENSITIVE_TOOLS: readonly ToolId[] = ["PAYMENTS", "DEPOSIT_METHODS", "LOGIN_SETTINGS", "ACCOUNT_INFO"];

const SENSITIVE = new Set<string>(SENSITIVE_TOOLS);

export function isSensitiveTool(tool: string): boolean {
  return SENSITIVE.has(tool);
}

export interface ToolChoice { id: string; name: string; scope: ToolScope }

const CHOICES = new Map<"ja" | "en", ToolChoice[]>();

/**
 * The catalogue as a permission form's rows, in one language. Static per locale, so a client form imports it
 * rather than the page sending it in its flight (decision 057: ≈ 1.8 kB of the account page's inline flight).
 */
export function toolChoices(locale: "ja" | "en"): ToolChoice[] {
  let choices = CHOICES.get(locale);
  if (!choices) CHOICES.set(locale, (choices = TOOL_CATALOGUE.tools.map((tool) => ({ id: tool.id, name: locale === "ja" ? tool.nameJa : tool.nameEn, scope: tool.scope }))));
  return choices;
}
