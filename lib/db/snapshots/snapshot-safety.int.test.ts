import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_MAX_BYTES } from "@/lib/validation/json-safety";
import { testDb } from "@/tests/support/db";
import { createTenant, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { malformedDocumentArbitrary } from "@/tests/support/malformed-snapshots";
import { parseSnapshotText } from "@/lib/snapshots/snapshot-text";
import type { Scope } from "@/lib/db/scope";
import { syncToolCatalogue } from "../tools";
import { upsertSnapshot } from "./upsert";

/** What the import page does with a file's text: read it, then upsert it (all or nothing). */
async function importSnapshotText(scope: Scope, text: string) {
  const parsed = parseSnapshotText(text);
  if (!parsed.ok) return parsed;
  return upsertSnapshot(scope, parsed.snapshot, { source: "IMPORT" });
}

// The malformed files that once answered HTTP 500 (issue 18): each is refused with a message at its
// JSON path, and nothing of it is written (all or nothing).

const db = testDb();
afterAll(() => db.$disconnect());
beforeAll(() => syncToolCatalogue(db));

async function rowCounts(orgId: string) {
  const where = { where: { orgId } };
  return {
    accounts: await db.sellerAccount.count(where), people: await db.person.count(where), devices: await db.device.count(where),
    logins: await db.login.count(where), partners: await db.authorizedPartner.count(where), apps: await db.appAuthorization.count(where),
  };
}

const valid = () => oneAccountSnapshot("Safe Store", `AS${crypto.randomUUID().slice(0, 8).toUpperCase()}`) as any;

describe("malformed snapshot files", () => {
  it.each([
    ["a 3,000-character store name", (d: any) => (d.accounts[0].storeName = "店".repeat(3_000)), "accounts[0].storeName", "tooLong"],
    ["a 100,000-character seller id", (d: any) => (d.accounts[0].sellerId = "A".repeat(100_000)), "accounts[0].sellerId", "tooLong"],
    ["a 3,000-character person name", (d: any) => (d.people[0].name = "x".repeat(3_000)), "people[0].name", "tooLong"],
    ["a NUL in a person's name", (d: any) => (d.people[0].name = "Sato\u0000Hana"), "people[0].name", "controlChar"],
    ["a NUL in a store name", (d: any) => (d.accounts[0].storeName = "\u0000"), "accounts[0].storeName", "controlChar"],
  ])("%s: refused at its path, nothing written", async (_, poison, path, key) => {
    const tenant = await createTenant(db);
    const before = await rowCounts(tenant.orgId);
    const doc = valid();
    poison(doc);
    const result = await importSnapshotText(await scopeFor(tenant.userId), JSON.stringify(doc));
    expect(result).toMatchObject({ ok: false, errors: [{ path, reason: { key } }] });
    expect(await rowCounts(tenant.orgId)).toEqual(before);
  });

  it("a full phone number in a device's label: refused at its path in the reader's words, nothing written; a model number is stored", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const before = await rowCounts(tenant.orgId);
    const doc = valid();
    doc.devices[0].label = "Sato iPhone +81 90-1234-5678";
    expect(await importSnapshotText(scope, JSON.stringify(doc))).toMatchObject({ ok: false, errors: [{ path: "devices[0].label", reason: { key: "phoneNumberInLabel" } }] });
    expect(await rowCounts(tenant.orgId)).toEqual(before);
    doc.devices[0].label = "Sato iPhone 15";
    expect(await importSnapshotText(scope, JSON.stringify(doc))).toMatchObject({ ok: true });
    expect(await db.device.findFirstOrThrow({ where: { orgId: tenant.orgId } })).toMatchObject({ label: "Sato iPhone 15" });
  });

  it("10,000 levels of nesting: refused at its path, no stack overflow, nothing written", async () => {
    const tenant = await createTenant(db);
    const text = JSON.stringify(valid()).replace('"logins":[', `"logins":[${"[".repeat(10_000)}${"]".repeat(10_000)},`);
    const result = await importSnapshotText(await scopeFor(tenant.userId), text);
    expect(result).toMatchObject({ ok: false, errors: [{ reason: { key: "tooDeep" } }] });
    expect(!result.ok && result.errors[0].path.startsWith("accounts[0].logins[0][0]")).toBe(true);
    expect(await rowCounts(tenant.orgId)).toMatchObject({ accounts: 0, people: 0 });
  });

  it("\"__proto__\" in place of storeName: refused, and no account is stored with the smuggled name", async () => {
    const tenant = await createTenant(db);
    const text = JSON.stringify(valid()).replace('"storeName":"Safe Store"', '"__proto__":{"storeName":"Smuggled"}');
    const result = await importSnapshotText(await scopeFor(tenant.userId), text);
    expect(result).toMatchObject({ ok: false, errors: [{ path: "accounts[0].__proto__", reason: { key: "forbiddenKey" } }] });
    expect(await db.sellerAccount.count({ where: { storeName: "Smuggled" } })).toBe(0);
    expect(await rowCounts(tenant.orgId)).toMatchObject({ accounts: 0 });
  });

  it("a text over the limit: refused as too large before it is parsed", async () => {
    const tenant = await createTenant(db);
    const doc = valid();
    doc["x-padding"] = "x".repeat(SNAPSHOT_MAX_BYTES);
    const result = await importSnapshotText(await scopeFor(tenant.userId), JSON.stringify(doc));
    expect(result).toMatchObject({ ok: false, errors: [{ path: "(file)", reason: { key: "fileTooLarge", vars: { mb: 5 } } }] });
    expect(await rowCounts(tenant.orgId)).toMatchObject({ accounts: 0 });
  });

  it("property: a generated portfolio with one poison anywhere is refused by path and writes nothing", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const before = await rowCounts(tenant.orgId);
    await fc.assert(
      fc.asyncProperty(malformedDocumentArbitrary, async (doc) => {
        const result = await importSnapshotText(scope, doc.text);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.some((e) => (doc.poison.kind === "deep" ? e.path.startsWith(doc.path) : e.path === doc.path))).toBe(true);
        expect(await rowCounts(tenant.orgId)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
