import { ja } from "@/lib/i18n/messages/ja";
import { nameSaysCompany } from "@/lib/people/person-label";
import { TOOL_CATALOGUE } from "./tools";
import type { EvidenceData, RuleId } from "./types";

// Japanese evidence, rendered from a finding's raw facts (evidenceData) so the Japanese interface
// does not show the engine's English sentence. `name` turns an id into a person's, device's or
// login's label (the caller looks them up); lists arrive as comma-separated ids.

type Name = (id: string) => string;

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const list = (v: unknown, name: Name) => str(v).split(",").map((s) => s.trim()).filter(Boolean).map(name).join("、");
const login = (d: EvidenceData) => `${d.role === "PRIMARY" ? "プライマリーユーザー" : "サブユーザー"}のログイン ${str(d.email) || "（メール不明）"}`;
const LOGIN_STATUS: Record<string, string> = { INVITED: "招待中", ACTIVE: "有効", DISABLED: "無効", REMOVED: "削除済み" };
const KIND: Record<string, string> = { SMS: "SMS", VOICE: "音声通話", AUTHENTICATOR_APP: "認証アプリ" };
/** A person's company, or what CONTRACTOR_AS_USER has always said when none is recorded (never empty brackets). */
const company = (d: EvidenceData) => str(d.company) || "会社不明";
/**
 * An outsider by name and company, then `particle`: the company is not said twice when the name says it ("Blue Ocean
 * Ads (shared)" of Blue Ocean Ads, decision 096), and a name that ends the phrase keeps a space before the particle.
 */
const outsider = (d: EvidenceData, name: Name, particle: string) => {
  const named = name(str(d.personId));
  return nameSaysCompany(named, str(d.company)) ? `${named} ${particle}` : `${named}（${company(d)}）${particle}`;
};

// Tools, levels, consoles and their roles by the names the rest of the Japanese interface shows (the tool
// catalogue, the permission table's level names, the other-access section), not the engine's ids.
const TOOL_JA = new Map<string, string>(TOOL_CATALOGUE.tools.map((tool) => [tool.id, tool.nameJa]));
const catalogue = ja as Record<string, string>;
const LEVEL_JA = (level: string) => catalogue[`level.${level}`] ?? level;
const CONSOLE_JA: Record<string, string> = { "Amazon Ads": ja["console.ADS"], "Brand Registry": ja["console.BRAND_REGISTRY"] };
const OTHER_ROLE_JA = (role: string) => catalogue[`otherRole.${role}`] ?? role;

/** The rules' grant list ("USER_PERMISSIONS:VIEW_EDIT, PAYMENTS@JP:VIEW") as "ユーザー権限: 表示と編集、支払い（JP）: 表示". */
export function grantsJa(grants: unknown): string {
  return str(grants).split(",").map((s) => s.trim()).filter(Boolean).map((entry) => {
    const match = /^([A-Z0-9_]+)(?:@([A-Z0-9_-]+))?:([A-Z_]+)$/.exec(entry);
    if (!match) return entry;
    const [, tool, marketplace, level] = match;
    return `${TOOL_JA.get(tool) ?? tool}${marketplace ? `（${marketplace}）` : ""}: ${LEVEL_JA(level)}`;
  }).join("、");
}

/** LEFTOVER_ACCESS's console list ("Amazon Ads (ADMIN), Brand Registry (VIEWER)") as "Amazon広告（管理者）、ブランド登録（閲覧者）". */
export function consolesJa(consoles: unknown): string {
  return str(consoles).split(/,\s*(?=Amazon Ads \(|Brand Registry \()/).map((s) => s.trim()).filter(Boolean).map((entry) => {
    const match = /^(Amazon Ads|Brand Registry) \((.*)\)$/.exec(entry);
    return match ? `${CONSOLE_JA[match[1]]}（${OTHER_ROLE_JA(match[2])}）` : entry;
  }).join("、");
}

const TEMPLATES: Record<RuleId, (d: EvidenceData, name: Name) => string> = {
  NO_2SV: (d) => `${login(d)} に2段階認証の手段が一つもありません`,
  SINGLE_2SV_METHOD: (d, n) => `${login(d)} の2段階認証は ${KIND[str(d.methodKind)] ?? str(d.methodKind)}${d.deviceId ? `（端末: ${n(str(d.deviceId))}）` : ""} の一つだけで、バックアップ手段がありません`,
  PRIMARY_NO_BACKUP: (d) => `${login(d)} に2段階認証のバックアップ手段がありません（手段 ${str(d.methodCount)} 件）`,
  SMS_ONLY: (d) => `${login(d)} の2段階認証はすべて電話（${str(d.methodKinds).split(",").map((k) => KIND[k.trim()] ?? k.trim()).join("、")}）で、認証アプリがありません`,
  SHARED_2SV_DEVICE: (d, n) => `端末 ${n(str(d.deviceId))}（所持者: ${d.holderId ? n(str(d.holderId)) : "不明"}）が、${list(d.people, n)} のログインの2段階認証に使われています`,
  OTP_SKIP_ON_SHARED_DEVICE: (d, n) => `端末 ${n(str(d.deviceId))} では「このブラウザでコードを要求しない」が使われており、${list(d.people, n)} のログインで共有されています`,
  STALE_PASSWORD: (d) => `${login(d)} のパスワードは ${str(d.passwordChangedAt)} から ${str(d.ageDays)} 日間変更されていません（しきい値 ${str(d.thresholdDays)} 日）`,
  PASSWORD_REUSED: (d) => `${login(d)} のパスワードが他でも使われていると申告されています`,
  SHARED_PRIMARY_LOGIN: (d, n) => `${login(d)}（${n(str(d.personId))}）を ${list(d.otherUsers, n)} も使っています`,
  DORMANT_USER: (d) => (d.lastLoginAt ? `${login(d)} は ${str(d.lastLoginAt)} から ${str(d.ageDays)} 日間ログインしていません` : `${login(d)} は承認から ${str(d.ageDays)} 日間一度もログインしていません`),
  STALE_INVITE: (d) => `${login(d)} への招待は ${str(d.invitedAt)} に送られ、${str(d.ageDays)} 日間承認されていません`,
  EXTERNAL_ADMIN: (d, n) => `外部の ${outsider(d, n, "の")} ${login(d)} が管理者権限を持っています（${grantsJa(d.grants)}）`,
  TOO_MANY_ADMINS: (d, n) => `管理できる人が ${str(d.adminCount)} 人います（上限 ${str(d.maxAdmins)} 人）: ${list(d.admins, n)}`,
  OFFBOARDED_STILL_ACTIVE: (d, n) => `${n(str(d.personId))} は ${str(d.departedAt)} に退職済み（${str(d.daysSinceDeparture)} 日前）ですが、${login(d)} が有効なままです`,
  DORMANT_ACCOUNT: (d) => (d.lastLoginAt ? `このアカウントへの最後のログインは ${str(d.lastLoginAt)}（${str(d.ageDays)} 日前）です`
    : d.noLogins ? "このアカウントのログインがまだ登録されていないため、ログインの有無を確認できません" : "このアカウントへのログインの記録がありません"),
  APP_AUTH_EXPIRING: (d) => {
    const days = Number(d.daysToExpiry);
    return days < 0 ? `アプリ「${str(d.appName)}」の認証は ${str(d.expiresAt)} に期限切れになっています（${-days} 日前）` : `アプリ「${str(d.appName)}」の認証は ${str(d.expiresAt)} に期限切れになります（あと ${days} 日）`;
  },
  SUSPENDED: (d) => `アカウントの状態が「${d.status === "DEACTIVATED" ? "閉鎖" : "停止"}」です`,
  INDIVIDUAL_PLAN_MULTI_USER: (d, n) => `小口出品のアカウントを ${str(d.peopleCount)} 人が使っています: ${list(d.people, n)}`,
  // The company is a predicate here ("…は外部の人（会社）です"), but said once all the same (decision 099).
  PRIMARY_HELD_BY_OUTSIDER: (d, n) => {
    const named = n(str(d.personId));
    return `${login(d)} の使用者 ${named} は${d.departed ? "退職済み" : nameSaysCompany(named, str(d.company)) ? "外部の人" : `外部の人（${company(d)}）`}です`;
  },
  SINGLE_ADMIN: (d, n) => `管理できる人が ${d.adminPersonId ? n(str(d.adminPersonId)) : "1人"} だけです`,
  EXTERNAL_SENSITIVE_ACCESS: (d, n) => `外部の ${outsider(d, n, "の")} ${login(d)} が重要な設定にアクセスできます（${grantsJa(d.grants)}）`,
  CONTRACTOR_AS_USER: (d, n) => `外部の ${outsider(d, n, "が")}サブユーザーとして追加されていますが、認定パートナーではありません`,
  STALE_PARTNER_LINK: (d) => `${str(d.company)} への認定パートナーの招待リンクは ${str(d.linkSentAt)} に送られ、${str(d.ageDays)} 日間承認されていません`,
  LEFTOVER_ACCESS: (d, n) => `${n(str(d.personId))} は${d.departed ? "退職済みですが" : "このアカウントに有効なログインがありませんが"}、${consolesJa(d.consoles)} へのアクセスが残っています`,
  NO_ACTIVE_PRIMARY: (d) => {
    if (Number(d.primaryCount) === 0) return "この有効なアカウントにはプライマリーユーザーのログインが登録されていません";
    const status = (code: string) => LOGIN_STATUS[code] ?? code;
    if (Number(d.primaryCount) === 1) return `${login(d)} が「${status(str(d.loginStatus))}」で、有効なプライマリーユーザーのログインがありません`;
    const each = str(d.primaryLogins).split(",").filter(Boolean).map((entry) => `${entry.split(":")[0]}（${status(entry.split(":")[1])}）`);
    return `有効なプライマリーユーザーのログインがありません: ${each.join("、")}`;
  },
  UNVERIFIED_DATA: (d) => (d.lastVerifiedAt ? `アクセス情報が最後に確認されたのは ${str(d.lastVerifiedAt)}（${str(d.ageDays)} 日前）です` : "アクセス情報が一度も確認されていません"),
};

export function evidenceJa(rule: string, data: EvidenceData, name: Name): string | null {
  const template = TEMPLATES[rule as RuleId];
  return template ? template(data, name) : null;
}

/** The evidence keys that hold ids (one, or a comma-separated list); the account page's statement reads the same. */
export const EVIDENCE_ID_KEYS = ["personId", "deviceId", "holderId", "adminPersonId", "people", "otherUsers", "admins"] as const;

/** Every id an evidence payload mentions, for the caller to look up labels in one go. */
export function evidenceIds(data: EvidenceData): string[] {
  const ids = new Set<string>();
  for (const key of EVIDENCE_ID_KEYS) {
    for (const id of str(data[key]).split(",")) if (id.trim()) ids.add(id.trim());
  }
  return [...ids];
}
