import type { DayNumber } from "../dates";
import type { DeviceUsage } from "./device-usage";
import type { Login, Person, RiskSettings, SellerAccount, Snapshot } from "../validation/snapshot";

export type Severity = "critical" | "high" | "medium" | "low";

/** Highest first: the order findings are listed in. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export const RULE_IDS = [
  "NO_2SV",
  "SINGLE_2SV_METHOD",
  "PRIMARY_NO_BACKUP",
  "SMS_ONLY",
  "SHARED_2SV_DEVICE",
  "STALE_PASSWORD",
  "PASSWORD_REUSED",
  "SHARED_PRIMARY_LOGIN",
  "DORMANT_USER",
  "STALE_INVITE",
  "EXTERNAL_ADMIN",
  "TOO_MANY_ADMINS",
  "OFFBOARDED_STILL_ACTIVE",
  "DORMANT_ACCOUNT",
  "APP_AUTH_EXPIRING",
  "OTP_SKIP_ON_SHARED_DEVICE",
  "SUSPENDED",
  "INDIVIDUAL_PLAN_MULTI_USER",
  "PRIMARY_HELD_BY_OUTSIDER",
  "SINGLE_ADMIN",
  "EXTERNAL_SENSITIVE_ACCESS",
  "CONTRACTOR_AS_USER",
  "STALE_PARTNER_LINK",
  "LEFTOVER_ACCESS",
  "UNVERIFIED_DATA",
  "NO_ACTIVE_PRIMARY",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type SubjectType = "account" | "login" | "device" | "person" | "partner" | "app";

export interface LocalizedText {
  ja: string;
  en: string;
}

export type EvidenceData = Record<string, string | number | boolean | null>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  accountId: string;
  subject: { type: SubjectType; id: string };
  /** Concrete English sentence, e.g. "password changed 212 days ago on 2026-04-25". */
  evidence: string;
  /** The raw facts behind `evidence`, so a UI can phrase them in Japanese. */
  evidenceData: EvidenceData;
  remediation: LocalizedText;
}

/** Lookups built once per evaluation and shared by every account. */
export interface SnapshotIndex {
  snapshot: Snapshot;
  asOf: DayNumber;
  settings: RiskSettings;
  /**
   * The person if external or with a departure date, else undefined. Most rules only care about those,
   * and a small map of them avoids a lookup among all people for every login.
   */
  notablePerson(personId: string): Person | undefined;
  /** Any person by id (for naming people in evidence). */
  person(personId: string): Person | undefined;
  /** UTC day of a (validated) date string. */
  day(date: string): DayNumber;
  /** asOf minus the date, or null when the date is unknown. */
  age(date: string | null): number | null;
  /** Whether the person has a departedAt on or before asOf. */
  isDeparted(personId: string): boolean;
  /** People and accounts of every device that is a 2SV method of two or more people; built on first use. */
  sharedDevices(): Map<string, DeviceUsage>;
}

export interface AccountContext extends SnapshotIndex {
  account: SellerAccount;
  /** The account's logins with status ACTIVE, in order: what most login rules look at. */
  activeLogins: Login[];
  /**
   * The active logins whose person is external or has a departure date (see notablePerson), in order: the
   * only ones the rules about outsiders and leavers need to look at.
   */
  notableLogins: Login[];
  /** Distinct personIds of admin logins (see admin.ts), in first-seen order. */
  adminPeople(): string[];
}

interface RuleBase {
  id: RuleId;
  /** A fixed severity, or the function that grades one finding (e.g. by age). */
  severity: Severity | ((...args: never[]) => Severity | null);
}

export interface AccountRule extends RuleBase {
  scope: "account";
  /** Appends the account's findings to `findings` (the account's one list: no array per rule and account). */
  evaluate(ctx: AccountContext, findings: Finding[]): void;
}

/** A finding of an organisation rule and the position of its account in `snapshot.accounts`. */
export interface AccountFinding {
  accountIndex: number;
  finding: Finding;
}

/**
 * Rules about things shared across accounts (devices); they report under every account touched. Each
 * finding comes with its account's position, so it is filed without a lookup by account id.
 */
export interface OrganisationRule extends RuleBase {
  scope: "organisation";
  evaluate(ctx: SnapshotIndex): AccountFinding[];
}

export type Rule = AccountRule | OrganisationRule;

export interface AccountResult {
  id: string;
  score: number;
  findings: Finding[];
}

export interface EvaluationResult {
  asOf: string;
  accounts: AccountResult[];
}
