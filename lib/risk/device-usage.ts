import type { Device, Snapshot } from "../validation/snapshot";

export interface DeviceUsage {
  deviceId: string;
  /** The device's entry in `snapshot.devices` (undefined only for unvalidated input). */
  device: Device | undefined;
  /** Distinct owners (personId) of the ACTIVE logins that use the device as a 2SV method. */
  people: Set<string>;
  /** accountId → ids of its ACTIVE logins using the device, in snapshot order. */
  logins: Map<string, string[]>;
}

/**
 * Usage of the devices that serve two or more people, across all accounts. Only ACTIVE logins count: an
 * INVITED login has no live 2SV, and a DISABLED or REMOVED login no longer opens the account. Two plain
 * passes: the first keeps one owner per device (no allocation per device), the second details only the
 * few shared devices, so time and memory stay flat on large portfolios.
 */
export function buildSharedDeviceUsage(snapshot: Snapshot): Map<string, DeviceUsage> {
  const firstOwner = new Map<string, string>();
  const shared = new Map<string, DeviceUsage>();
  for (const account of snapshot.accounts) {
    for (const login of account.logins) {
      if (login.status !== "ACTIVE") continue;
      for (const method of login.twoStep) {
        const deviceId = method.deviceId;
        if (deviceId === null) continue;
        const owner = firstOwner.get(deviceId);
        if (owner === undefined) firstOwner.set(deviceId, login.personId);
        else if (owner !== login.personId && !shared.has(deviceId)) {
          shared.set(deviceId, { deviceId, device: undefined, people: new Set(), logins: new Map() });
        }
      }
    }
  }
  if (shared.size === 0) return shared;

  // Device ids are unique (validated), so the scan stops once every shared device has been found.
  let unmatched = shared.size;
  for (const device of snapshot.devices) {
    const entry = shared.get(device.id);
    if (entry === undefined || entry.device !== undefined) continue;
    entry.device = device;
    if (--unmatched === 0) break;
  }
  for (const account of snapshot.accounts) {
    for (const login of account.logins) {
      if (login.status !== "ACTIVE") continue;
      for (const method of login.twoStep) {
        const entry = method.deviceId === null ? undefined : shared.get(method.deviceId);
        if (entry === undefined) continue;
        entry.people.add(login.personId);
        const ids = entry.logins.get(account.id);
        if (ids === undefined) entry.logins.set(account.id, [login.id]);
        else if (!ids.includes(login.id)) ids.push(login.id);
      }
    }
  }
  return shared;
}
