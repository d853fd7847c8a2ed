import { COMMON_WRONG_HOST, signInHostFor } from "./sign-in-hosts";
import {
  TRIAGE_CAUSES, type TriageAccountFacts, type TriageCause, type TriageLoginFacts, type TriageMethodFacts, type TriageParams, type TriageReason, type TriageStep,
} from "./types";

// The "can't log in" checklist, ordered by how likely each cause is from this account's and login's
// recorded data. Scores are coarse on purpose: a fact that points at a cause (one phone, a suspended
// account, a disabled login) lifts it above the general advice; without such facts the order is the
// practitioners' usual one (credentials, wrong sign-in page, browser, then 2SV and the rarer causes).

/** A sign-in this long ago counts as long inactivity (DORMANT_ACCOUNT's default). */
export const DORMANT_DAYS = 180;
/** A quiet login: not yet frozen, but worth checking (DORMANT_USER's default). */
export const QUIET_DAYS = 90;
/** A password changed this recently may not be known to everyone who signs in with it. */
export const RECENT_PASSWORD_DAYS = 30;
/** An accepted login that never signed in this long after accepting (DORMANT_USER's grace). */
export const NEVER_SIGNED_IN_DAYS = 30;
/** Seller Central expects an invitation to be accepted within 14 days. */
export const INVITATION_DAYS = 14;

const DAY_MS = 86_400_000;
const daysSince = (date: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));

interface Scored {
  score: number;
  reasons: TriageReason[];
  params?: TriageParams;
}
const reason = (id: TriageReason["id"], params: TriageParams = {}): TriageReason => ({ id, params });
/** The strongest trigger sets the score; every trigger is named. */
const strongest = (base: number, triggers: [number, TriageReason][], params?: TriageParams): Scored => ({
  score: Math.max(base, ...triggers.map(([s]) => s)),
  reasons: triggers.sort((a, b) => b[0] - a[0]).map(([, r]) => r),
  ...(params ? { params } : {}),
});

const isPhone = (m: TriageMethodFacts) => m.kind === "SMS" || m.kind === "VOICE";
/** One phone may carry both an SMS and a voice method: count phones, by device, else by last digits. */
function distinctPhones(methods: readonly TriageMethodFacts[]): string[] {
  return [...new Set(methods.filter(isPhone).map((m) => m.deviceId ?? (m.phoneLast4 ? `#${m.phoneLast4}` : `?${m.label ?? ""}`)))];
}
const phoneName = (m: TriageMethodFacts) => m.phoneLast4 ?? m.deviceLabel ?? m.label ?? "—";

type Rule = (account: TriageAccountFacts, login: TriageLoginFacts | null, now: Date) => Scored | null;

const RULES: Record<TriageCause, Rule> = {
  suspension: (account) => {
    if (account.status === "SUSPENDED") return { score: 100, reasons: [reason("accountSuspended")] };
    if (account.status === "DEACTIVATED") return { score: 100, reasons: [reason("accountDeactivated")] };
    return { score: 10, reasons: [] };
  },

  "login-not-active": (_, login, now) => {
    if (!login || login.status === "ACTIVE") return null;
    if (login.status === "INVITED") return { score: 95, reasons: [reason("loginInvited", { days: login.invitedAt ? daysSince(login.invitedAt, now) : "—", limit: INVITATION_DAYS })] };
    return { score: 95, reasons: [reason(login.status === "DISABLED" ? "loginDisabled" : "loginRemoved")] };
  },

  "lost-phone": (account, login) => {
    if (!login) {
      // The account as a whole: the primary login is the one nobody else can replace.
      const phones = account.primaryMethods?.filter(isPhone) ?? [];
      const alone = phones.length > 0 && distinctPhones(account.primaryMethods!).length === 1 && phones.length === account.primaryMethods!.length;
      return alone ? { score: 85, reasons: [reason("primarySinglePhone", { last4: phoneName(phones[0]) })], params: { last4: phoneName(phones[0]) } } : { score: 25, reasons: [] };
    }
    const phones = login.methods.filter(isPhone);
    if (phones.length === 0) return null;
    const distinct = distinctPhones(login.methods);
    const others = login.methods.filter((m) => !isPhone(m));
    if (distinct.length === 1 && others.length === 0) {
      const params = { last4: phoneName(phones[0]), count: phones.length };
      return { score: 92, reasons: [reason(phones.length === 1 ? "singlePhone" : "onePhoneOnly", params)], params };
    }
    return { score: 25, reasons: [reason("phoneWithBackup", { count: login.methods.length - 1 })], params: { last4: phoneName(phones[0]) } };
  },

  "two-step-missing": (account, login, now) => {
    if (login && login.methods.length === 0) {
      const last = login.lastLoginAt ?? account.lastLoginAt;
      const old = !last || daysSince(last, now) >= DORMANT_DAYS;
      return { score: 90, reasons: [reason("noMethods"), ...(old ? [reason("preTwoStep")] : [])] };
    }
    if (!login) {
      const old = !account.lastLoginAt || daysSince(account.lastLoginAt, now) >= DORMANT_DAYS;
      const active = account.activeLogins ?? 0;
      if (active > 0 && account.activeLoginsWithoutTwoStep === active) return { score: 90, reasons: [reason("noMethodsOnAccount", { count: active }), ...(old ? [reason("preTwoStep")] : [])] };
      if (account.primaryMethods && account.primaryMethods.length === 0) return { score: 85, reasons: [reason("primaryNoMethods")] };
    }
    return { score: 30, reasons: [] };
  },

  "device-elsewhere": (_, login) => {
    if (!login) return null;
    const triggers: [number, TriageReason][] = [];
    for (const m of login.methods) {
      const device = m.deviceLabel ?? phoneName(m);
      if (m.holderName && m.holderDeparted) triggers.push([85, reason("deviceHolderDeparted", { device, name: m.holderName })]);
      else if (m.holderName && m.holderIsLoginPerson === false) triggers.push([60, reason("deviceHeldByOther", { device, name: m.holderName })]);
    }
    return triggers.length ? strongest(0, triggers) : null;
  },

  credentials: (_, login, now) => {
    const triggers: [number, TriageReason][] = [];
    if (login?.passwordChangedAt && daysSince(login.passwordChangedAt, now) <= RECENT_PASSWORD_DAYS) triggers.push([75, reason("passwordRecentlyChanged", { days: daysSince(login.passwordChangedAt, now) })]);
    if (login && login.usedBy > 1) triggers.push([65, reason("sharedLogin", { count: login.usedBy })]);
    return strongest(50, triggers);
  },

  "wrong-sign-in-page": (account) => {
    const host = signInHostFor(account.region, account.marketplaces);
    if (!host) return { score: 30, reasons: [reason("regionUnknown", { region: account.region })] };
    const params = { host, url: `https://${host}/`, region: account.region, marketplaces: account.marketplaces.join(", ") || account.region };
    // Someone whose account is not on the US host often lands there from a search or an old bookmark.
    const score = host === COMMON_WRONG_HOST ? 35 : 58;
    return { score, reasons: [reason("regionHost", { ...params, wrong: COMMON_WRONG_HOST })], params };
  },

  "browser-state": (_, login) => {
    const trusted = login?.methods.find((m) => m.skipOtpOnBrowser);
    return trusted ? { score: 55, reasons: [reason("trustedBrowser", { device: trusted.deviceLabel ?? phoneName(trusted) })] } : { score: 45, reasons: [] };
  },

  "authenticator-app": (_, login) => {
    if (!login) return { score: 20, reasons: [] };
    const apps = login.methods.filter((m) => m.kind === "AUTHENTICATOR_APP");
    if (apps.length === 0) return null;
    const label = apps[0].label ?? apps[0].deviceLabel ?? "—";
    return apps.length === login.methods.length ? { score: 60, reasons: [reason("onlyApp", { label })] } : { score: 28, reasons: [reason("appWithOthers", { label })] };
  },

  inactivity: (account, login, now) => {
    const last = login ? login.lastLoginAt : account.lastLoginAt;
    if (last) {
      const days = daysSince(last, now);
      if (days >= DORMANT_DAYS) return { score: 80, reasons: [reason("dormant", { days })], params: { days } };
      if (days >= QUIET_DAYS) return { score: 50, reasons: [reason("quiet", { days })], params: { days } };
      return { score: 12, reasons: [], params: { days } };
    }
    if (login?.acceptedAt && daysSince(login.acceptedAt, now) >= NEVER_SIGNED_IN_DAYS) return { score: 55, reasons: [reason("neverSignedIn", { days: daysSince(login.acceptedAt, now) })] };
    return { score: 20, reasons: [reason("noSignInRecorded")] };
  },

  takeover: (account, login, now) => {
    const triggers: [number, TriageReason][] = [];
    if (login?.personDeparted) triggers.push([75, reason("holderDeparted", { name: login.personName })]);
    if (login?.passwordReused) triggers.push([70, reason("passwordReused")]);
    const last = login ? login.lastLoginAt : account.lastLoginAt;
    if (last && daysSince(last, now) >= DORMANT_DAYS) triggers.push([60, reason("dormantTarget", { days: daysSince(last, now) })]);
    if (login && login.usedBy > 2) triggers.push([45, reason("sharedLogin", { count: login.usedBy })]);
    return strongest(10, triggers);
  },

  outage: () => ({ score: 20, reasons: [] }),
};

const likelihood = (score: number): TriageStep["likelihood"] => (score >= 70 ? "high" : score >= 40 ? "medium" : "low");

/**
 * The checklist for someone who cannot sign in to Seller Central: every applicable cause, most likely
 * first. `login` null = the account as a whole (no login chosen, or none recorded). `now` is the clock.
 */
export function triageSteps(account: TriageAccountFacts, login: TriageLoginFacts | null, now: Date): TriageStep[] {
  const steps: TriageStep[] = [];
  for (const id of TRIAGE_CAUSES) {
    const scored = RULES[id](account, login, now);
    if (scored) steps.push({ id, score: scored.score, likelihood: likelihood(scored.score), reasons: scored.reasons, params: scored.params ?? {} });
  }
  const rank = (id: TriageCause) => TRIAGE_CAUSES.indexOf(id);
  return steps.sort((a, b) => b.score - a.score || rank(a.id) - rank(b.id));
}
