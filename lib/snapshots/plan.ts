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
  /** The matched account as stored (its current name and logins, for the preview to say what is overwritten). */
  stored: SellerAccount | null;
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
  /**
   * The file lists logins only (a spreadsheet): an existing account keeps its partners, apps and other
   * access, and a login keeps its other users and the devices of its 2SV methods (see keepUnlisted).
   */
  loginsOnly?: boolean;
  /** With loginsOnly: the parts of an account the file does list (default: logins only); the others stay as stored. */
  listed?: readonly ListedPart[];
}

/** The parts of an account a spreadsheet import may list (a bulk workbook's sheets; decision 022). */
export type ListedPart = "logins" | "partners" | "apps" | "otherAccess";

/**
 * A spreadsheet names a login by its e-mail address (as Seller Central's user list does) unless it has
 * a login id: a listed login whose id is not stored takes the stored login with the same address
 * (any case), so it is updated in place rather than removed and added again.
 */
function alignLoginsByEmail(listed: SellerAccount, stored: SellerAccount): SellerAccount {
  const ids = new Set(stored.logins.map((l) => l.id));
  const claimed = new Set(listed.logins.filter((l) => ids.has(l.id)).map((l) => l.id));
  const logins = listed.logins.map((login) => {
    if (ids.has(login.id) || !login.email) return login;
    const email = login.email.toLowerCase();
    const match = stored.logins.find((o) => !claimed.has(o.id) && o.email?.toLowerCase() === email);
    if (!match) return login;
    claimed.add(match.id);
    return { ...login, id: match.id };
  });
  return { ...listed, logins };
}

/**
 * What a logins-only file cannot say, taken from the stored account: its partners, apps and other
 * access; each login's other users; the device of a 2SV method of the same kind and role (and phone).
 */
export function keepUnlisted(listed: SellerAccount, stored: SellerAccount, parts: readonly ListedPart[] = ["logins"]): SellerAccount {
  const has = new Set(parts);
  if (!has.has("logins")) listed = { ...listed, logins: stored.logins };
  const incoming = alignLoginsByEmail(listed, stored);
  const before = new Map(stored.logins.map((l) => [l.id, l]));
  return {
    ...incoming,
    partners: has.has("partners") ? incoming.partners : stored.partners,
    apps: has.has("apps") ? incoming.apps : stored.apps,
    otherAccess: has.has("otherAccess") ? incoming.otherAccess : stored.otherAccess,
    logins: incoming.logins.map((login) => {
      const old = before.get(login.id);
      if (!old) return login;
      const unused = [...old.twoStep];
      const twoStep = login.twoStep.map((m) => {
        if (m.deviceId !== null) return m;
        const i = unused.findIndex((o) => o.kind === m.kind && o.role === m.role && (m.phoneLast4 === null || o.phoneLast4 === m.phoneLast4));
        if (i < 0) return m;
        const [match] = unused.splice(i, 1);
        return { ...m, deviceId: match.deviceId, phoneLast4: m.phoneLast4 ?? match.phoneLast4 };
      });
      const usedBy = login.usedBy.length === 1 && login.usedBy[0] === login.personId && old.personId === login.personId ? old.usedBy : login.usedBy;
      return { ...login, twoStep, usedBy };
    }),
  };
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

export function planUpsert({ snapshot, existing, people, devices, clientId, loginsOnly, listed: parts }: PlanInput): UpsertPlan {
  const accounts = snapshot.accounts.map((listed, index): AccountPlan => {
    const old = existing.get(listed.id);
    const account = old && loginsOnly ? keepUnlisted(listed, old.account, parts) : listed;
    const base = { index, externalId: account.id, storeName: account.storeName, account };
    if (!old) {
      const none = <T>(list: T[]): ChildChanges<T> => ({ created: list, updated: [], removed: [], unchanged: 0 });
      return {
        ...base, status: "created", matchedBy: null, id: null, stored: null, fieldsChanged: true, clientChanged: false,
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
      ...base, status: any ? "updated" : "unchanged", matchedBy: old.matchedBy, id: old.id, stored: old.account,
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
