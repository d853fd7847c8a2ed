/**
 * Terse builders of valid snapshots for tests (and seeds). The defaults describe a *healthy* account, so a
 * test changes one fact and sees exactly the finding it expects. People and devices referenced by logins
 * are created automatically unless the test declares them.
 */
import { addDays } from "../dates";
import type {
  AppAuthorization,
  AuthorizedPartner,
  Device,
  Login,
  Person,
  SellerAccount,
  Snapshot,
  TwoStepMethod,
} from "../validation/snapshot";
import { evaluateSnapshot } from "./evaluate";
import type { Finding, RiskSettings, RuleId } from "./index";

export const AS_OF = "2026-11-23";
export const daysAgo = (days: number): string => addDays(AS_OF, -days);
export const daysFromNow = (days: number): string => addDays(AS_OF, days);

export function person(id: string, overrides: Partial<Person> = {}): Person {
  return { id, name: `Person ${id}`, external: false, company: null, departedAt: null, ...overrides };
}

export function device(id: string, overrides: Partial<Device> = {}): Device {
  return { id, kind: "PHONE", label: null, holderId: null, skipOtpOnBrowser: false, ...overrides };
}

export function method(kind: TwoStepMethod["kind"], role: TwoStepMethod["role"], deviceId: string | null): TwoStepMethod {
  return { kind, role, deviceId, phoneLast4: kind === "AUTHENTICATOR_APP" ? null : "1234" };
}

/** A phone (SMS) primary and an authenticator-app backup, each on the person's own device. */
export function healthyMethods(personId: string): TwoStepMethod[] {
  return [method("SMS", "PRIMARY", `d-${personId}-phone`), method("AUTHENTICATOR_APP", "BACKUP", `d-${personId}-app`)];
}

export function login(id: string, personId: string, overrides: Partial<Login> = {}): Login {
  return {
    id,
    role: "SECONDARY",
    email: `${id}@example.com`,
    personId,
    usedBy: [overrides.personId ?? personId],
    status: "ACTIVE",
    invitedAt: daysAgo(200),
    acceptedAt: daysAgo(199),
    lastLoginAt: daysAgo(2),
    passwordChangedAt: daysAgo(20),
    passwordReused: false,
    twoStep: healthyMethods(overrides.personId ?? personId),
    permissions: [{ tool: "INVENTORY", level: "VIEW_EDIT", marketplace: "JP" }],
    ...overrides,
  };
}

export function primaryLogin(overrides: Partial<Login> = {}): Login {
  return login("l-owner", "p-owner", { role: "PRIMARY", invitedAt: null, acceptedAt: null, permissions: [], ...overrides });
}

/** An internal secondary user with Admin on User Permissions: the account's second admin. */
export function adminLogin(overrides: Partial<Login> = {}): Login {
  return login("l-admin", "p-admin", { permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }], ...overrides });
}

export function partner(id: string, company: string, overrides: Partial<AuthorizedPartner> = {}): AuthorizedPartner {
  return { id, company, linkSentAt: daysAgo(30), acceptedAt: daysAgo(29), ...overrides };
}

export function app(id: string, overrides: Partial<AppAuthorization> = {}): AppAuthorization {
  return { id, name: `App ${id}`, developer: "Example Dev", authorizedAt: daysAgo(100), expiresAt: daysFromNow(265), ...overrides };
}

export function account(overrides: Partial<SellerAccount> = {}): SellerAccount {
  return {
    id: "acc-1",
    storeName: "Sakura Tea",
    sellerId: "A2EXAMPLE0001",
    region: "JP",
    marketplaces: ["JP"],
    plan: "PROFESSIONAL",
    status: "ACTIVE",
    lastVerifiedAt: daysAgo(5),
    logins: [primaryLogin(), adminLogin()],
    partners: [],
    apps: [],
    otherAccess: [],
    ...overrides,
  };
}

/** Adds every referenced but undeclared person and device, so tests only declare what matters to them. */
export function snapshot(parts: { accounts?: SellerAccount[]; people?: Person[]; devices?: Device[]; settings?: Snapshot["settings"] } = {}): Snapshot {
  const accounts = parts.accounts ?? [account()];
  const people = [...(parts.people ?? [])];
  const devices = [...(parts.devices ?? [])];
  const knownPeople = new Set(people.map((p) => p.id));
  const knownDevices = new Set(devices.map((d) => d.id));
  const addPerson = (id: string) => {
    if (knownPeople.has(id)) return;
    people.push(person(id));
    knownPeople.add(id);
  };
  for (const acc of accounts) {
    for (const l of acc.logins) {
      addPerson(l.personId);
      l.usedBy.forEach(addPerson);
      for (const m of l.twoStep) {
        if (m.deviceId === null || knownDevices.has(m.deviceId)) continue;
        knownDevices.add(m.deviceId);
        devices.push(device(m.deviceId, { kind: m.kind === "AUTHENTICATOR_APP" ? "AUTHENTICATOR_APP" : "PHONE", holderId: l.personId }));
      }
    }
    acc.otherAccess.forEach((entry) => addPerson(entry.personId));
  }
  for (const d of devices) if (d.holderId !== null) addPerson(d.holderId);
  return { format: "gatehouse.snapshot/v1", asOf: AS_OF, settings: parts.settings, people, devices, accounts };
}

/** Findings of one rule over the whole snapshot, evaluated at AS_OF. */
export function findingsOf(rule: RuleId, snap: Snapshot, settings?: Partial<RiskSettings>): Finding[] {
  return evaluateSnapshot(snap, { asOf: AS_OF, settings })
    .accounts.flatMap((result) => result.findings)
    .filter((finding) => finding.rule === rule);
}
