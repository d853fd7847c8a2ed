import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { makeAccounts } from "@/tests/support/account-grid";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { countStatement } from "./accounts-sql";
import { listAccounts } from "./read-accounts";
import { syncToolCatalogue } from "../tools";

// AccountCount (decision 048) is derived from SellerAccount by triggers; after every kind of write it must equal
// a live count, and the accounts table's unfiltered total reads it.
const db = testDb();
const query = (q: Record<string, unknown> = {}) => accountListQuerySchema.parse(q);

const stored = async (orgId: string) =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT coalesce((SELECT accounts FROM "AccountCount" WHERE "orgId" = $1), 0)::int AS n`, orgId))[0].n;
const live = (orgId: string) => db.sellerAccount.count({ where: { orgId } });
async function expectInStep(...orgIds: string[]) {
  for (const orgId of orgIds) expect(await stored(orgId), orgId).toBe(await live(orgId));
}
const newAccount = (orgId: string, storeName: string) => ({ orgId, storeName, region: "JP", sellerId: `C${crypto.randomUUID().slice(0, 10)}` });

beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

describe("the stored number of accounts per organisation", () => {
  it("follows accounts imported, created one by one and in bulk, deleted, and moved to another organisation", async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    await expectInStep(a.orgId, b.orgId);
    await importSnapshot(db, a.orgId, oneAccountSnapshot("Imported"));
    await makeAccounts(db, a.orgId, [{ storeName: "One" }, { storeName: "Two" }]);
    await db.sellerAccount.createMany({ data: [1, 2, 3, 4, 5].map((i) => newAccount(a.orgId, `Bulk ${i}`)) });
    await db.sellerAccount.create({ data: newAccount(b.orgId, "B one") });
    await expectInStep(a.orgId, b.orgId);
    expect(await stored(a.orgId)).toBe(8);
    await db.sellerAccount.deleteMany({ where: { orgId: a.orgId, storeName: { in: ["Bulk 1", "Bulk 2"] } } });
    await expectInStep(a.orgId, b.orgId);
    const moving = await db.sellerAccount.findFirstOrThrow({ where: { orgId: a.orgId, storeName: "Bulk 3" } });
    await db.sellerAccount.update({ where: { id: moving.id }, data: { orgId: b.orgId } });
    await db.sellerAccount.updateMany({ where: { orgId: a.orgId }, data: { score: 50 } }); // no move: no change
    await expectInStep(a.orgId, b.orgId);
    expect([await stored(a.orgId), await stored(b.orgId)]).toEqual([5, 2]);
    // Deleting the organisation deletes its accounts (cascade), and the triggers count that too.
    await db.organization.delete({ where: { id: b.orgId } });
    expect(await stored(b.orgId)).toBe(0);
  });

  it("counts both of two transactions that add accounts to one organisation at once", async () => {
    const { orgId } = await createTenant(db);
    await db.sellerAccount.create({ data: newAccount(orgId, "Before") });
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    let secondStarted = false;
    const first = db.$transaction(async (tx) => {
      await tx.sellerAccount.createMany({ data: [newAccount(orgId, "First 1"), newAccount(orgId, "First 2")] });
      firstWrote();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(secondStarted).toBe(true);
    });
    await wrote;
    const second = db.$transaction(async (tx) => {
      secondStarted = true;
      await tx.sellerAccount.create({ data: newAccount(orgId, "Second") });
    });
    await Promise.all([first, second]);
    expect(await stored(orgId)).toBe(4);
    await expectInStep(orgId);
  });

  it("is the accounts table's total when nothing narrows it; anything that narrows it is counted live", async () => {
    const tenant = await createTenant(db);
    await makeAccounts(db, tenant.orgId, [{ storeName: "Alpha", score: 30 }, { storeName: "Bravo", score: 80 }, { storeName: "Charlie", score: 90 }]);
    const scope = await scopeFor(tenant.userId);
    expect((await listAccounts(scope, query())).total).toBe(3);
    // The stored row is what the unfiltered total shows (changed by hand here, as the owner, to tell them apart).
    await db.$executeRawUnsafe(`UPDATE "AccountCount" SET accounts = 7 WHERE "orgId" = $1`, tenant.orgId);
    try {
      expect((await listAccounts(scope, query())).total).toBe(7);
      expect((await listAccounts(scope, query({ sort: "score", dir: "desc" }))).total).toBe(7);
      expect((await listAccounts(scope, query({ min: 0 }))).total).toBe(3);
      expect((await listAccounts(scope, query({ min: 50 }))).total).toBe(2);
      expect((await listAccounts(scope, query({ severity: "critical" }))).total).toBe(0);
      expect((await listAccounts(scope, query({ q: "a" }))).total).toBe(3);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "AccountCount" SET accounts = 3 WHERE "orgId" = $1`, tenant.orgId);
    }
    // A Manager's scope (some clients only) is never the whole organisation.
    expect(countStatement({ ...scope, clientIds: ["c1"] }, query()).sql).not.toContain("AccountCount");
    expect(countStatement(scope, query()).sql).toContain("AccountCount");
  });
});
