import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { importSnapshotText } from "./snapshot-upload";
import { syncToolCatalogue } from "./tools";

const db = testDb();
afterAll(() => db.$disconnect());

describe("snapshot import (all or nothing, row-level errors)", () => {
  it("imports a valid snapshot as new accounts and computes their findings", async () => {
    await syncToolCatalogue(db);
    const tenant = await createTenant(db);
    const result = await importSnapshotText(await scopeFor(tenant.userId), JSON.stringify(oneAccountSnapshot("Imported Store", "AIMPORT0001")), null);
    expect(result).toEqual({ ok: true, accounts: 1, logins: 1 });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId } });
    expect(account).toMatchObject({ storeName: "Imported Store", source: "IMPORT" });
    expect(await db.finding.count({ where: { accountId: account.id, status: "OPEN" } })).toBeGreaterThan(0);
  });

  it("reports every problem with its JSON path and writes nothing", async () => {
    const tenant = await createTenant(db);
    const bad = oneAccountSnapshot("Bad Store", "ABAD0001") as any;
    bad.accounts[0].logins[0].status = "ENABLED";
    bad.accounts[0].logins[0].twoStep[0].phoneLast4 = "09012345678";
    bad.accounts[0].colour = "blue";
    const result = await importSnapshotText(await scopeFor(tenant.userId), JSON.stringify(bad), null);
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.errors.map((e) => e.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["accounts[0].logins[0].status", "accounts[0].logins[0].twoStep[0].phoneLast4", "accounts[0].colour"]));
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId } })).toBe(0);
    expect(await db.person.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  it("refuses a seller ID that already exists, and malformed JSON, without writing", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await importSnapshotText(scope, JSON.stringify(oneAccountSnapshot("First", "ADUP0001")), null);
    const second = oneAccountSnapshot("Second", "ADUP0001");
    second.accounts[0].id = "acc-second";
    const again = await importSnapshotText(scope, JSON.stringify(second), null);
    expect(again).toEqual({ ok: false, errors: [{ path: "accounts[0].sellerId", message: "seller ID ADUP0001 already exists in this organisation", reason: { key: "sellerIdTaken", vars: { sellerId: "ADUP0001" } } }] });
    // The parser's own text stays in `message` (English, engine-specific); the reason carries where it broke.
    expect(await importSnapshotText(scope, "{\n  \"format\": 1,\n}", null)).toMatchObject({ ok: false, errors: [{ path: "(file)", reason: { key: "notJsonAt", vars: { line: 3, column: 1 } } }] });
    expect(await importSnapshotText(scope, "hello", null)).toMatchObject({ ok: false, errors: [{ path: "(file)", reason: { key: "notJson" } }] });
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });

  it("keeps the snapshot's ids as external ids, refuses a known account id and reuses known people and devices", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    expect(await importSnapshotText(scope, JSON.stringify(oneAccountSnapshot("First", "AEXT0001")), null)).toMatchObject({ ok: true });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId }, include: { logins: true } });
    expect(account.externalId).toBe("acc");
    expect(account.logins.map((l) => l.externalId)).toEqual(["l-primary"]);
    expect((await db.person.findMany({ where: { orgId: tenant.orgId } })).map((p) => p.externalId)).toEqual(["p-owner"]);

    // The same account id again: refused by path, nothing written.
    expect(await importSnapshotText(scope, JSON.stringify(oneAccountSnapshot("Again", "AEXT0002")), null)).toMatchObject({
      ok: false, errors: [{ path: "accounts[0].id", reason: { key: "accountIdTaken", vars: { id: "acc" } } }],
    });
    // Another account with the same person and device: one person, one device, now on two accounts.
    const other = oneAccountSnapshot("Other", "AEXT0003");
    other.accounts[0].id = "acc-2";
    expect(await importSnapshotText(scope, JSON.stringify(other), null)).toMatchObject({ ok: true });
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId } })).toBe(2);
    expect(await db.person.count({ where: { orgId: tenant.orgId } })).toBe(1);
    expect(await db.device.count({ where: { orgId: tenant.orgId } })).toBe(1);
    const person = await db.person.findFirstOrThrow({ where: { orgId: tenant.orgId }, include: { logins: true, access: true } });
    expect(person.logins).toHaveLength(2);
    expect(person.access?.accounts).toBe(2);
  });

  it("gives records made outside a snapshot a generated, unique external id", async () => {
    const tenant = await createTenant(db);
    const made = await db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Made here", region: "JP" } });
    const again = await db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Made here too", region: "JP" } });
    expect(made.externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.externalId).not.toBe(made.externalId);
    await expect(db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Clash", region: "JP", externalId: made.externalId } })).rejects.toThrow();
  });

  it("is for owners and admins only", async () => {
    const tenant = await createTenant(db, { role: "MANAGER" });
    await expect(importSnapshotText(await scopeFor(tenant.userId), "{}", null)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
