import "server-only";
import { dateText } from "@/lib/snapshots/canonical";
import type { ExistingAccount } from "@/lib/snapshots/plan";
import type { Device, Person, SellerAccount } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import type { Prisma } from "../generated/client";

// Stored records in snapshot form, named by external id: what an export writes and what an upsert
// compares the file with. Read through the caller's (row-level-secured) client or transaction.

const CHUNK = 5_000;

/** Runs `read` over `ids` in chunks, so a large organisation never builds one statement with too many parameters. */
export async function chunked<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) out.push(...(await read(ids.slice(start, start + CHUNK))));
  return out;
}

const ACCOUNT_SELECT = {
  id: true, externalId: true, clientId: true, storeName: true, sellerId: true, region: true, marketplaces: true, plan: true, status: true, lastVerifiedAt: true,
  logins: {
    orderBy: { externalId: "asc" },
    select: {
      id: true, externalId: true, role: true, email: true, personId: true, status: true, invitedAt: true, acceptedAt: true, lastLoginAt: true,
      passwordChangedAt: true, passwordReused: true,
      usedBy: { select: { personId: true } },
      twoStepMethods: { orderBy: { id: "asc" }, select: { kind: true, role: true, deviceId: true, phoneLast4: true } },
      permissions: { orderBy: { id: "asc" }, select: { toolId: true, level: true, marketplace: true } },
    },
  },
  partners: { orderBy: { externalId: "asc" }, select: { id: true, externalId: true, company: true, linkSentAt: true, acceptedAt: true } },
  apps: { orderBy: { externalId: "asc" }, select: { id: true, externalId: true, appName: true, developer: true, authorizedAt: true, expiresAt: true } },
  otherAccess: { orderBy: { id: "asc" }, select: { personId: true, console: true, role: true } },
} satisfies Prisma.SellerAccountSelect;

type AccountRow = Prisma.SellerAccountGetPayload<{ select: typeof ACCOUNT_SELECT }>;

export interface StoredPeople {
  /** Database id → external id, for every person and device the accounts refer to. */
  personExt: Map<string, string>;
  deviceExt: Map<string, string>;
  /** In snapshot form, by external id, with database ids. */
  people: Map<string, { id: string; record: Person }>;
  devices: Map<string, { id: string; record: Device }>;
}

/** Accounts matching `where` (already scoped by the caller), in snapshot form with their records' database ids. */
export async function readAccounts(tx: Tx, where: Prisma.SellerAccountWhereInput): Promise<AccountRow[]> {
  return tx.sellerAccount.findMany({ where, select: ACCOUNT_SELECT, orderBy: { externalId: "asc" } });
}

export function referencedIds(rows: AccountRow[]): { people: Set<string>; devices: Set<string> } {
  const people = new Set<string>();
  const devices = new Set<string>();
  for (const a of rows) {
    for (const l of a.logins) {
      people.add(l.personId);
      for (const u of l.usedBy) people.add(u.personId);
      for (const m of l.twoStepMethods) if (m.deviceId) devices.add(m.deviceId);
    }
    for (const o of a.otherAccess) people.add(o.personId);
  }
  return { people, devices };
}

/**
 * People and devices by database id (null = every one of the organisation), with the holders of those
 * devices, in snapshot form.
 */
export async function readPeopleAndDevices(tx: Tx, orgId: string, ids: { people: Set<string>; devices: Set<string> } | null): Promise<StoredPeople> {
  const deviceSelect = { id: true, externalId: true, kind: true, label: true, holderId: true, skipOtpOnBrowser: true } as const;
  const personSelect = { id: true, externalId: true, name: true, external: true, company: true, departedAt: true } as const;
  const devices = ids
    ? await chunked([...ids.devices], (chunk) => tx.device.findMany({ where: { orgId, id: { in: chunk } }, select: deviceSelect }))
    : await tx.device.findMany({ where: { orgId }, select: deviceSelect });
  const personIds = ids ? new Set([...ids.people, ...devices.flatMap((d) => (d.holderId ? [d.holderId] : []))]) : null;
  const people = personIds
    ? await chunked([...personIds], (chunk) => tx.person.findMany({ where: { orgId, id: { in: chunk } }, select: personSelect }))
    : await tx.person.findMany({ where: { orgId }, select: personSelect });
  return storedPeople(people, devices);
}

type PersonRow = { id: string; externalId: string; name: string; external: boolean; company: string | null; departedAt: Date | null };
type DeviceRow = { id: string; externalId: string; kind: Device["kind"]; label: string | null; holderId: string | null; skipOtpOnBrowser: boolean };

export function storedPeople(people: PersonRow[], devices: DeviceRow[]): StoredPeople {
  const personExt = new Map(people.map((p) => [p.id, p.externalId]));
  const deviceExt = new Map(devices.map((d) => [d.id, d.externalId]));
  const out: StoredPeople = { personExt, deviceExt, people: new Map(), devices: new Map() };
  for (const p of people)
    out.people.set(p.externalId, { id: p.id, record: { id: p.externalId, name: p.name, external: p.external, company: p.company, departedAt: dateText(p.departedAt) } });
  for (const d of devices)
    out.devices.set(d.externalId, {
      id: d.id,
      record: { id: d.externalId, kind: d.kind, label: d.label, holderId: d.holderId ? (personExt.get(d.holderId) ?? d.holderId) : null, skipOtpOnBrowser: d.skipOtpOnBrowser },
    });
  return out;
}

/** One stored account in snapshot form (ids are external ids), with its records' database ids. */
export function toExistingAccount(row: AccountRow, stored: Pick<StoredPeople, "personExt" | "deviceExt">): ExistingAccount {
  const person = (id: string) => stored.personExt.get(id) ?? id;
  const device = (id: string | null) => (id === null ? null : (stored.deviceExt.get(id) ?? id));
  const account: SellerAccount = {
    id: row.externalId, storeName: row.storeName, sellerId: row.sellerId, region: row.region, marketplaces: row.marketplaces, plan: row.plan, status: row.status,
    lastVerifiedAt: dateText(row.lastVerifiedAt),
    logins: row.logins.map((l) => ({
      id: l.externalId, role: l.role, email: l.email, personId: person(l.personId),
      // No stored users means the login's own person (as when a snapshot leaves usedBy out).
      usedBy: l.usedBy.length ? l.usedBy.map((u) => person(u.personId)).sort() : [person(l.personId)],
      status: l.status, invitedAt: dateText(l.invitedAt), acceptedAt: dateText(l.acceptedAt), lastLoginAt: dateText(l.lastLoginAt),
      passwordChangedAt: dateText(l.passwordChangedAt), passwordReused: l.passwordReused,
      twoStep: l.twoStepMethods.map((m) => ({ kind: m.kind, role: m.role, deviceId: device(m.deviceId), phoneLast4: m.phoneLast4 })),
      permissions: l.permissions.map((g) => ({ tool: g.toolId as SellerAccount["logins"][number]["permissions"][number]["tool"], level: g.level, marketplace: g.marketplace })),
    })),
    partners: row.partners.map((p) => ({ id: p.externalId, company: p.company, linkSentAt: dateText(p.linkSentAt), acceptedAt: dateText(p.acceptedAt) })),
    apps: row.apps.map((a) => ({ id: a.externalId, name: a.appName, developer: a.developer, authorizedAt: dateText(a.authorizedAt), expiresAt: dateText(a.expiresAt) })),
    otherAccess: row.otherAccess.map((o) => ({ personId: person(o.personId), console: o.console, role: o.role })),
  };
  return {
    id: row.id, clientId: row.clientId, account,
    loginIds: new Map(row.logins.map((l) => [l.externalId, l.id])),
    partnerIds: new Map(row.partners.map((p) => [p.externalId, p.id])),
    appIds: new Map(row.apps.map((a) => [a.externalId, a.id])),
  };
}
