// What the "can't log in" triage reads about an account and a login: plain values, no Prisma types,
// so the ordering is a pure function of the data and the clock (lib/triage/steps.ts).

/** Every cause the checklist covers (DOMAIN.md, "Why people cannot log in"), in the order used when likelihoods tie. */
export const TRIAGE_CAUSES = [
  "suspension",
  "login-not-active",
  "lost-phone",
  "two-step-missing",
  "device-elsewhere",
  "credentials",
  "wrong-sign-in-page",
  "browser-state",
  "authenticator-app",
  "inactivity",
  "takeover",
  "outage",
] as const;
export type TriageCause = (typeof TRIAGE_CAUSES)[number];

/** Why a step sits where it does: each names the fact it was read from (rendered by lib/i18n's triage messages). */
export const TRIAGE_REASONS = [
  "accountSuspended",
  "accountDeactivated",
  "loginDisabled",
  "loginRemoved",
  "loginInvited",
  "singlePhone",
  "primarySinglePhone",
  "onePhoneOnly",
  "phoneWithBackup",
  "noMethods",
  "primaryNoMethods",
  "noMethodsOnAccount",
  "preTwoStep",
  "deviceHolderDeparted",
  "deviceHeldByOther",
  "passwordRecentlyChanged",
  "sharedLogin",
  "regionHost",
  "regionUnknown",
  "trustedBrowser",
  "onlyApp",
  "appWithOthers",
  "dormant",
  "quiet",
  "neverSignedIn",
  "noSignInRecorded",
  "holderDeparted",
  "passwordReused",
  "dormantTarget",
] as const;
export type TriageReasonId = (typeof TRIAGE_REASONS)[number];

export interface TriageAccountFacts {
  region: string;
  marketplaces: readonly string[];
  status: "ACTIVE" | "SUSPENDED" | "DEACTIVATED";
  /** The latest recorded sign-in on any of the account's logins. */
  lastLoginAt: Date | null;
  /** For the account as a whole: the primary login's 2SV methods (null = no primary login recorded). */
  primaryMethods?: readonly TriageMethodFacts[] | null;
  /** Active logins, and how many of them have no 2SV method recorded. */
  activeLogins?: number;
  activeLoginsWithoutTwoStep?: number;
}

export interface TriageMethodFacts {
  kind: "SMS" | "VOICE" | "AUTHENTICATOR_APP";
  role: "PRIMARY" | "BACKUP";
  /** Last four digits only: a full number is never stored. */
  phoneLast4: string | null;
  label: string | null;
  deviceId: string | null;
  deviceLabel: string | null;
  /** Who holds the device; null = not recorded. */
  holderName: string | null;
  /** The holder is the login's own person (null when no holder is recorded). */
  holderIsLoginPerson: boolean | null;
  holderDeparted: boolean;
  skipOtpOnBrowser: boolean;
}

export interface TriageLoginFacts {
  email: string | null;
  role: "PRIMARY" | "SECONDARY";
  status: "INVITED" | "ACTIVE" | "DISABLED" | "REMOVED";
  personName: string;
  personDeparted: boolean;
  /** People recorded as using the login (its owner included). */
  usedBy: number;
  invitedAt: Date | null;
  acceptedAt: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  passwordReused: boolean;
  methods: readonly TriageMethodFacts[];
}

export type TriageParams = Record<string, string | number>;

export interface TriageReason {
  id: TriageReasonId;
  params: TriageParams;
}

export interface TriageStep {
  id: TriageCause;
  /** Higher = more likely from this data; the list is sorted by it. */
  score: number;
  likelihood: "high" | "medium" | "low";
  /** Facts of this account or login that make the step more (or less) likely; empty = the general advice. */
  reasons: TriageReason[];
  /** Values the step's own text shows (e.g. the sign-in URL). */
  params: TriageParams;
}
