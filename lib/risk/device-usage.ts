import type { Device, Login, SellerAccount, Snapshot } from "../validation/snapshot";
import { StringIds } from "./string-ids";

export interface DeviceUsage {
  deviceId: string;
  /** The device's entry in `snapshot.devices` (undefined only for unvalidated input). */
  device: Device | undefined;
  /** Distinct owners (personId) of the ACTIVE logins that use the device as a 2SV method. */
  people: Set<string>;
  /** Index in `snapshot.accounts` → ids of that account's ACTIVE logins using the device. */
  logins: Map<number, string[]>;
}

/** A use of a device seen after its first one: the few uses that can make a device shared. */
interface RepeatUse {
  /** The device's id in the StringIds table. */
  id: number;
  accountIndex: number;
  login: Login;
}

/**
 * Usage of the devices that serve two or more people, across all accounts. Only ACTIVE logins count: an
 * INVITED login has no live 2SV, and a DISABLED or REMOVED login no longer opens the account.
 *
 * One pass over the logins gives every device a dense id (see StringIds: a Map of ~300k device ids was
 * the engine's largest cost) and keeps its first use as a number (account index × stride + login index, so
 * nothing is allocated per device); the rare later uses are listed. Only devices with a later use by
 * someone else are then detailed, from that list alone.
 */
export function buildSharedDeviceUsage(snapshot: Snapshot): Map<string, DeviceUsage> {
  const accounts = snapshot.accounts;
  const stride = maxLogins(accounts);
  // Valid snapshots reference only listed devices, so their count bounds the ids (the table grows if not).
  const ids = new StringIds(snapshot.devices.length);
  const firstUse: number[] = [];
  const repeats: RepeatUse[] = [];
  for (let a = 0; a < accounts.length; a++) {
    const logins = accounts[a].logins;
    for (let l = 0; l < logins.length; l++) {
      const login = logins[l];
      if (login.status !== "ACTIVE") continue;
      for (const method of login.twoStep) {
        const deviceId = method.deviceId;
        if (deviceId === null) continue;
        const id = ids.add(deviceId);
        if (id < firstUse.length) {
          repeats.push({ id, accountIndex: a, login });
        } else {
          firstUse.push(a * stride + l);
        }
      }
    }
  }

  // A device is shared once a later use is by someone other than its first user.
  const byId = new Map<number, DeviceUsage>();
  const shared = new Map<string, DeviceUsage>();
  for (const { id, login } of repeats) {
    if (byId.has(id)) continue;
    const first = firstUse[id];
    const accountIndex = Math.floor(first / stride);
    const firstLogin = accounts[accountIndex].logins[first % stride];
    if (login.personId === firstLogin.personId) continue;
    const deviceId = ids.keys[id];
    const usage: DeviceUsage = { deviceId, device: undefined, people: new Set(), logins: new Map() };
    addUse(usage, accountIndex, firstLogin);
    byId.set(id, usage);
    shared.set(deviceId, usage);
  }
  if (shared.size === 0) return shared;
  for (const use of repeats) {
    const usage = byId.get(use.id);
    if (usage !== undefined) addUse(usage, use.accountIndex, use.login);
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

function maxLogins(accounts: readonly SellerAccount[]): number {
  let max = 1;
  for (const account of accounts) if (account.logins.length > max) max = account.logins.length;
  return max;
}

function addUse(usage: DeviceUsage, accountIndex: number, login: Login): void {
  usage.people.add(login.personId);
  const ids = usage.logins.get(accountIndex);
  if (ids === undefined) usage.logins.set(accountIndex, [login.id]);
  else if (!ids.includes(login.id)) ids.push(login.id);
}
