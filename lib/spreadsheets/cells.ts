import { isValidDate } from "../dates";
import { PHONE_LAST4_PATTERN } from "../validation/text-rules";

// Cell values as people type them in Excel, in Japanese or English, turned into snapshot values.
// Each reader returns the value, or undefined when the cell cannot be read (the caller reports it).

// NFKC leaves ASCII as it is: most cells skip the (costly) normalisation.
// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included, is its own NFKC form
const ASCII = /^[\x00-\x7f]*$/;
const normal = (value: string) => (ASCII.test(value) ? value : value.normalize("NFKC")).trim();

/** ISO dates and timestamps, `2026/04/01`, `2026/4/1`, `2026年4月1日`, `2026-4-1`; empty = null. */
export function readDate(value: string): string | null | undefined {
  const v = normal(value);
  if (v === "") return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return isValidDate(v) ? v : undefined;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return isValidDate(date) ? date : undefined;
}

const TRUE = new Set(["true", "yes", "y", "1", "はい", "○", "◯", "✓", "x"]);
const FALSE = new Set(["false", "no", "n", "0", "いいえ", "×", "-", ""]);

export function readBoolean(value: string): boolean | undefined {
  const v = normal(value).toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

/** One of `values`, by its code (any case) or one of its labels. */
export function readChoice<T extends string>(value: string, labels: Record<T, readonly string[]>): T | undefined {
  const v = normal(value);
  // The code itself, as most files write it (no label of one code spells another code).
  if (Object.hasOwn(labels, v)) return v as T;
  for (const [code, names] of Object.entries(labels) as [T, readonly string[]][]) {
    if (v.toUpperCase() === code || v.toUpperCase().replace(/[ &]+/g, "_") === code || names.includes(v)) return code;
  }
  return undefined;
}

export const PLAN = { PROFESSIONAL: ["大口出品", "大口"], INDIVIDUAL: ["小口出品", "小口"] } as const;
export const ACCOUNT_STATUS = { ACTIVE: ["有効"], SUSPENDED: ["停止"], DEACTIVATED: ["閉鎖"] } as const;
export const LOGIN_ROLE = { PRIMARY: ["プライマリーユーザー", "プライマリー", "アカウント管理者"], SECONDARY: ["サブユーザー"] } as const;
export const LOGIN_STATUS = { INVITED: ["招待中"], ACTIVE: ["有効"], DISABLED: ["無効"], REMOVED: ["削除済み", "削除"] } as const;
export const LEVEL = { NONE: ["なし"], VIEW: ["表示"], VIEW_EDIT: ["表示と編集", "View & Edit"], ADMIN: ["管理者"] } as const;
export const METHOD = { SMS: ["テキストメッセージ", "テキストメッセージ(SMS)"], VOICE: ["音声通話"], AUTHENTICATOR_APP: ["認証アプリ", "APP"] } as const;

/** A label an English reader can read: printable ASCII only. */
const LATIN = /^[ -~]+$/;

/** The accepted values said to a reader, in each language's message (`{accepted}` in English, `{acceptedJa}` in Japanese). */
export type AcceptedVars = { accepted: string; acceptedJa: string };

/**
 * The values a choice column takes, for the problem that names a value it does not: each code, with its first
 * Japanese label for a Japanese reader and its English label, if it has one, for an English reader (both are
 * read in any cell; an English reader is not sent a list of Japanese words).
 */
export function acceptedChoices(labels: Record<string, readonly string[]>): AcceptedVars {
  const entries = Object.entries(labels);
  return {
    accepted: entries.map(([code, names]) => { const en = names.find((n) => LATIN.test(n)); return en ? `${code} (${en})` : code; }).join(", "),
    acceptedJa: entries.map(([code, names]) => (names[0] ? `${code} (${names[0]})` : code)).join(", "),
  };
}

/** What a yes/no column takes (readBoolean), for its problem. */
export const ACCEPTED_BOOLEAN: AcceptedVars = { accepted: "yes / no, true / false, 1 / 0", acceptedJa: "はい / いいえ, ○ / ×, yes / no, true / false, 1 / 0" };

/**
 * A phone cell as its last four digits (Gatehouse never stores a whole number): empty = null (unknown);
 * undefined when it holds fewer than four digits ("12", "不明"), which is a typo to refuse, not to drop.
 */
export function readPhoneLast4(value: string): string | null | undefined {
  const v = normal(value);
  if (v === "") return null;
  const last4 = v.replace(/\D/g, "").slice(-4);
  return PHONE_LAST4_PATTERN.test(last4) ? last4 : undefined;
}

/** A list typed in one cell: separated by commas, spaces, 、 or new lines. */
export function readList(value: string): string[] {
  return normal(value).split(/[\s,、;]+/).filter(Boolean);
}

/**
 * 2SV methods in one cell, e.g. `SMS:090-1234-5678; 認証アプリ`: the first is the primary method, the
 * others backups. Only the last 4 digits of a phone number are kept (Gatehouse never stores a full one).
 */
export function readTwoStep(value: string): { kind: keyof typeof METHOD; role: "PRIMARY" | "BACKUP"; phoneLast4: string | null }[] | undefined {
  const items = normal(value).split(/[;\n、]+/).map((s) => s.trim()).filter(Boolean);
  // An explicit role in brackets wins over the position: "SMS:1234 (BACKUP)", "認証アプリ（バックアップ手段）".
  const roleOf = (entry: string) =>
    /[(（]\s*(BACKUP|バックアップ手段|バックアップ)\s*[)）]$/i.test(entry) ? ("BACKUP" as const) : /[(（]\s*(PRIMARY|第一手段)\s*[)）]$/i.test(entry) ? ("PRIMARY" as const) : null;
  // The first method is the primary one unless the cell names another: "SMS:1234; 認証アプリ (第一手段)".
  const primaryNamed = items.some((entry) => roleOf(entry) === "PRIMARY");
  const methods = [];
  for (const [i, entry] of items.entries()) {
    const item = entry.replace(/\s*[(（][^()（）]*[)）]$/, "");
    const [kindText, phone = ""] = item.split(/[:：]/, 2);
    const kind = readChoice(kindText, METHOD);
    const phoneLast4 = readPhoneLast4(phone);
    if (!kind || phoneLast4 === undefined) return undefined;
    methods.push({ kind, role: roleOf(entry) ?? (i === 0 && !primaryNamed ? ("PRIMARY" as const) : ("BACKUP" as const)), phoneLast4 });
  }
  return methods;
}
