import { toDay, type DayNumber } from "../dates";
import type { Login, Person, RiskSettings, SellerAccount, Snapshot } from "../validation/snapshot";
import { adminPeople } from "./admin";
import { buildSharedDeviceUsage, type DeviceUsage } from "./device-usage";
import type { AccountContext, SnapshotIndex } from "./types";

/**
 * Lookups built once per evaluation so each rule runs in time proportional to its account. Classes (not
 * object spreads) keep property access monomorphic: this is the engine's hot path.
 */
export class EvaluationIndex implements SnapshotIndex {
  readonly people = new Map<string, Person>();
  private readonly days = new Map<string, DayNumber>();
  private shared: Map<string, DeviceUsage> | undefined;

  constructor(
    readonly snapshot: Snapshot,
    readonly asOf: DayNumber,
    readonly settings: RiskSettings,
  ) {
    for (const person of snapshot.people) this.people.set(person.id, person);
  }

  day(date: string): DayNumber {
    let value = this.days.get(date);
    if (value === undefined) {
      value = toDay(date);
      this.days.set(date, value);
    }
    return value;
  }

  age(date: string | null): number | null {
    return date === null ? null : this.asOf - this.day(date);
  }

  person(personId: string): Person | undefined {
    return this.people.get(personId);
  }

  isDeparted(personId: string): boolean {
    const departedAt = this.people.get(personId)?.departedAt ?? null;
    return departedAt !== null && this.day(departedAt) <= this.asOf;
  }

  sharedDevices(): Map<string, DeviceUsage> {
    return (this.shared ??= buildSharedDeviceUsage(this.snapshot));
  }
}

export class AccountEvaluationContext implements AccountContext {
  readonly snapshot: Snapshot;
  readonly asOf: DayNumber;
  readonly settings: RiskSettings;
  readonly people: Map<string, Person>;
  readonly activeLogins: Login[] = [];
  private admins: string[] | undefined;
  // An account has a handful of people; a linear cache beats repeated lookups in the portfolio-wide map.
  private readonly seenIds: string[] = [];
  private readonly seenPeople: (Person | undefined)[] = [];

  constructor(
    private readonly index: EvaluationIndex,
    readonly account: SellerAccount,
  ) {
    this.snapshot = index.snapshot;
    this.asOf = index.asOf;
    this.settings = index.settings;
    this.people = index.people;
    for (const login of account.logins) if (login.status === "ACTIVE") this.activeLogins.push(login);
  }

  day(date: string): DayNumber {
    return this.index.day(date);
  }

  age(date: string | null): number | null {
    return this.index.age(date);
  }

  person(personId: string): Person | undefined {
    const ids = this.seenIds;
    for (let i = 0; i < ids.length; i++) if (ids[i] === personId) return this.seenPeople[i];
    const person = this.people.get(personId);
    ids.push(personId);
    this.seenPeople.push(person);
    return person;
  }

  isDeparted(personId: string): boolean {
    const departedAt = this.person(personId)?.departedAt ?? null;
    return departedAt !== null && this.index.day(departedAt) <= this.asOf;
  }

  sharedDevices(): Map<string, DeviceUsage> {
    return this.index.sharedDevices();
  }

  adminPeople(): string[] {
    return (this.admins ??= adminPeople(this.activeLogins));
  }
}
