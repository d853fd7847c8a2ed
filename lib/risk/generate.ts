/**
 * Deterministic generator of realistic snapshots for benchmarks, seeds and property tests: a portfolio
 * managed with a few agencies whose staff (and office phones) recur across accounts, with the usual mix
 * of hygiene problems. Same (accounts, seed) → same snapshot.
 */
import { addDays } from "../dates";
import type { Device, Login, Person, PermissionGrant, SellerAccount, Snapshot, TwoStepMethod } from "../validation/snapshot";
import { TOOL_IDS } from "./tools";

export interface GenerateOptions {
  /** Dates are placed relative to this day (default 2026-11-23). */
  asOf?: string;
}

/** mulberry32: tiny, fast and good enough for test data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const LEVELS = ["VIEW", "VIEW", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT", "VIEW_EDIT", "ADMIN"] as const;
const EVERYDAY_TOOLS = TOOL_IDS.filter((tool) => !["USER_PERMISSIONS", "LOGIN_SETTINGS", "DEPOSIT_METHODS", "PAYMENTS", "ACCOUNT_INFO"].includes(tool));
const APPS = ["RepricerX", "Keepa Sync", "ShipStation", "Helium Sync", "Zaiko Link"];

export function generateSnapshot(accounts: number, seed: number, options: GenerateOptions = {}): Snapshot {
  const asOf = options.asOf ?? "2026-11-23";
  const random = createRandom(seed);
  const dayCache = new Map<number, string>();
  const daysAgo = (days: number): string => {
    let date = dayCache.get(days);
    if (date === undefined) dayCache.set(days, (date = addDays(asOf, -days)));
    return date;
  };
  const people: Person[] = [];
  const devices: Device[] = [];

  const addPerson = (id: string, external: boolean, company: string | null): string => {
    people.push({ id, name: `Person ${id}`, external, company, departedAt: random.chance(0.01) ? daysAgo(random.int(0, 300)) : null });
    return id;
  };
  const addDevice = (id: string, kind: Device["kind"], holderId: string, skipOtpOnBrowser = false): string => {
    devices.push({ id, kind, label: kind === "PHONE" ? "Phone" : "Authenticator", holderId, skipOtpOnBrowser });
    return id;
  };
  /** Each person's own phone and app, created on first use. */
  const ownDevices = new Map<string, [string, string]>();
  const devicesOf = (personId: string): [string, string] => {
    let pair = ownDevices.get(personId);
    if (pair === undefined) {
      pair = [addDevice(`d-${personId}-phone`, "PHONE", personId), addDevice(`d-${personId}-app`, "AUTHENTICATOR_APP", personId)];
      ownDevices.set(personId, pair);
    }
    return pair;
  };

  const agencyCount = Math.max(2, Math.ceil(accounts / 40));
  const agencies = Array.from({ length: agencyCount }, (_, a) => {
    const company = `Agency ${a}`;
    const staff = [0, 1, 2].map((s) => addPerson(`p-ag${a}-${s}`, true, company));
    const officePhone = addDevice(`d-ag${a}-office`, "PHONE", staff[0], random.chance(0.5));
    return { company, staff, officePhone };
  });

  // Most logins are set up properly; the rest carry the usual gaps (no backup, SMS only, shared office phone).
  const twoStepFor = (personId: string, officePhone: string | null): TwoStepMethod[] => {
    const [phone, app] = devicesOf(personId);
    const roll = random.int(0, 99);
    const smsDevice = officePhone !== null && random.chance(0.15) ? officePhone : phone;
    const sms: TwoStepMethod = { kind: "SMS", role: "PRIMARY", deviceId: smsDevice, phoneLast4: "1234" };
    if (roll < 2) return [];
    if (roll < 10) return [sms];
    if (roll < 14) return [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: app, phoneLast4: null }];
    if (roll < 18) return [sms, { kind: "VOICE", role: "BACKUP", deviceId: phone, phoneLast4: "1234" }];
    return [sms, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: app, phoneLast4: null }];
  };

  const permissionsFor = (): PermissionGrant[] => {
    const grants: PermissionGrant[] = [];
    const count = random.int(1, 4);
    for (let g = 0; g < count; g++) {
      const tool = random.chance(0.9) ? random.pick(EVERYDAY_TOOLS) : random.pick(TOOL_IDS);
      grants.push({ tool, level: random.pick(LEVELS), marketplace: random.chance(0.5) ? "JP" : null });
    }
    return grants;
  };

  const makeLogin = (id: string, role: Login["role"], personId: string, officePhone: string | null): Login => {
    const statusRoll = random.int(0, 99);
    const status: Login["status"] = role === "PRIMARY" ? "ACTIVE" : statusRoll < 4 ? "INVITED" : statusRoll < 7 ? "REMOVED" : statusRoll < 8 ? "DISABLED" : "ACTIVE";
    const invited = status === "INVITED";
    const usedBy = role === "PRIMARY" && random.chance(0.03) ? [personId, people[random.int(0, people.length - 1)].id] : [personId];
    return {
      id,
      role,
      email: `${id}@example.com`,
      personId,
      usedBy: [...new Set(usedBy)],
      status,
      invitedAt: role === "PRIMARY" ? null : daysAgo(invited ? random.int(0, 20) : random.int(200, 600)),
      acceptedAt: role === "PRIMARY" || invited ? null : daysAgo(random.int(60, 199)),
      lastLoginAt: invited || random.chance(0.02) ? null : daysAgo(random.chance(0.9) ? random.int(0, 60) : random.int(61, 300)),
      passwordChangedAt: random.chance(0.2) ? null : daysAgo(random.chance(0.8) ? random.int(0, 120) : random.int(121, 400)),
      passwordReused: random.chance(0.03),
      twoStep: invited ? [] : twoStepFor(personId, officePhone),
      permissions: role === "PRIMARY" ? [] : permissionsFor(),
    };
  };

  const sellerAccounts: SellerAccount[] = [];
  for (let i = 0; i < accounts; i++) {
    const agency = random.pick(agencies);
    const owner = addPerson(`p-${i}-owner`, random.chance(0.02), `Seller ${i}`);
    const logins = [makeLogin(`l-${i}-0`, "PRIMARY", owner, null)];
    // One account in 500 had its primary login disabled when someone left (NO_ACTIVE_PRIMARY). Set by
    // position, not by a random draw, so every other generated value stays as it was.
    if (i % 500 === 250) logins[0].status = "DISABLED";
    const secondaries = random.int(2, 4);
    let usesAgency = false;
    for (let j = 1; j <= secondaries; j++) {
      const staffer = random.chance(0.25) ? random.pick(agency.staff) : null;
      // A staffer already on this account is replaced by a new employee, so each account has 3–5 logins.
      const fromAgency = staffer !== null && !logins.some((l) => l.personId === staffer);
      const personId = fromAgency ? staffer : addPerson(`p-${i}-s${j}`, false, `Seller ${i}`);
      usesAgency ||= fromAgency;
      logins.push(makeLogin(`l-${i}-${j}`, "SECONDARY", personId, fromAgency ? agency.officePhone : null));
    }
    // Agencies are usually (not always) registered as Authorized Partners where their staff work.
    const partnered = usesAgency ? random.chance(0.8) : random.chance(0.05);
    sellerAccounts.push({
      id: `acc-${i}`,
      storeName: `Store ${i}`,
      sellerId: `A${String(100000 + i)}EXAMPLE`,
      region: random.chance(0.8) ? "JP" : "NA",
      marketplaces: ["JP"],
      plan: random.chance(0.95) ? "PROFESSIONAL" : "INDIVIDUAL",
      status: random.chance(0.98) ? "ACTIVE" : random.pick(["SUSPENDED", "DEACTIVATED"] as const),
      lastVerifiedAt: random.chance(0.03) ? null : daysAgo(random.int(0, 110)),
      logins,
      partners: partnered ? [{ id: `ap-${i}`, company: agency.company, linkSentAt: daysAgo(random.int(0, 60)), acceptedAt: random.chance(0.9) ? daysAgo(random.int(0, 5)) : null }] : [],
      apps: Array.from({ length: random.int(0, 2) }, (_, k) => ({
        id: `app-${i}-${k}`,
        name: random.pick(APPS),
        developer: "Example Dev",
        authorizedAt: daysAgo(random.int(0, 365)),
        expiresAt: addDays(daysAgo(0), random.int(-10, 365)),
      })),
      otherAccess: random.chance(0.1) ? [{ personId: random.pick(logins).personId, console: random.pick(["ADS", "BRAND_REGISTRY"] as const), role: "ADMIN" }] : [],
    });
  }

  return { format: "gatehouse.snapshot/v1", asOf, people, devices, accounts: sellerAccounts };
}
