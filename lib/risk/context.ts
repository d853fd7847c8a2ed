import { toDay, type DayNumber } from "../dates";
import type { Login, Person, RiskSettings, SellerAccount, Snapshot } from "../validation/snapshot";
import { adminPeople } from "./admin";
import { buildSharedDeviceUsage, type DeviceUsage } from "./device-usage";
import type { DeviceUses } from "./device-uses";
import { IdIndex } from "./id-index";
import type { AccountContext, SnapshotIndex } from "./types";

/**
 * Lookups built once per evaluation so each rule runs in time proportional to its account. Classes (not
 * object spreads) keep property access monomorphic: this is the engine's hot path.
 */
export class EvaluationIndex implements SnapshotIndex {
  /** External or departing people: the few most rules ask about, in a map small enough to stay in cache. */
  private readonly notable = new Map<string, Person>();
  /** Every person by id, for naming people in evidence (most accounts name their one admin). */
  private readonly everyone: IdIndex<Person>;
  /** People whose departedAt is on or before asOf. */
  private readonly departed = new Set<string>();
  private readonly days = new Map<string, DayNumber>();
  private shared: Map<string, DeviceUsage> | undefined;
  private uses: DeviceUses | undefined;

  constructor(
    readonly snapshot: Snapshot,
    readonly asOf: DayNumber,
    readonly settings: RiskSettings,
  ) {
    const people = snapshot.people;
    this.everyone = new IdIndex(people);
    for (let i = 0; i < people.length; i++) {
      this.everyone.add(i);
      const person = people[i];
      if (!person.external && person.departedAt === null) continue;
      this.notable.set(person.id, person);
      if (person.departedAt !== null && this.day(person.departedAt) <= asOf) this.departed.add(person.id);
    }
  }

  day(date: string): DayNumber {
    // Plain dates parse faster than a map lookup; timestamps (regex) are memoised.
    if (date.length === 10) return toDay(date);
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

  notablePerson(personId: string): Person | undefined {
    return this.notable.get(personId);
  }

  person(personId: string): Person | undefined {
    return this.everyone.get(personId);
  }

  isDeparted(personId: string): boolean {
    return this.departed.has(personId);
  }

  sharedDevices(): Map<string, DeviceUsage> {
    return (this.shared ??= buildSharedDeviceUsage(this.snapshot, this.uses));
  }

  /** Hands over the device uses of every account, recorded in snapshot order while the accounts were evaluated. */
  adoptDeviceUses(uses: DeviceUses): void {
    this.uses = uses;
    this.shared = undefined; // built early by a rule that asked during the account pass (none does today)
  }
}

/**
 * The view of one account that account rules receive. One instance is reused for every account of an
 * evaluation (reset per account) to keep allocation per account near zero; rules must not keep it.
 */
export class AccountEvaluationContext implements AccountContext {
  readonly snapshot: Snapshot;
  readonly asOf: DayNumber;
  readonly settings: RiskSettings;
  account!: SellerAccount;
  readonly activeLogins: Login[] = [];
  readonly notableLogins: Login[] = [];
  private admins: string[] | undefined;
  private uses: DeviceUses | undefined;

  constructor(private readonly index: EvaluationIndex) {
    this.snapshot = index.snapshot;
    this.asOf = index.asOf;
    this.settings = index.settings;
  }

  /** From now on, `uses` receives the device uses of every account reset() sees, for the device rules after the pass. */
  recordUses(uses: DeviceUses): void {
    this.uses = uses;
  }

  /** `accountIndex`: the account's position in `snapshot.accounts` (under which its device uses count). */
  reset(account: SellerAccount, accountIndex: number): this {
    this.account = account;
    this.admins = undefined;
    this.activeLogins.length = 0;
    this.notableLogins.length = 0;
    for (const login of account.logins) {
      if (login.status !== "ACTIVE") continue;
      this.activeLogins.push(login);
      this.uses?.addLogin(login, accountIndex);
      if (this.index.notablePerson(login.personId) !== undefined) this.notableLogins.push(login);
    }
    return this;
  }

  day(date: string): DayNumber {
    return this.index.day(date);
  }

  age(date: string | null): number | null {
    return this.index.age(date);
  }

  notablePerson(personId: string): Person | undefined {
    return this.index.notablePerson(personId);
  }

  person(personId: string): Person | undefined {
    return this.index.person(personId);
  }

  isDeparted(personId: string): boolean {
    return this.index.isDeparted(personId);
  }

  sharedDevices(): Map<string, DeviceUsage> {
    return this.index.sharedDevices();
  }

  adminPeople(): string[] {
    return (this.admins ??= adminPeople(this.activeLogins));
  }
}
