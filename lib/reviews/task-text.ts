import { ruleTitle } from "@/lib/risk/catalogue";
import { signInHostFor } from "@/lib/triage/sign-in-hosts";
import type { GrantLevel, TaskKind } from "./types";

// What a remediation task tells a person to do in Seller Central, and where. The host comes from the
// triage's sign-in host table (one table of Seller Central hosts); deep paths Amazon may move are
// named in words beside a link to the host's home (DOMAIN.md).

const USER_PERMISSIONS_PATH = "/gp/account-manager/home.html";

/** The Seller Central page for a task on an account of this region and these marketplaces. */
export function taskUrlFor(kind: TaskKind, region: string, marketplaces: readonly string[]): string {
  const host = signInHostFor(region, marketplaces) ?? "sellercentral.amazon.com";
  const onUserPermissions = kind === "REMOVE_LOGIN" || kind === "REDUCE_LOGIN" || kind === "REMOVE_PARTNER";
  return `https://${host}${onUserPermissions ? USER_PERMISSIONS_PATH : "/"}`;
}

export interface TaskTextInput {
  kind: TaskKind;
  subjectLabel: string;
  target: unknown;
  ruleId?: string | null;
  note?: string | null;
}

const LEVEL_JA: Record<string, string> = { NONE: "なし", VIEW: "表示", VIEW_EDIT: "表示と編集", ADMIN: "管理者" };
const LEVEL_EN: Record<string, string> = { NONE: "None", VIEW: "View", VIEW_EDIT: "View & Edit", ADMIN: "Admin" };
const ROLE_JA: Record<string, string> = { VIEWER: "閲覧者", EDITOR: "編集者", ADMIN: "管理者" };
const ROLE_EN: Record<string, string> = { VIEWER: "Viewer", EDITOR: "Editor", ADMIN: "Admin" };

function grantsOf(target: unknown): GrantLevel[] {
  return Array.isArray((target as { levels?: unknown })?.levels) ? ((target as { levels: GrantLevel[] }).levels) : [];
}

/** The instruction, in the reader's language, exact enough to act on without opening Gatehouse. */
export function taskInstruction(task: TaskTextInput, locale: "ja" | "en"): string {
  const who = task.subjectLabel;
  const grants = grantsOf(task.target);
  const role = String((task.target as { role?: unknown } | null)?.role ?? "");
  // A finding's task names its risk as the catalogue does, in the reader's language, not by its code.
  const risk = task.ruleId ? ruleTitle(task.ruleId, locale) : "";
  const list = (names: Record<string, string>) =>
    grants.map((g) => `${g.tool}${g.marketplace ? ` (${g.marketplace})` : ""} → ${names[g.level] ?? g.level}`).join(", ");
  if (locale === "ja") {
    switch (task.kind) {
      case "REMOVE_LOGIN": return `設定 > ユーザー権限 で「${who}」のユーザーを削除（または無効化）してください。`;
      case "REDUCE_LOGIN": return `設定 > ユーザー権限 で「${who}」の権限を次のとおり下げてください: ${list(LEVEL_JA)}`;
      case "REMOVE_PARTNER": return `設定 > ユーザー権限 の「認定パートナー」タブで「${who}」のアクセスを削除してください。`;
      case "REMOVE_APP": return `アプリとサービス > アプリを管理 で「${who}」の認証を取り消してください。`;
      case "REMOVE_OTHER_ACCESS": return `Amazon広告コンソール（またはブランド登録）のユーザー管理で「${who}」のアクセスを削除してください。`;
      case "REDUCE_OTHER_ACCESS": return `Amazon広告コンソール（またはブランド登録）のユーザー管理で「${who}」の役割を「${ROLE_JA[role] ?? role}」に下げてください。`;
      case "FINDING": return `リスク「${risk}」（${who}）を解消してください。手順はアカウントページの指摘事項にあります。`;
      case "TRIAGE": return `「ログインできない」の確認結果への対応（${who}）${task.note ? `: ${task.note}` : ""}`;
    }
  }
  switch (task.kind) {
    case "REMOVE_LOGIN": return `In Settings > User Permissions, remove (or disable) the user "${who}".`;
    case "REDUCE_LOGIN": return `In Settings > User Permissions, lower the permissions of "${who}" to: ${list(LEVEL_EN)}`;
    case "REMOVE_PARTNER": return `In Settings > User Permissions, Authorized Partners tab, remove the access of "${who}".`;
    case "REMOVE_APP": return `In Apps & Services > Manage Your Apps, revoke the authorisation of "${who}".`;
    case "REMOVE_OTHER_ACCESS": return `In the Amazon Ads console (or Brand Registry) user management, remove the access of "${who}".`;
    case "REDUCE_OTHER_ACCESS": return `In the Amazon Ads console (or Brand Registry) user management, lower the role of "${who}" to ${ROLE_EN[role] ?? role}.`;
    case "FINDING": return `Resolve the risk "${risk}" (${who}); the steps are with the finding on the account page.`;
    case "TRIAGE": return `Follow up the "can't log in" triage (${who})${task.note ? `: ${task.note}` : ""}`;
  }
}
