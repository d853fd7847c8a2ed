import type { Device, Login, SellerAccount, Snapshot } from "../validation/snapshot";
import { DeviceUses } from "./device-uses";

export interface DeviceUsage {
  deviceId: string;
  /** The device's entry in `snapshot.devices` (undefined only for unvalidated input). */
  device: Device | undefined;
  /** Distinct owners (personId) of the ACTIVE logins that use the device as a 2SV method. */
  people: Set<string>;
  /** Index in `snapshot.accounts` → ids of that account's ACTIVE logins using the device. */
  logins: Map<number, string[]>;
}

/**
 * Usage of the devices that serve two or more people, across all accounts. Only ACTIVE logins count: an
 * INVITED login has no live 2SV, and a DISABLED or REMOVED login no longer opens the account.
 *
 * Most devices are used once, so the work is finding the few repeated ones among ~300k device ids. A Map of
 * every id was the engine's largest cost (each insert, lookup and growth step touches the heap at random);
 * instead the uses are recorded in columns (no object per use) and grouped by hash in cache-sized buckets
 * (see DeviceUses), and only the repeats are looked at as logins.
 */
export function buildSharedDeviceUsage(snapshot: Snapshot, uses: DeviceUses = collectDeviceUses(snapshot.accounts)): Map<string, DeviceUsage> {
  const firstUse = uses.firstUses();
  const shared = new Map<string, DeviceUsage>();
  const byFirstUse = new Map<number, DeviceUsage>();
  // A device is shared once a later use is by someone other than its first user.
  for (let use = 0; use < uses.count; use++) {
    const first = firstUse[use];
    if (first === use || byFirstUse.has(first)) continue;
    const firstLogin = uses.login[first];
    if (uses.login[use].personId === firstLogin.personId) continue;
    const deviceId = uses.deviceId[first];
    const usage: DeviceUsage = { deviceId, device: undefined, people: new Set(), logins: new Map() };
    addUse(usage, uses.account[first], firstLogin);
    byFirstUse.set(first, usage);
    shared.set(deviceId, usage);
  }
  if (shared.size === 0) return shared;
  for (let use = 0; use < uses.count; use++) {
    const first = firstUse[use];
    const usage = first === use ? undefined : byFirstUse.get(first);
    if (usage !== undefined) addUse(usage, uses.account[use], uses.login[use]);
  }

  // Device ids are unique (validated), so the scan stops once every shared device has been found.
  let unmatched = shared.size;
  for (const device of snapshot.devices) {
    const entry = shared.get(device.id);
    if (entry === undefined || entry.device !== undefined) continue;
    entry.device = device;
    if (--unmatched === 0) break;
  }
  return shared;
}

/**
 * Every device-backed 2SV method of an ACTIVE login, in snapshot order. An evaluation records them while
 * it walks each account's logins for the account rules (AccountEvaluationContext.reset), so the logins are
 * read from memory once; this standalone pass serves evaluateEachAccount, whose device findings must be
 * known before its walk, and a rule that asks for shared devices before the walk has ended (none does today).
 */
export function collectDeviceUses(accounts: readonly SellerAccount[]): DeviceUses {
  const uses = new DeviceUses(accounts.length * 8);
  for (let a = 0; a < accounts.length; a++) {
    const logins = accounts[a].logins;
    for (let l = 0; l < logins.length; l++) {
      if (logins[l].status === "ACTIVE") uses.addLogin(logins[l], a);
    }
  }
  return uses;
}

function addUse(usage: DeviceUsage, accountIndex: number, login: Login): void {
  usage.people.add(login.personId);
  const ids = usage.logins.get(accountIndex);
  if (ids === undefined) usage.logins.set(accountIndex, [login.id]);
  else if (!ids.includes(login.id)) ids.push(login.id);
}
