import type { Snapshot } from "../validation/snapshot";

export interface DeviceUsage {
  deviceId: string;
  /** Distinct owners (personId) of the ACTIVE logins that use the device as a 2SV method. */
  people: Set<string>;
  /** accountId → ids of its ACTIVE logins using the device, in snapshot order. */
  logins: Map<string, string[]>;
}

/**
 * One pass over every 2SV method in the snapshot. Only ACTIVE logins count: an INVITED login has no live
 * 2SV, and a DISABLED or REMOVED login no longer opens the account.
 */
export function buildDeviceUsage(snapshot: Snapshot): Map<string, DeviceUsage> {
  const usage = new Map<string, DeviceUsage>();
  for (const account of snapshot.accounts) {
    for (const login of account.logins) {
      if (login.status !== "ACTIVE") continue;
      for (const method of login.twoStep) {
        if (method.deviceId === null) continue;
        let entry = usage.get(method.deviceId);
        if (entry === undefined) {
          entry = { deviceId: method.deviceId, people: new Set(), logins: new Map() };
          usage.set(method.deviceId, entry);
        }
        entry.people.add(login.personId);
        const ids = entry.logins.get(account.id);
        if (ids === undefined) entry.logins.set(account.id, [login.id]);
        else if (!ids.includes(login.id)) ids.push(login.id);
      }
    }
  }
  return usage;
}
