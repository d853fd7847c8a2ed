import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenant, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { searchPeople } from "./person-search";

const db = testDb();

describe("the person picker's search", () => {
  it("finds people by name, company or e-mail, names that start with the text first; a Manager only their clients' people; never another organisation's", async () => {
    const tenant = await createTenant(db);
    const [alpha, beta] = await Promise.all(["Alpha Co", "Beta Co"].map((name) => db.client.create({ data: { orgId: tenant.orgId, name } })));
    await importSnapshot(db, tenant.orgId, {
      format: "gatehouse.snapshot/v1",
      people: [
        { id: "p-sato", name: "Sato Hana", company: "Alpha Co" },
        { id: "p-kato", name: "Kato Sato", company: "Alpha Co" },
        { id: "p-ito", name: "Ito Ren", company: "Beta Co" },
        { id: "p-mail", name: "Mori Aoi" },
      ],
      accounts: [
        { id: "a", storeName: "Alpha", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins: [{ id: "l1", role: "PRIMARY", personId: "p-sato", status: "ACTIVE" }, { id: "l2", role: "SECONDARY", personId: "p-kato", status: "ACTIVE" }] },
        { id: "b", storeName: "Beta", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", logins: [{ id: "l3", role: "PRIMARY", personId: "p-ito", status: "ACTIVE" }] },
      ],
    }, (id) => (id === "a" ? alpha.id : beta.id));
    await db.person.updateMany({ where: { orgId: tenant.orgId, name: "Mori Aoi" }, data: { email: "mori@sato-agency.example" } });
    const other = await createTenant(db);
    await db.person.create({ data: { orgId: other.orgId, name: "Sato Other" } });

    const owner = await scopeFor(tenant.userId);
    expect((await searchPeople(owner, "sato")).map((p) => p.name)).toEqual(["Sato Hana (Alpha Co)", "Kato Sato (Alpha Co)", "Mori Aoi"]);
    expect((await searchPeople(owner, "beta co")).map((p) => p.name)).toEqual(["Ito Ren (Beta Co)"]);
    expect(await searchPeople(owner, "")).toHaveLength(4);

    const userId = randomUUID();
    await db.user.create({ data: { id: userId, email: `${userId}@test.example`, name: "Manager", passwordHash: "not-a-real-hash" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: beta.id } });
    const manager = await scopeFor(userId);
    expect((await searchPeople(manager, "")).map((p) => p.name)).toEqual(["Ito Ren (Beta Co)"]);
    expect(await searchPeople(manager, "sato")).toEqual([]);
  });

  it("looks for %, _ and \\ as themselves, not as a pattern's wildcards", async () => {
    const tenant = await createTenant(db);
    await db.person.createMany({
      data: [
        { orgId: tenant.orgId, name: "Sato_Hana" },
        { orgId: tenant.orgId, name: "Sato-Hana" },
        { orgId: tenant.orgId, name: "Ito Ren", company: "100% Tea KK" },
        { orgId: tenant.orgId, name: "Mori Aoi", email: "mori\\aoi@example.com" },
        { orgId: tenant.orgId, name: "Kato Ken" },
      ],
    });
    const owner = await scopeFor(tenant.userId);
    const names = async (text: string) => (await searchPeople(owner, text)).map((p) => p.name).sort();
    expect(await names("%")).toEqual(["Ito Ren (100% Tea KK)"]);
    expect(await names("_")).toEqual(["Sato_Hana"]);
    expect(await names("o_h")).toEqual(["Sato_Hana"]);
    expect(await names("0%")).toEqual(["Ito Ren (100% Tea KK)"]);
    expect(await names("\\")).toEqual(["Mori Aoi"]);
    expect(await names("i\\a")).toEqual(["Mori Aoi"]);
  });
});
