import type { LocalizedText, RuleId } from "./types";

export interface RuleText {
  title: LocalizedText;
  description: LocalizedText;
  /** How severe a finding is; two rules grade by age, hence a label rather than one value. */
  severityLabel: LocalizedText;
}

const t = (en: string, ja: string): LocalizedText => ({ en, ja });

/** Short titles and one-line descriptions for lists and filters; the remediation lives in remediation.ts. */
export const RULE_TEXTS: Readonly<Record<RuleId, RuleText>> = {
  NO_2SV: { title: t("No 2-Step Verification", "2段階認証が未設定"), description: t("An active login has no 2SV method.", "有効なログインに2段階認証の手段が一つもありません。"), severityLabel: t("critical", "緊急") },
  SINGLE_2SV_METHOD: { title: t("Only one 2SV method", "2段階認証の手段が一つだけ"), description: t("An active login has exactly one 2SV method and no backup.", "有効なログインの2段階認証の手段が一つだけで、バックアップ手段がありません。"), severityLabel: t("high", "高") },
  PRIMARY_NO_BACKUP: { title: t("Primary login without backup method", "プライマリーのバックアップ手段なし"), description: t("The primary user's login has no backup 2SV method.", "プライマリーユーザーのログインに2段階認証のバックアップ手段がありません。"), severityLabel: t("high", "高") },
  SMS_ONLY: { title: t("SMS/voice only", "SMS・音声通話のみ"), description: t("Every 2SV method of a login is SMS or voice; no authenticator app.", "ログインの2段階認証がすべてSMSまたは音声通話で、認証アプリがありません。"), severityLabel: t("medium", "中") },
  SHARED_2SV_DEVICE: { title: t("2SV device shared between people", "2段階認証の端末を複数人で共有"), description: t("One device is the 2SV method of several people's logins.", "一台の端末が複数の人のログインの2段階認証に使われています。"), severityLabel: t("high", "高") },
  STALE_PASSWORD: { title: t("Old primary password", "プライマリーのパスワードが古い"), description: t("The primary login's password has not been changed for a long time.", "プライマリーログインのパスワードが長期間変更されていません。"), severityLabel: t("medium from 90 days, high from 180 days", "90日以上で中、180日以上で高") },
  PASSWORD_REUSED: { title: t("Password reused", "パスワードの使い回し"), description: t("The login's password is attested to be used elsewhere.", "このログインのパスワードが他でも使われていると申告されています。"), severityLabel: t("high", "高") },
  SHARED_PRIMARY_LOGIN: { title: t("Primary login shared", "プライマリーログインを共有"), description: t("People other than the owner use the primary login.", "所有者以外の人がプライマリーログインを使っています。"), severityLabel: t("critical", "緊急") },
  DORMANT_USER: { title: t("Dormant secondary user", "使われていないサブユーザー"), description: t("An active secondary user has not logged in for a long time, or never since accepting.", "有効なサブユーザーが長期間ログインしていない、または承認後一度もログインしていません。"), severityLabel: t("medium", "中") },
  STALE_INVITE: { title: t("Stale invitation", "放置された招待"), description: t("An invitation has been pending for too long.", "招待が長期間承認されないままです。"), severityLabel: t("low", "低") },
  EXTERNAL_ADMIN: { title: t("External admin", "外部ユーザーが管理者"), description: t("An external user can administer the account.", "外部のユーザーがアカウントの管理者権限を持っています。"), severityLabel: t("high", "高") },
  TOO_MANY_ADMINS: { title: t("Too many admins", "管理者が多すぎる"), description: t("More people can administer the account than the limit allows.", "アカウントを管理できる人が上限を超えています。"), severityLabel: t("medium", "中") },
  OFFBOARDED_STILL_ACTIVE: { title: t("Departed person still active", "退職者のログインが有効"), description: t("A person marked as departed still holds an active login.", "退職済みの人のログインが有効なままです。"), severityLabel: t("critical", "緊急") },
  DORMANT_ACCOUNT: { title: t("Dormant account", "使われていないアカウント"), description: t("Nobody has logged in to the account for a long time (freeze or lock-out risk).", "長期間だれもログインしておらず、凍結やログイン不能の恐れがあります。"), severityLabel: t("high", "高") },
  APP_AUTH_EXPIRING: { title: t("App authorisation expiring", "アプリ認証の有効期限"), description: t("An API app authorisation is about to expire or has expired.", "アプリの認証の有効期限が近いか、切れています。"), severityLabel: t("low before expiry, medium once expired", "期限前は低、期限切れは中") },
  OTP_SKIP_ON_SHARED_DEVICE: { title: t("Code skipped on a shared device", "共有端末でコード入力を省略"), description: t("\"Don't require a code on this browser\" is set on a device several people use.", "複数人が使う端末で「このブラウザではコードを要求しない」が設定されています。"), severityLabel: t("medium", "中") },
  SUSPENDED: { title: t("Account suspended or deactivated", "アカウントの停止・閉鎖"), description: t("The account's status is suspended or deactivated.", "アカウントが停止または閉鎖されています。"), severityLabel: t("critical", "緊急") },
  INDIVIDUAL_PLAN_MULTI_USER: { title: t("Individual plan used by several people", "小口出品を複数人で利用"), description: t("An Individual-plan account, which has no User Permissions, is used by more than one person.", "ユーザー権限のない小口出品のアカウントを複数の人が使っています。"), severityLabel: t("high", "高") },
  PRIMARY_HELD_BY_OUTSIDER: { title: t("Primary login held by an outsider", "プライマリーログインを外部・退職者が保有"), description: t("The primary login belongs to an external or departed person.", "プライマリーログインが外部の人または退職者のものです。"), severityLabel: t("critical", "緊急") },
  SINGLE_ADMIN: { title: t("Single admin", "管理者が一人だけ"), description: t("Only one person can administer this Professional account.", "この大口出品アカウントを管理できる人が一人しかいません。"), severityLabel: t("medium", "中") },
  EXTERNAL_SENSITIVE_ACCESS: { title: t("External access to sensitive settings", "外部ユーザーが重要な設定にアクセス可能"), description: t("An external user can see or change payment, deposit, login or account information.", "外部ユーザーがペイメント・入金方法・ログイン設定・出品用アカウント情報にアクセスできます。"), severityLabel: t("high", "高") },
  CONTRACTOR_AS_USER: { title: t("Contractor added as a secondary user", "外部業者をサブユーザーとして追加"), description: t("An external company's staff member is a secondary user instead of an Authorized Partner.", "外部企業の担当者が認定パートナーではなくサブユーザーとして追加されています。"), severityLabel: t("medium", "中") },
  STALE_PARTNER_LINK: { title: t("Stale partner link", "放置された認定パートナーのリンク"), description: t("An Authorized Partner invitation link was not accepted in time.", "認定パートナーの招待リンクが期限内に承認されていません。"), severityLabel: t("low", "低") },
  LEFTOVER_ACCESS: { title: t("Leftover Ads or Brand Registry access", "広告・ブランド登録のアクセスが残存"), description: t("Someone without Seller Central access still holds Ads or Brand Registry access.", "セラーセントラルのアクセスがない人に、広告コンソールやブランド登録のアクセスが残っています。"), severityLabel: t("high", "高") },
  UNVERIFIED_DATA: { title: t("Data not verified", "データが未確認"), description: t("Nobody has checked this account's access data against Seller Central recently.", "このアカウントのアクセス情報が最近セラーセントラルと照合されていません。"), severityLabel: t("medium", "中") },
  NO_ACTIVE_PRIMARY: { title: t("No active primary login", "有効なプライマリーユーザーがいない"), description: t("An active account has no active primary login (disabled, removed, never accepted or not recorded): nobody can grant permissions.", "有効なアカウントに有効なプライマリーユーザーのログインがありません（無効・削除・未承認・未登録）。権限を付与できる人がいません。"), severityLabel: t("critical", "緊急") },
};
