// What a seller sees in their own portal (words about their shop, not an agency's portfolio), the
// account page on a phone, and the overview's rule headers.
export const ja = {
  "portal.overviewTitle": "自社の出品用アカウントの概要",
  "portal.overviewScore": "出品用アカウントのスコア",
  "portal.trendLabel": "出品用アカウントのスコア推移：{from} は {first}、{to} は {last}",
  "portal.bannerShop": "{agency} が管理している、貴社の出品用アカウントです。誰がアクセスできるかを確認し、判断を記録できます。",
  "account.permissionsScroll": "横にスクロールすると、ほかのツールの列も表示されます →",
  "account.permissionsRegion": "ユーザー権限の表（横にスクロールできます）",
} as const;

export const en: Record<keyof typeof ja, string> = {
  "portal.overviewTitle": "Your seller accounts at a glance",
  "portal.overviewScore": "Your accounts' score",
  "portal.trendLabel": "Your accounts' score trend: {first} on {from}, {last} on {to}",
  "portal.bannerShop": "These are your seller accounts, managed by {agency}. Review who can reach them and record your decisions.",
  "account.permissionsScroll": "Scroll sideways for more tools →",
  "account.permissionsRegion": "User permissions table (scrolls sideways)",
};
