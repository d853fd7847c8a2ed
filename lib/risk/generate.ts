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

const LEVELS = ["VIEW", "VIEW_EDIT", "ADMIN"] as const;
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
    people.push({ id, name: `Person ${id}`, external, company, departedAt: random.chance(0.03) ? daysAgo(random.int(0, 300)) : null });
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

  const twoStepFor = (personId: string, officePhone: string | null): TwoStepMethod[] => {
    const [phone, app] = devicesOf(personId);
    const roll = random.int(0, 99);
    const sms: TwoStepMethod = { kind: "SMS", role: "PRIMARY", deviceId: officePhone !== null && random.chance(0.3) ? officePhone : phone, phoneLast4: "1234" };
    if (roll < 5) return [];
    if (roll < 20) return [sms];
    if (roll < 28) return [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: app, phoneLast4: null }];
    if (roll < 33) return [sms, { kind: "VOICE", role: "BACKUP", deviceId: phone, phoneLast4: "1234" }];
    return [sms, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: app, phoneLast4: null }];
  };

  const permissionsFor = (): PermissionGrant[] => {
    const grants: PermissionGrant[] = [];
    const count = random.int(1, 4);
    for (let g = 0; g < count; g++) grants.push({ tool: random.pick(TOOL_IDS), level: random.pick(LEVELS), marketplace: random.chance(0.5) ? "JP" : null });
    return grants;
  };

  const makeLogin = (id: string, role: Login["role"], personId: string, officePhone: string | null): Login => {
    const statusRoll = random.int(0, 99);
    const status: Login["status"] = role === "PRIMARY" ? "ACTIVE" : statusRoll < 5 ? "INVITED" : statusRoll < 8 ? "REMOVED" : statusRoll < 10 ? "DISABLED" : "ACTIVE";
    const invited = status === "INVITED";
    const usedBy = role === "PRIMARY" && random.chance(0.05) ? [personId, people[random.int(0, people.length - 1)].id] : [personId];
    return {
      id,
      role,
      email: `${id}@example.com`,
      personId,
      usedBy: [...new Set(usedBy)],
      status,
      invitedAt: role === "PRIMARY" ? null : daysAgo(random.int(invited ? 0 : 30, 600)),
      acceptedAt: role === "PRIMARY" || invited ? null : daysAgo(random.int(0, 29)),
      lastLoginAt: invited || random.chance(0.05) ? null : daysAgo(random.int(0, 260)),
      passwordChangedAt: random.chance(0.2) ? null : daysAgo(random.int(0, 400)),
      passwordReused: random.chance(0.05),
      twoStep: invited ? [] : twoStepFor(personId, officePhone),
      permissions: role === "PRIMARY" ? [] : permissionsFor(),
    };
  };

  const sellerAccounts: SellerAccount[] = [];
  for (let i = 0; i < accounts; i++) {
    const agency = random.pick(agencies);
    const owner = addPerson(`p-${i}-owner`, random.chance(0.02), `Seller ${i}`);
    const logins = [makeLogin(`l-${i}-0`, "PRIMARY", owner, null)];
    const secondaries = random.int(2, 4);
    for (let j = 1; j <= secondaries; j++) {
      const fromAgency = random.chance(0.35);
      const personId = fromAgency ? random.pick(agency.staff) : addPerson(`p-${i}-s${j}`, false, `Seller ${i}`);
      if (logins.some((l) => l.personId === personId)) continue;
      logins.push(makeLogin(`l-${i}-${j}`, "SECONDARY", personId, fromAgency ? agency.officePhone : null));
    }
    const partnered = random.chance(0.4);
    sellerAccounts.push({
      id: `acc-${i}`,
      storeName: `Store ${i}`,
      sellerId: `A${String(100000 + i)}EXAMPLE`,
      region: random.chance(0.8) ? "JP" : "NA",
      marketplaces: ["JP"],
      plan: random.chance(0.92) ? "PROFESSIONAL" : "INDIVIDUAL",
      status: random.chance(0.97) ? "ACTIVE" : random.pick(["SUSPENDED", "DEACTIVATED"] as const),
      lastVerifiedAt: random.chance(0.05) ? null : daysAgo(random.int(0, 150)),
      logins,
      partners: partnered ? [{ id: `ap-${i}`, company: agency.company, linkSentAt: daysAgo(random.int(0, 60)), acceptedAt: random.chance(0.8) ? daysAgo(random.int(0, 5)) : null }] : [],
      apps: Array.from({ length: random.int(0, 2) }, (_, k) => ({
        id: `app-${i}-${k}`,
        name: random.pick(APPS),
        developer: "Example Dev",
        authorizedAt: daysAgo(random.int(0, 365)),
        expiresAt: addDays(daysAgo(0), random.int(-30, 365)),
      })),
      otherAccess: random.chance(0.2) ? [{ personId: random.pick(logins).personId, console: random.pick(["ADS", "BRAND_REGISTRY"] as const), role: "ADMIN" }] : [],
    });
  }

  return { format: "gatehouse.snapshot/v1", asOf, people, devices, accounts: sellerAccounts };
}
