import { describe, expect, it } from "vitest";
import { REGION_MARKETPLACES } from "@/lib/validation/marketplaces";
import { signInHostFor, signInUrlFor } from "./sign-in-hosts";
import { triageSteps } from "./steps";
import { TRIAGE_CAUSES, type TriageAccountFacts, type TriageLoginFacts, type TriageMethodFacts } from "./types";

const NOW = new Date("2026-12-04T09:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const account = (over: Partial<TriageAccountFacts> = {}): TriageAccountFacts => ({ region: "JP", marketplaces: ["JP"], status: "ACTIVE", lastLoginAt: daysAgo(2), ...over });
const method = (over: Partial<TriageMethodFacts> = {}): TriageMethodFacts => ({
  kind: "SMS", role: "PRIMARY", phoneLast4: "1234", label: null, deviceId: "d1", deviceLabel: "Owner's phone", holderName: "Owner", holderIsLoginPerson: true, holderDeparted: false, skipOtpOnBrowser: false, ...over,
});
const app = (over: Partial<TriageMethodFacts> = {}) => method({ kind: "AUTHENTICATOR_APP", role: "BACKUP", phoneLast4: null, label: "Google Authenticator", deviceId: "d2", deviceLabel: "Owner's tablet", ...over });
const login = (over: Partial<TriageLoginFacts> = {}): TriageLoginFacts => ({
  email: "owner@kumo.example", role: "PRIMARY", status: "ACTIVE", personName: "Owner", personDeparted: false, usedBy: 1,
  invitedAt: null, acceptedAt: null, lastLoginAt: daysAgo(2), passwordChangedAt: daysAgo(100), passwordReused: false,
  methods: [method(), app()], ...over,
});

const ids = (a: TriageAccountFacts, l: TriageLoginFacts | null) => triageSteps(a, l, NOW).map((s) => s.id);
const step = (a: TriageAccountFacts, l: TriageLoginFacts | null, id: string) => triageSteps(a, l, NOW).find((s) => s.id === id);

describe("triageSteps: the order without telling facts", () => {
  it("a healthy login: credentials, sign-in page and browser lead; outage, suspension and takeover trail", () => {
    const list = ids(account({ region: "NA", marketplaces: ["US"] }), login());
    expect(list.slice(0, 3)).toEqual(["credentials", "browser-state", "wrong-sign-in-page"]);
    expect(list.slice(-4)).toEqual(["outage", "inactivity", "suspension", "takeover"]);
    expect(list).toEqual([...new Set(list)]);
    for (const s of triageSteps(account(), login(), NOW)) expect(TRIAGE_CAUSES).toContain(s.id);
  });

  it("covers every cause for the account as a whole, except those that need a login's data", () => {
    const list = ids(account(), null);
    expect([...list].sort()).toEqual(TRIAGE_CAUSES.filter((c) => c !== "login-not-active" && c !== "device-elsewhere").sort());
  });

  it("is sorted by score, ties in the catalogue's order", () => {
    const steps = triageSteps(account(), login(), NOW);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i - 1].score).toBeGreaterThanOrEqual(steps[i].score);
      if (steps[i - 1].score === steps[i].score) expect(TRIAGE_CAUSES.indexOf(steps[i - 1].id)).toBeLessThan(TRIAGE_CAUSES.indexOf(steps[i].id));
    }
  });
});

describe("triageSteps: each cause's trigger moves it up", () => {
  it("a suspended or deactivated account comes first, whatever else", () => {
    for (const status of ["SUSPENDED", "DEACTIVATED"] as const) {
      const steps = triageSteps(account({ status }), login({ methods: [method()] }), NOW);
      expect(steps[0].id).toBe("suspension");
      expect(steps[0].reasons[0].id).toBe(status === "SUSPENDED" ? "accountSuspended" : "accountDeactivated");
      expect(steps[0].likelihood).toBe("high");
    }
    expect(step(account(), login(), "suspension")!.likelihood).toBe("low");
  });

  it("a disabled, removed or not yet accepted login is named right after", () => {
    expect(ids(account(), login({ status: "DISABLED" }))[0]).toBe("login-not-active");
    expect(step(account(), login({ status: "REMOVED" }), "login-not-active")!.reasons[0].id).toBe("loginRemoved");
    const invited = step(account(), login({ status: "INVITED", invitedAt: daysAgo(20) }), "login-not-active")!;
    expect(invited.reasons[0]).toEqual({ id: "loginInvited", params: { days: 20, limit: 14 } });
    expect(ids(account({ status: "SUSPENDED" }), login({ status: "DISABLED" })).slice(0, 2)).toEqual(["suspension", "login-not-active"]);
    expect(ids(account(), login())).not.toContain("login-not-active");
  });

  it("one SMS method: losing that phone comes first, with its last digits", () => {
    const steps = triageSteps(account(), login({ methods: [method({ phoneLast4: "4821" })] }), NOW);
    expect(steps[0].id).toBe("lost-phone");
    expect(steps[0].reasons).toEqual([{ id: "singlePhone", params: { last4: "4821", count: 1 } }]);
    expect(steps[0].params.last4).toBe("4821");
  });

  it("SMS and voice on the same phone are still one phone", () => {
    const same = [method({ phoneLast4: "1234" }), method({ kind: "VOICE", role: "BACKUP", phoneLast4: "1234" })];
    expect(step(account(), login({ methods: same }), "lost-phone")!.reasons[0].id).toBe("onePhoneOnly");
    expect(ids(account(), login({ methods: same }))[0]).toBe("lost-phone");
    // The same digits recorded without a device still count as one phone.
    const noDevice = same.map((m) => ({ ...m, deviceId: null }));
    expect(ids(account(), login({ methods: noDevice }))[0]).toBe("lost-phone");
  });

  it("a phone with a backup (another phone or an app) keeps the step, low", () => {
    const twoPhones = [method(), method({ role: "BACKUP", deviceId: "d9", phoneLast4: "9999" })];
    const withApp = step(account(), login(), "lost-phone")!;
    expect(withApp.likelihood).toBe("low");
    expect(withApp.reasons[0].id).toBe("phoneWithBackup");
    expect(step(account(), login({ methods: twoPhones }), "lost-phone")!.likelihood).toBe("low");
  });

  it("no phone method: no lost-phone step; an app only: its own step rises", () => {
    const onlyApp = login({ methods: [app({ role: "PRIMARY" })] });
    expect(ids(account(), onlyApp)).not.toContain("lost-phone");
    const s = step(account(), onlyApp, "authenticator-app")!;
    expect(s.reasons[0]).toEqual({ id: "onlyApp", params: { label: "Google Authenticator" } });
    expect(s.likelihood).toBe("medium");
    expect(ids(account(), login({ methods: [method()] }))).not.toContain("authenticator-app");
  });

  it("no 2SV method at all: 2SV set-up comes first; with no sign-in for long, as a pre-2SV account", () => {
    const none = login({ methods: [] });
    expect(ids(account(), none)[0]).toBe("two-step-missing");
    expect(step(account(), none, "two-step-missing")!.reasons.map((r) => r.id)).toEqual(["noMethods"]);
    expect(step(account(), login({ methods: [], lastLoginAt: daysAgo(400) }), "two-step-missing")!.reasons.map((r) => r.id)).toEqual(["noMethods", "preTwoStep"]);
    expect(step(account({ lastLoginAt: null }), login({ methods: [], lastLoginAt: null }), "two-step-missing")!.reasons.map((r) => r.id)).toContain("preTwoStep");
    expect(ids(account(), none)).not.toContain("lost-phone");
    expect(step(account(), login(), "two-step-missing")!.likelihood).toBe("low");
  });

  it("the 2SV device held by a departed person, or by someone else", () => {
    const departed = login({ methods: [method({ holderName: "Aki", holderIsLoginPerson: false, holderDeparted: true }), app()] });
    const s = step(account(), departed, "device-elsewhere")!;
    expect(s.reasons[0]).toEqual({ id: "deviceHolderDeparted", params: { device: "Owner's phone", name: "Aki" } });
    expect(ids(account(), departed)[0]).toBe("device-elsewhere");
    const other = step(account(), login({ methods: [method({ holderName: "Ken", holderIsLoginPerson: false }), app()] }), "device-elsewhere")!;
    expect(other.reasons[0].id).toBe("deviceHeldByOther");
    expect(other.likelihood).toBe("medium");
    expect(ids(account(), login())).not.toContain("device-elsewhere");
  });

  it("a departed login holder: takeover is high", () => {
    const s = step(account(), login({ personDeparted: true, personName: "Aki" }), "takeover")!;
    expect(s.reasons[0]).toEqual({ id: "holderDeparted", params: { name: "Aki" } });
    expect(s.likelihood).toBe("high");
    expect(step(account(), login({ passwordReused: true }), "takeover")!.reasons.map((r) => r.id)).toEqual(["passwordReused"]);
    expect(step(account(), login(), "takeover")!.likelihood).toBe("low");
  });

  it("a recently changed or shared password puts credentials first among the general steps", () => {
    const changed = step(account(), login({ passwordChangedAt: daysAgo(3) }), "credentials")!;
    expect(changed.reasons[0]).toEqual({ id: "passwordRecentlyChanged", params: { days: 3 } });
    expect(changed.likelihood).toBe("high");
    expect(step(account(), login({ usedBy: 3 }), "credentials")!.reasons[0]).toEqual({ id: "sharedLogin", params: { count: 3 } });
    expect(step(account(), login({ passwordChangedAt: daysAgo(31) }), "credentials")!.reasons).toEqual([]);
  });

  it("long inactivity: no sign-in for 200 days", () => {
    const dormant = login({ lastLoginAt: daysAgo(200) });
    const s = step(account(), dormant, "inactivity")!;
    expect(s.reasons[0]).toEqual({ id: "dormant", params: { days: 200 } });
    expect(s.likelihood).toBe("high");
    expect(step(account(), dormant, "takeover")!.reasons[0]).toEqual({ id: "dormantTarget", params: { days: 200 } });
    expect(step(account(), login({ lastLoginAt: daysAgo(120) }), "inactivity")!.reasons[0].id).toBe("quiet");
    expect(step(account(), login({ lastLoginAt: null, acceptedAt: daysAgo(45) }), "inactivity")!.reasons[0]).toEqual({ id: "neverSignedIn", params: { days: 45 } });
    expect(step(account(), login({ lastLoginAt: null }), "inactivity")!.reasons[0].id).toBe("noSignInRecorded");
    // For the account as a whole, its latest sign-in on any login counts.
    expect(step(account({ lastLoginAt: daysAgo(365) }), null, "inactivity")!.reasons[0]).toEqual({ id: "dormant", params: { days: 365 } });
  });

  it("a trusted browser is named in the browser step", () => {
    const s = step(account(), login({ methods: [method({ skipOtpOnBrowser: true }), app()] }), "browser-state")!;
    expect(s.reasons[0]).toEqual({ id: "trustedBrowser", params: { device: "Owner's phone" } });
  });

  it("a login's own facts, not the account's, decide its inactivity", () => {
    expect(step(account({ lastLoginAt: daysAgo(1) }), login({ lastLoginAt: daysAgo(300) }), "inactivity")!.likelihood).toBe("high");
  });
});

describe("the sign-in page per region", () => {
  const expected: Record<string, string> = {
    JP: "sellercentral-japan.amazon.com", NA: "sellercentral.amazon.com", EU: "sellercentral-europe.amazon.com", BR: "sellercentral.amazon.com.br",
    AU: "sellercentral.amazon.com.au", IN: "sellercentral.amazon.in", SG: "sellercentral.amazon.sg", AE: "sellercentral.amazon.ae", SA: "sellercentral.amazon.sa", TR: "sellercentral.amazon.com.tr",
  };

  it("every region of the account form has its host", () => {
    expect(Object.keys(REGION_MARKETPLACES).sort()).toEqual(Object.keys(expected).sort());
    for (const [region, marketplaces] of Object.entries(REGION_MARKETPLACES)) {
      expect(signInHostFor(region, marketplaces), region).toBe(expected[region]);
      expect(signInUrlFor(region, marketplaces)).toBe(`https://${expected[region]}/`);
      // Each marketplace on its own finds its region's host too (an account recorded with an unknown region).
      for (const m of marketplaces) expect(signInHostFor("??", [m]), m).toBe(expected[region]);
    }
  });

  it("the step shows the account's sign-in URL and warns off the US page where that is not it", () => {
    const jp = step(account(), login(), "wrong-sign-in-page")!;
    expect(jp.params.url).toBe("https://sellercentral-japan.amazon.com/");
    expect(jp.reasons[0].params).toMatchObject({ host: "sellercentral-japan.amazon.com", wrong: "sellercentral.amazon.com" });
    expect(jp.likelihood).toBe("medium");
    const us = step(account({ region: "NA", marketplaces: ["US", "CA"] }), login(), "wrong-sign-in-page")!;
    expect(us.params.url).toBe("https://sellercentral.amazon.com/");
    expect(us.likelihood).toBe("low");
    expect(step(account({ region: "EU", marketplaces: ["DE", "FR"] }), login(), "wrong-sign-in-page")!.params.marketplaces).toBe("DE, FR");
  });

  it("an unknown region: the step stays, without a URL", () => {
    expect(signInUrlFor("XX", [])).toBeNull();
    const s = step(account({ region: "XX", marketplaces: [] }), login(), "wrong-sign-in-page")!;
    expect(s.params.url).toBeUndefined();
    expect(s.reasons[0]).toEqual({ id: "regionUnknown", params: { region: "XX" } });
  });
});

describe("the account as a whole", () => {
  it("a primary login with one phone puts the lost phone first, with its digits", () => {
    const steps = triageSteps(account({ primaryMethods: [method({ phoneLast4: "7070" })], activeLogins: 2, activeLoginsWithoutTwoStep: 0 }), null, NOW);
    expect(steps[0]).toMatchObject({ id: "lost-phone", likelihood: "high", reasons: [{ id: "primarySinglePhone", params: { last4: "7070" } }], params: { last4: "7070" } });
    expect(step(account({ primaryMethods: [method(), app()] }), null, "lost-phone")!.likelihood).toBe("low");
    expect(step(account({ primaryMethods: [app()] }), null, "lost-phone")!.reasons).toEqual([]);
  });

  it("no active login with 2SV, or a primary login without: 2SV set-up comes first", () => {
    const none = triageSteps(account({ activeLogins: 2, activeLoginsWithoutTwoStep: 2, lastLoginAt: daysAgo(500) }), null, NOW)[0];
    expect(none).toMatchObject({ id: "two-step-missing", reasons: [{ id: "noMethodsOnAccount", params: { count: 2 } }, { id: "preTwoStep", params: {} }] });
    expect(ids(account({ primaryMethods: [], activeLogins: 2, activeLoginsWithoutTwoStep: 1 }), null)[0]).toBe("two-step-missing");
    expect(step(account({ primaryMethods: [], activeLogins: 2, activeLoginsWithoutTwoStep: 1 }), null, "two-step-missing")!.reasons[0].id).toBe("primaryNoMethods");
    expect(step(account({ primaryMethods: null, activeLogins: 0, activeLoginsWithoutTwoStep: 0 }), null, "two-step-missing")!.likelihood).toBe("low");
  });
});

describe("no login, no methods", () => {
  it("the account with no login recorded: the general list, led by the account's own facts", () => {
    expect(ids(account({ status: "SUSPENDED" }), null)[0]).toBe("suspension");
    expect(ids(account({ lastLoginAt: daysAgo(250) }), null)[0]).toBe("inactivity");
    expect(step(account(), null, "lost-phone")!.reasons).toEqual([]);
  });
});
