import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { MemberRole } from "@/lib/db/generated/enums";
import { resolveScope, type Scope } from "@/lib/db/scope";
import { writeSnapshot } from "@/lib/db/snapshot-import";
import { addDays } from "@/lib/dates";
import { snapshotSchema, type SnapshotInput } from "@/lib/validation/snapshot";

const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number) => addDays(today(), -n);

/** A fresh organisation with one member, so every test owns its data (shared by seed-free tests). */
export async function createTenant(db: Db, options: { role?: MemberRole; name?: string } = {}) {
  const orgId = randomUUID();
  const userId = randomUUID();
  await db.organization.create({ data: { id: orgId, name: options.name ?? `Org ${orgId.slice(0, 8)}` } });
  await db.user.create({ data: { id: userId, email: `${userId}@test.example`, name: "Test User", passwordHash: "not-a-real-hash" } });
  const membership = await db.membership.create({ data: { orgId, userId, role: options.role ?? "OWNER" } });
  return { orgId, userId, membershipId: membership.id };
}

export async function scopeFor(userId: string, orgId?: string): Promise<Scope> {
  const scope = await resolveScope(userId, orgId);
  if (!scope) throw new Error("user has no membership");
  return scope;
}

/** Writes a snapshot into an organisation with random ids; returns snapshot id → database id. */
export async function importSnapshot(db: Db, orgId: string, input: SnapshotInput, clientIdFor?: (accountId: string) => string | null) {
  const snapshot = snapshotSchema.parse(input);
  const ids = new Map<string, string>();
  const idFor = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return ids.get(key)!;
  };
  // Each call writes new records (as before external ids): an id the organisation already has gets a suffix.
  const taken = new Set([
    ...(await db.sellerAccount.findMany({ where: { orgId }, select: { externalId: true } })).map((r) => `account:${r.externalId}`),
    ...(await db.person.findMany({ where: { orgId }, select: { externalId: true } })).map((r) => `person:${r.externalId}`),
    ...(await db.device.findMany({ where: { orgId }, select: { externalId: true } })).map((r) => `device:${r.externalId}`),
  ]);
  const externalIdFor = (kind: string, id: string) => (taken.has(`${kind}:${id}`) ? `${id}~${randomUUID().slice(0, 8)}` : id);
  await db.$transaction((tx) => writeSnapshot(tx, orgId, snapshot, { idFor, source: "IMPORT", clientIdFor, externalIdFor }));
  return (kind: string, id: string) => ids.get(`${kind}:${id}`)!;
}

export function oneAccountSnapshot(storeName = "Test Store", sellerId = `A${randomUUID().slice(0, 8).toUpperCase()}`): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-owner", name: "Owner", external: false, company: "Shop KK", departedAt: null }],
    devices: [{ id: "d-phone", kind: "PHONE", label: "Phone", holderId: "p-owner", skipOtpOnBrowser: false }],
    accounts: [
      {
        id: "acc", storeName, sellerId, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(20),
        logins: [
          {
            id: "l-primary", role: "PRIMARY", email: "owner@shop.example", personId: "p-owner", status: "ACTIVE", lastLoginAt: daysAgo(3),
            passwordChangedAt: daysAgo(50), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1234" }],
            permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }],
          },
        ],
      },
    ],
  };
}

/**
 * Two organisations with one store each (named `stores`): the pair the raw-read and scoped-statement tests read
 * across, to show each read sees only its own organisation's.
 */
export async function twoTenantsWithAStoreEach(db: Db, stores: [string, string] = ["A's store", "B's store"]) {
  const a = await createTenant(db);
  const b = await createTenant(db);
  await importSnapshot(db, a.orgId, oneAccountSnapshot(stores[0]));
  await importSnapshot(db, b.orgId, oneAccountSnapshot(stores[1]));
  return { a, b };
}
