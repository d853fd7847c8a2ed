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

type Visit = (accountId: string, loginId: string, personId: string, deviceId: string) => void;

/**
 * Only ACTIVE logins count: an INVITED login has no live 2SV, and a DISABLED or REMOVED login no longer
 * opens the account.
 */
function forEachActiveMethod(snapshot: Snapshot, visit: Visit): void {
  for (const account of snapshot.accounts) {
    for (const login of account.logins) {
      if (login.status !== "ACTIVE") continue;
      for (const method of login.twoStep) {
        if (method.deviceId !== null) visit(account.id, login.id, login.personId, method.deviceId);
      }
    }
  }
}

/**
 * Usage of the devices that serve two or more people. Two passes: the first keeps one owner per device
 * (cheap), the second details only the few shared devices, so memory stays small on large portfolios.
 */
export function buildSharedDeviceUsage(snapshot: Snapshot): Map<string, DeviceUsage> {
  const firstOwner = new Map<string, string>();
  const shared = new Map<string, DeviceUsage>();
  forEachActiveMethod(snapshot, (_accountId, _loginId, personId, deviceId) => {
    const owner = firstOwner.get(deviceId);
    if (owner === undefined) firstOwner.set(deviceId, personId);
    else if (owner !== personId && !shared.has(deviceId)) shared.set(deviceId, { deviceId, device: undefined, people: new Set(), logins: new Map() });
  });
  if (shared.size === 0) return shared;
  for (const device of snapshot.devices) {
    const entry = shared.get(device.id);
    if (entry !== undefined) entry.device = device;
  }
  forEachActiveMethod(snapshot, (accountId, loginId, personId, deviceId) => {
    const entry = shared.get(deviceId);
    if (entry === undefined) return;
    entry.people.add(personId);
    const ids = entry.logins.get(accountId);
    if (ids === undefined) entry.logins.set(accountId, [loginId]);
    else if (!ids.includes(loginId)) ids.push(loginId);
  });
  return shared;
}
