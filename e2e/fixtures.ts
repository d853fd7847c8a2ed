import { randomUUID } from "node:crypto";
import { test as base } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { writeSnapshot } from "@/lib/db/snapshot-import";
import { addDays } from "@/lib/dates";
import { snapshotSchema, type SnapshotInput } from "@/lib/validation/snapshot";

// Each spec gets its own organisation and user in the run's throwaway database, so specs never see
// each other's changes (scripts/test-all.ts runs Playwright with the react-server condition so lib/db
// can be imported here).

export interface Tenant {
  email: string;
  password: string;
  orgId: string;
  accountId: (snapshotId: string) => string;
  personId: (snapshotId: string) => string;
}

const today = () => new Date().toISOString().slice(0, 10);
/** A seller ID of a merchant token's usual shape (A and 12 more), so an account page has no shape note to show. */
export const merchantToken = () => `A${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
const ago = (n: number) => addDays(today(), -n);

/** Two accounts: "Kumo Books" with a lone SMS method on its primary login, "Clean Store" healthy. */
export function tenantSnapshot(): SnapshotInput {
  const strong = (holder: string) => [
    { kind: "AUTHENTICATOR_APP" as const, role: "PRIMARY" as const, deviceId: `d-app-${holder}` },
    { kind: "SMS" as const, role: "BACKUP" as const, deviceId: `d-phone-${holder}`, phoneLast4: "2222" },
  ];
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-owner", name: "Kumo Owner", external: false, company: "Kumo KK" },
      { id: "p-lead", name: "Kumo Lead", external: false, company: "Kumo KK" },
    ],
    devices: ["p-owner", "p-lead"].flatMap((p) => [
      { id: `d-app-${p}`, kind: "AUTHENTICATOR_APP" as const, label: "Authenticator", holderId: p },
      { id: `d-phone-${p}`, kind: "PHONE" as const, label: "Phone", holderId: p },
    ]),
    accounts: [
      {
        id: "kumo", storeName: "Kumo Books", sellerId: merchantToken(), region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE",
        lastVerifiedAt: ago(5),
        logins: [
          { id: "primary", role: "PRIMARY", email: "owner@kumo.example", personId: "p-owner", status: "ACTIVE", lastLoginAt: ago(1), passwordChangedAt: ago(30),
            twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone-p-owner", phoneLast4: "1111" }] },
          { id: "lead", role: "SECONDARY", email: "lead@kumo.example", personId: "p-lead", status: "ACTIVE", lastLoginAt: ago(2), acceptedAt: ago(100), invitedAt: ago(101),
            twoStep: strong("p-lead"), permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }, { tool: "INVENTORY", level: "VIEW", marketplace: "JP" }] },
        ],
      },
      {
        id: "clean", storeName: "Clean Store", sellerId: merchantToken(), region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE",
        lastVerifiedAt: ago(5),
        logins: [
          { id: "primary", role: "PRIMARY", email: "owner@clean.example", personId: "p-owner", status: "ACTIVE", lastLoginAt: ago(1), passwordChangedAt: ago(30), twoStep: strong("p-owner") },
          { id: "lead", role: "SECONDARY", email: "lead@clean.example", personId: "p-lead", status: "ACTIVE", lastLoginAt: ago(2), acceptedAt: ago(100), invitedAt: ago(101),
            twoStep: strong("p-lead"), permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }] },
        ],
      },
    ],
  };
}

/**
 * CLIENT_OWNER: a user of the client company's own (SELLER) organisation, linked to the agency's
 * client "E2E Client" (Kumo Books); "Clean Store" then belongs to another client of the same agency.
 */
export type TenantRole = "OWNER" | "ADMIN" | "MANAGER" | "VIEWER" | "CLIENT_OWNER";

export async function createTenant(role: TenantRole = "OWNER", snapshot: SnapshotInput = tenantSnapshot()): Promise<Tenant> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npm test -- e2e`");
  const db = createDb(url);
  const orgId = randomUUID();
  const email = `e2e-${orgId.slice(0, 8)}@test.example`;
  const password = `pw-${randomUUID()}`;
  const ids = new Map<string, string>();
  const idFor = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return ids.get(key)!;
  };
  try {
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      await tx.organization.create({ data: { id: orgId, name: `E2E ${orgId.slice(0, 8)}` } });
      const user = await tx.user.create({ data: { email, name: "E2E User", passwordHash } });
      // Managers and viewers see assigned clients only: put every account under one client they hold.
      const client = await tx.client.create({ data: { orgId, name: "E2E Client" } });
      let clientIdFor = (_: string): string => client.id;
      if (role === "CLIENT_OWNER") {
        const seller = await tx.organization.create({ data: { name: "Kumo KK", kind: "SELLER" } });
        await tx.client.update({ where: { id: client.id }, data: { portalOrgId: seller.id } });
        await tx.membership.create({ data: { orgId: seller.id, userId: user.id, role: "OWNER" } });
        const sibling = await tx.client.create({ data: { orgId, name: "E2E Other Client" } });
        clientIdFor = (accountId) => (accountId === "kumo" ? client.id : sibling.id);
      } else {
        const membership = await tx.membership.create({ data: { orgId, userId: user.id, role } });
        if (role === "MANAGER" || role === "VIEWER") await tx.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId: client.id } });
      }
      await writeSnapshot(tx, orgId, snapshotSchema.parse(snapshot), { idFor, source: "IMPORT", clientIdFor });
    });
    await recomputeOrganisations(db, { today: today(), orgIds: [orgId] });
  } finally {
    await db.$disconnect();
  }
  return { email, password, orgId, accountId: (id) => ids.get(`account:${id}`)!, personId: (id) => ids.get(`person:${id}`)! };
}

export const test = base.extend<{ tenant: Tenant }>({
  // eslint-disable-next-line no-empty-pattern
  tenant: async ({}, use) => use(await createTenant()),
});
export { expect } from "@playwright/test";
