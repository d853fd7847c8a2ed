import { toDay, type DayNumber } from "../dates";
import type { Person, RiskSettings, SellerAccount, Snapshot } from "../validation/snapshot";
import { adminPeople } from "./admin";
import { buildSharedDeviceUsage, type DeviceUsage } from "./device-usage";
import type { AccountContext, SnapshotIndex } from "./types";

/** Lookups built once per evaluation so every rule runs in time proportional to its account. */
export function buildSnapshotIndex(snapshot: Snapshot, asOf: DayNumber, settings: RiskSettings): SnapshotIndex {
  const people = new Map<string, Person>();
  for (const person of snapshot.people) people.set(person.id, person);
  const devices = new Map(snapshot.devices.map((device) => [device.id, device]));
  const days = new Map<string, DayNumber>();
  let usage: Map<string, DeviceUsage> | undefined;

  const day = (date: string): DayNumber => {
    let value = days.get(date);
    if (value === undefined) {
      value = toDay(date);
      days.set(date, value);
    }
    return value;
  };

  return {
    snapshot,
    asOf,
    settings,
    people,
    devices,
    day,
    age: (date) => (date === null ? null : asOf - day(date)),
    isDeparted: (personId) => {
      const departedAt = people.get(personId)?.departedAt ?? null;
      return departedAt !== null && day(departedAt) <= asOf;
    },
    sharedDevices: () => (usage ??= buildSharedDeviceUsage(snapshot)),
  };
}

export function buildAccountContext(index: SnapshotIndex, account: SellerAccount): AccountContext {
  const activeLogins = account.logins.filter((login) => login.status === "ACTIVE");
  let admins: string[] | undefined;
  return { ...index, account, activeLogins, adminPeople: () => (admins ??= adminPeople(activeLogins)) };
}
