import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { getAccountDetailOrThrow, listAccounts } from "./accounts";
import { syncToolCatalogue } from "./tools";

const db = testDb();
const query = (q: Record<string, unknown> = {}) => accountListQuerySchema.parse(q);

let own: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let ownAccountId: string;
let otherAccountId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  own = await createTenant(db);
  other = await createTenant(db);
  ownAccountId = (await importSnapshot(db, own.orgId, oneAccountSnapshot("Own Store")))("account", "acc");
  otherAccountId = (await importSnapshot(db, other.orgId, oneAccountSnapshot("Other Store")))("account", "acc");
});
afterAll(() => db.$disconnect());

describe("accounts data access is scoped to the caller's organisation", () => {
  it("lists only the caller's accounts", async () => {
    const page = await listAccounts(await scopeFor(own.userId), query());
    expect(page.rows.map((r) => r.storeName)).toEqual(["Own Store"]);
    expect(page.total).toBe(1);
  });

  it("answers another tenant's account id with NOT_FOUND", async () => {
    const scope = await scopeFor(own.userId);
    await expect(getAccountDetailOrThrow(scope, otherAccountId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAccountDetailOrThrow(scope, otherAccountId)).rejects.toBeInstanceOf(AppError);
  });

  it("returns an account's logins, methods, devices and permissions", async () => {
    const account = await getAccountDetailOrThrow(await scopeFor(own.userId), ownAccountId);
    expect(account.logins).toHaveLength(1);
    expect(account.logins[0].twoStepMethods[0]).toMatchObject({ kind: "SMS", phoneLast4: "1234" });
    expect(account.logins[0].twoStepMethods[0].device?.holder?.name).toBe("Owner");
    expect(account.logins[0].permissions).toEqual([{ toolId: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }]);
  });

  it("searches by store name, seller id and login e-mail", async () => {
    const scope = await scopeFor(own.userId);
    expect((await listAccounts(scope, query({ q: "own st" }))).total).toBe(1);
    expect((await listAccounts(scope, query({ q: "owner@shop" }))).total).toBe(1);
    expect((await listAccounts(scope, query({ q: "Other" }))).total).toBe(0);
  });

  it("shows a Manager only the clients they are assigned to", async () => {
    const tenant = await createTenant(db, { role: "MANAGER" });
    const [a, b] = await Promise.all([
      db.client.create({ data: { orgId: tenant.orgId, name: "Assigned" } }),
      db.client.create({ data: { orgId: tenant.orgId, name: "Unassigned" } }),
    ]);
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Assigned Store"), () => a.id);
    const hidden = (await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Hidden Store"), () => b.id))("account", "acc");
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: tenant.membershipId, clientId: a.id } });
    const scope = await scopeFor(tenant.userId);
    expect((await listAccounts(scope, query())).rows.map((r) => r.storeName)).toEqual(["Assigned Store"]);
    await expect(getAccountDetailOrThrow(scope, hidden)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages with a stable order", async () => {
    const tenant = await createTenant(db);
    for (const name of ["C", "A", "B"]) await importSnapshot(db, tenant.orgId, oneAccountSnapshot(name));
    const scope = await scopeFor(tenant.userId);
    const all = await listAccounts(scope, query({ pageSize: 25 }));
    expect(all.rows.map((r) => r.storeName)).toEqual(["A", "B", "C"]);
    const desc = await listAccounts(scope, query({ dir: "desc" }));
    expect(desc.rows.map((r) => r.storeName)).toEqual(["C", "B", "A"]);
    expect((await listAccounts(scope, query({ page: 2 }))).rows).toEqual([]);
  });
});
