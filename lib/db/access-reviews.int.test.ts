import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { latestReviews, recordAccessReview } from "./access-reviews";
import { getAccountPageOrThrow } from "./accounts/read-accounts";

const db = testDb();
afterAll(() => db.$disconnect());

describe("access reviews", () => {
  it("lets a viewer of the account record decisions; the latest per login wins; strangers get NOT_FOUND", async () => {
    const tenant = await createTenant(db, { role: "VIEWER" });
    const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Seller" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: tenant.membershipId, clientId: client.id } });
    const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot(), () => client.id);
    const [accountId, loginId] = [ids("account", "acc"), ids("login", "acc/l-primary")];
    const scope = await scopeFor(tenant.userId);

    await recordAccessReview(scope, { accountId, loginId, decision: "APPROVED", note: null });
    await recordAccessReview(scope, { accountId, loginId, decision: "REMOVE_REQUESTED", note: "agency contract ended" });
    const latest = (await latestReviews(scope, accountId)).get(loginId);
    expect(latest).toMatchObject({ decision: "REMOVE_REQUESTED", note: "agency contract ended", by: "Test User" });
    expect((await getAccountPageOrThrow(scope, accountId)).reviews).toEqual(await latestReviews(scope, accountId));
    expect(await db.accessReview.count({ where: { loginId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: loginId, action: "access.reviewed" } })).toBe(2);

    const stranger = await createTenant(db);
    await expect(recordAccessReview(await scopeFor(stranger.userId), { accountId, loginId, decision: "APPROVED", note: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a viewer an account of a client they are not assigned to", async () => {
    const tenant = await createTenant(db, { role: "VIEWER" });
    const other = await db.client.create({ data: { orgId: tenant.orgId, name: "Not mine" } });
    const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot(), () => other.id);
    await expect(
      recordAccessReview(await scopeFor(tenant.userId), { accountId: ids("account", "acc"), loginId: ids("login", "acc/l-primary"), decision: "APPROVED", note: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
