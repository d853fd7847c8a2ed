import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { createClient, listClientChoices, listClientRows, removeClient, renameClient } from "./client-records";

const db = testDb();
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

describe("clients", () => {
  it("are added, renamed (optimistic locking) and removed by owners and admins, each audited; their accounts stay", async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const { id } = await createClient(scope, { name: "Sakura Tea KK" });
    expect((await failure(createClient(scope, { name: "sakura tea kk" })))?.details).toEqual({ name: "validation.clientNameTaken" });

    await renameClient(scope, { clientId: id, version: 1, name: "Sakura Tea" });
    const stale = await failure(renameClient(scope, { clientId: id, version: 1, name: "Overwritten" }));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.current).toEqual({ name: "Sakura Tea", version: "2" });
    const [renamed] = await db.auditEvent.findMany({ where: { orgId, action: "client.renamed" } });
    expect(renamed).toMatchObject({ before: { name: "Sakura Tea KK" }, after: { name: "Sakura Tea" } });

    const account = await db.sellerAccount.create({ data: { orgId, clientId: id, storeName: "Sakura", region: "JP", marketplaces: ["JP"] } });
    expect(await listClientRows(scope)).toEqual([{ id, name: "Sakura Tea", version: 2, accounts: 1, members: 0, portal: false }]);
    await removeClient(scope, { clientId: id, version: 2, confirm: "yes" });
    expect(await db.client.count({ where: { id } })).toBe(0);
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: account.id }, select: { clientId: true } })).toEqual({ clientId: null });
    const [removed] = await db.auditEvent.findMany({ where: { orgId, action: "client.removed" } });
    expect(removed.before).toMatchObject({ name: "Sakura Tea", accountIds: [account.id] });
  });

  it("a name that differs only in width, case or spaces is taken (stored as typed); a rename to its own name in another width is not", async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const { id } = await createClient(scope, { name: "Kumo KK" });
    for (const name of ["Ｋｕｍｏ　ＫＫ", "KUMO  KK", "ｋｕｍｏ ｋｋ"]) expect((await failure(createClient(scope, { name })))?.details, name).toEqual({ name: "validation.clientNameTaken" });
    expect(await db.client.count({ where: { orgId } })).toBe(1);
    const { id: other } = await createClient(scope, { name: "Ｓａｋｕｒａ" });
    expect((await db.client.findUniqueOrThrow({ where: { id: other } })).name).toBe("Ｓａｋｕｒａ");
    expect((await failure(renameClient(scope, { clientId: other, version: 1, name: "Ｋｕｍｏ ＫＫ" })))?.details).toEqual({ name: "validation.clientNameTaken" });
    await renameClient(scope, { clientId: id, version: 1, name: "Ｋｕｍｏ　ＫＫ" });
    expect((await db.client.findUniqueOrThrow({ where: { id } })).name).toBe("Ｋｕｍｏ　ＫＫ");
  });

  it("two forms adding the same name in different widths at once: exactly one is saved", async () => {
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const results = await Promise.allSettled([createClient(scope, { name: "Kumo KK" }), createClient(scope, { name: "Ｋｕｍｏ　ＫＫ" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((refused.reason as AppError).details).toEqual({ name: "validation.clientNameTaken" });
    expect(await db.client.count({ where: { orgId } })).toBe(1);
  });

  it("are refused to Managers and Viewers, and another organisation's client is not found", async () => {
    const { orgId, userId } = await createTenant(db);
    const owner = await scopeFor(userId);
    const { id } = await createClient(owner, { name: "Kumo" });
    for (const role of ["MANAGER", "VIEWER"] as const) {
      const user = await db.user.create({ data: { email: `${randomUUID()}@test.example`, name: role, passwordHash: "x" } });
      await db.membership.create({ data: { orgId, userId: user.id, role } });
      const scope = await scopeFor(user.id, orgId);
      expect((await failure(createClient(scope, { name: "Mine" })))?.code).toBe("FORBIDDEN");
      expect((await failure(renameClient(scope, { clientId: id, version: 1, name: "Mine" })))?.code).toBe("FORBIDDEN");
    }
    const other = await createTenant(db);
    const stranger = await scopeFor(other.userId);
    expect((await failure(renameClient(stranger, { clientId: id, version: 1, name: "Taken" })))?.code).toBe("NOT_FOUND");
    expect((await failure(removeClient(stranger, { clientId: id, version: 1, confirm: "yes" })))?.code).toBe("NOT_FOUND");
    expect(await db.client.findUniqueOrThrow({ where: { id }, select: { name: true } })).toEqual({ name: "Kumo" });
  });

  it("offer as choices every client of the organisation by name, a Manager only theirs, another organisation none", async () => {
    const { orgId, userId } = await createTenant(db);
    const owner = await scopeFor(userId);
    const kumo = await createClient(owner, { name: "Kumo" });
    const asa = await createClient(owner, { name: "Asa" });
    const other = await createTenant(db);
    await createClient(await scopeFor(other.userId), { name: "Elsewhere" });
    expect(await listClientChoices(owner)).toEqual([{ id: asa.id, name: "Asa" }, { id: kumo.id, name: "Kumo" }]);

    const user = await db.user.create({ data: { email: `${randomUUID()}@test.example`, name: "Manager", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId, userId: user.id, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId, membershipId: membership.id, clientId: kumo.id } });
    expect(await listClientChoices(await scopeFor(user.id, orgId))).toEqual([{ id: kumo.id, name: "Kumo" }]);

    // The stranger's organisation holds only its own client: none of this one's.
    expect((await listClientChoices(await scopeFor(other.userId))).map((c) => c.name)).toEqual(["Elsewhere"]);
  });
});
