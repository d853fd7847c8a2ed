import type { AppAuthorization, AuthorizedPartner, Device, Login, Person, SellerAccount, Snapshot } from "@/lib/validation/snapshot";
import { accountFieldsKey, appKey, deviceKey, loginKey, otherAccessKey, partnerKey, personKey } from "./canonical";

// What an upsert of a snapshot will do, worked out from the file and the records it matches, before
// anything is written: the same plan is the dry run's preview and the write's instructions. Pure: the
// data layer loads the existing records (in snapshot form, named by external id) and applies the plan.

/** An existing account in snapshot form (ids are external ids), with the database ids of its records. */
export interface ExistingAccount {
  id: string;
  clientId: string | null;
  account: SellerAccount;
  loginIds: Map<string, string>;
  partnerIds: Map<string, string>;
  appIds: Map<string, string>;
}

export interface ChildChanges<T> {
  created: T[];
  /** With the database id of the record they replace. */
  updated: { id: string; record: T }[];
  removed: { id: string; externalId: string }[];
  unchanged: number;
}

export interface AccountPlan {
  /** Position in the file (for messages by JSON path). */
  index: number;
  externalId: string;
  storeName: string;
  status: "created" | "updated" | "unchanged";
  /** How an existing account was found: its external id, or (records from before external ids) its seller ID. */
  matchedBy: "externalId" | "sellerId" | null;
  /** Database id of the matched account. */
  id: string | null;
  account: SellerAccount;
  fieldsChanged: boolean;
  clientChanged: boolean;
  logins: ChildChanges<Login>;
  partners: ChildChanges<AuthorizedPartner>;
  apps: ChildChanges<AppAuthorization>;
  otherAccessChanged: boolean;
}

export interface RecordPlan<T> {
  created: T[];
  updated: { id: string; record: T }[];
  unchanged: number;
}

export interface UpsertPlan {
  accounts: AccountPlan[];
  people: RecordPlan<Person>;
  devices: RecordPlan<Device>;
}

export interface PlanInput {
  /** The file, with person references already resolved to external ids (withResolvedPeople). */
  snapshot: Snapshot;
  /** Existing accounts matched to the file's, by the file's account id. */
  existing: Map<string, ExistingAccount & { matchedBy: "externalId" | "sellerId" }>;
  /** Existing people and devices by external id, in snapshot form, with their database ids. */
  people: Map<string, { id: string; record: Person }>;
  devices: Map<string, { id: string; record: Device }>;
  /** The client every account of the file goes under; undefined = new accounts under none, existing ones stay where they are. */
  clientId?: string | null;
}

function diffChildren<T extends { id: string }>(incoming: T[], existing: T[], ids: Map<string, string>, key: (r: T) => string): ChildChanges<T> {
  const before = new Map(existing.map((r) => [r.id, r]));
  const changes: ChildChanges<T> = { created: [], updated: [], removed: [], unchanged: 0 };
  for (const record of incoming) {
    const old = before.get(record.id);
    if (!old) changes.created.push(record);
    else if (key(old) !== key(record)) changes.updated.push({ id: ids.get(record.id)!, record });
    else changes.unchanged++;
  }
  const listed = new Set(incoming.map((r) => r.id));
  for (const old of existing) if (!listed.has(old.id)) changes.removed.push({ id: ids.get(old.id)!, externalId: old.id });
  return changes;
}

const changed = (c: ChildChanges<unknown>) => c.created.length + c.updated.length + c.removed.length > 0;

function planRecords<T extends { id: string }>(incoming: T[], existing: Map<string, { id: string; record: T }>, key: (r: T) => string): RecordPlan<T> {
  const plan: RecordPlan<T> = { created: [], updated: [], unchanged: 0 };
  for (const record of incoming) {
    const old = existing.get(record.id);
    if (!old) plan.created.push(record);
    else if (key(old.record) !== key(record)) plan.updated.push({ id: old.id, record });
    else plan.unchanged++;
  }
  return plan;
}

export function planUpsert({ snapshot, existing, people, devices, clientId }: PlanInput): UpsertPlan {
  const accounts = snapshot.accounts.map((account, index): AccountPlan => {
    const old = existing.get(account.id);
    const base = { index, externalId: account.id, storeName: account.storeName, account };
    if (!old) {
      const none = <T>(list: T[]): ChildChanges<T> => ({ created: list, updated: [], removed: [], unchanged: 0 });
      return {
        ...base, status: "created", matchedBy: null, id: null, fieldsChanged: true, clientChanged: false,
        logins: none(account.logins), partners: none(account.partners), apps: none(account.apps), otherAccessChanged: account.otherAccess.length > 0,
      };
    }
    const logins = diffChildren(account.logins, old.account.logins, old.loginIds, loginKey);
    const partners = diffChildren(account.partners, old.account.partners, old.partnerIds, partnerKey);
    const apps = diffChildren(account.apps, old.account.apps, old.appIds, appKey);
    const fieldsChanged = accountFieldsKey(old.account) !== accountFieldsKey(account);
    const clientChanged = clientId !== undefined && clientId !== old.clientId;
    const otherAccessChanged = otherAccessKey(old.account.otherAccess) !== otherAccessKey(account.otherAccess);
    const any = fieldsChanged || clientChanged || otherAccessChanged || changed(logins) || changed(partners) || changed(apps);
    return {
      ...base, status: any ? "updated" : "unchanged", matchedBy: old.matchedBy, id: old.id,
      fieldsChanged, clientChanged, logins, partners, apps, otherAccessChanged,
    };
  });
  return {
    accounts,
    people: planRecords(snapshot.people, people, personKey),
    devices: planRecords(snapshot.devices, devices, deviceKey),
  };
}

export interface PlanSummary {
  accounts: { created: number; updated: number; unchanged: number };
  people: { created: number; updated: number; unchanged: number };
  devices: { created: number; updated: number; unchanged: number };
  /** Records of listed accounts that the file no longer lists. */
  removed: { logins: number; partners: number; apps: number };
}

export function summarisePlan(plan: UpsertPlan): PlanSummary {
  const count = (status: AccountPlan["status"]) => plan.accounts.filter((a) => a.status === status).length;
  const removed = (pick: (a: AccountPlan) => ChildChanges<unknown>) => plan.accounts.reduce((n, a) => n + pick(a).removed.length, 0);
  const records = (p: RecordPlan<unknown>) => ({ created: p.created.length, updated: p.updated.length, unchanged: p.unchanged });
  return {
    accounts: { created: count("created"), updated: count("updated"), unchanged: count("unchanged") },
    people: records(plan.people),
    devices: records(plan.devices),
    removed: { logins: removed((a) => a.logins), partners: removed((a) => a.partners), apps: removed((a) => a.apps) },
  };
}

/** Nothing to write: every account, person and device is as stored. */
export function isNoop(plan: UpsertPlan): boolean {
  const s = summarisePlan(plan);
  return s.accounts.created + s.accounts.updated + s.people.created + s.people.updated + s.devices.created + s.devices.updated === 0;
}
