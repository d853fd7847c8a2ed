import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTwoStepMethod, updateLogin } from "@/lib/db/account-writes";
import { acceptFinding, reopenFinding } from "@/lib/db/findings";
import { utcToday } from "@/lib/db/write-context";
import { addDays } from "@/lib/demo/day-math";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { syncToolCatalogue } from "../tools";
import { recomputeAccounts } from "./recompute";
import { recomputeOrganisations } from "./recompute-all";

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

async function setup() {
  const tenant = await createTenant(db);
  const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot());
  const accountId = ids("account", "acc");
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
  return { tenant, accountId, loginId: ids("login", "acc/l-primary"), scope: await scopeFor(tenant.userId) };
}

const findings = (accountId: string) => db.finding.findMany({ where: { accountId }, orderBy: [{ ruleId: "asc" }] });
const open = async (accountId: string) => (await findings(accountId)).filter((f) => f.status === "OPEN").map((f) => f.ruleId).sort();
const version = async (accountId: string) => (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;

describe("findings are persisted and follow every write in the same transaction", () => {
  it("computes the account's findings and score", async () => {
    const { accountId } = await setup();
    // One SMS method on the primary login, and only one admin person.
    expect(await open(accountId)).toEqual(["PRIMARY_NO_BACKUP", "SINGLE_2SV_METHOD", "SINGLE_ADMIN", "SMS_ONLY"]);
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.score).toBe(100 - 15 - 15 - 5 - 5);
    expect(account.evaluatedOn?.toISOString().slice(0, 10)).toBe(utcToday());
    const daily = await db.accountScoreDaily.findMany({ where: { accountId } });
    expect(daily.map((d) => d.score)).toEqual([60]);
  });

  it("resolves findings when a backup authenticator app is added, and raises the score", async () => {
    const { accountId, loginId, scope } = await setup();
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: "Authy", phoneLast4: null, deviceId: null });
    expect(await open(accountId)).toEqual(["SINGLE_ADMIN"]);
    const resolved = (await findings(accountId)).filter((f) => f.status === "RESOLVED");
    expect(resolved.map((f) => f.ruleId).sort()).toEqual(["PRIMARY_NO_BACKUP", "SINGLE_2SV_METHOD", "SMS_ONLY"]);
    expect(resolved.every((f) => f.resolvedAt !== null)).toBe(true);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).score).toBe(95);
    const events = await db.auditEvent.findMany({ where: { accountId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["twoStepMethod.added", "finding.resolved"]));
  });

  it("re-opens the same finding, with its history, when the problem comes back", async () => {
    const { accountId, loginId, scope } = await setup();
    const before = (await findings(accountId)).find((f) => f.ruleId === "SINGLE_2SV_METHOD")!;
    const methodId = await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: null });
    await db.$transaction(async (tx) => {
      await tx.twoStepMethod.delete({ where: { id: methodId } });
      await recomputeAccounts(tx, scope.orgId, [accountId], { today: utcToday() });
    });
    const after = (await findings(accountId)).find((f) => f.ruleId === "SINGLE_2SV_METHOD")!;
    expect(after.id).toBe(before.id);
    expect(after.status).toBe("OPEN");
    expect(after.firstSeenAt).toEqual(before.firstSeenAt);
    expect(await db.auditEvent.count({ where: { entityId: before.id, action: "finding.reopened" } })).toBe(1);
  });

  it("rolls back the data change when the write is refused (stale version), leaving findings untouched", async () => {
    const { accountId, loginId, scope } = await setup();
    const stale = (await version(accountId)) - 1;
    await expect(
      addTwoStepMethod(scope, { accountId, version: stale, loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.twoStepMethod.count({ where: { loginId } })).toBe(1);
    expect(await open(accountId)).toContain("SINGLE_2SV_METHOD");
  });

  it("evaluates age rules on today's date: an old password change shows as STALE_PASSWORD", async () => {
    const { accountId, loginId, scope } = await setup();
    await updateLogin(scope, { accountId, version: await version(accountId), loginId, status: "ACTIVE", passwordChangedAt: daysAgo(200) });
    const stale = (await findings(accountId)).find((f) => f.ruleId === "STALE_PASSWORD")!;
    expect(stale.severity).toBe("high");
    expect(stale.evidence).toContain("200 days ago");
  });

  it("updates every account that shares a 2SV device when one of them changes", async () => {
    const tenant = await createTenant(db);
    const snapshot = oneAccountSnapshot("First");
    const second = oneAccountSnapshot("Second").accounts[0];
    snapshot.people!.push({ id: "p-other", name: "Other person", external: false, company: "Shop KK", departedAt: null });
    second.id = "acc2";
    second.logins![0].personId = "p-other";
    snapshot.accounts.push(second);
    const ids = await importSnapshot(db, tenant.orgId, snapshot);
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
    const [first, other] = [ids("account", "acc"), ids("account", "acc2")];
    expect(await open(other)).toContain("SHARED_2SV_DEVICE");
    const scope = await scopeFor(tenant.userId);
    // Taking the shared phone off the first account's login clears the finding on the second account too.
    await updateLogin(scope, { accountId: first, version: await version(first), loginId: ids("login", "acc/l-primary"), status: "REMOVED", passwordChangedAt: undefined });
    expect(await open(other)).not.toContain("SHARED_2SV_DEVICE");
  });
});

describe("accepting a risk", () => {
  it("takes it out of the open list and the score until the acceptance expires", async () => {
    const { accountId, scope } = await setup();
    const target = (await findings(accountId)).find((f) => f.ruleId === "SINGLE_ADMIN")!;
    const until = addDays(utcToday(), 30);
    await acceptFinding(scope, { findingId: target.id, reason: "Owner is the only admin by design until Q1", until });
    expect(await open(accountId)).not.toContain("SINGLE_ADMIN");
    const accepted = await db.finding.findUniqueOrThrow({ where: { id: target.id } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedReason: "Owner is the only admin by design until Q1", acceptedById: scope.userId });
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).score).toBe(100 - 15 - 15 - 5);

    // The day after the acceptance ends, the next evaluation opens it again.
    await db.$transaction((tx) => recomputeAccounts(tx, scope.orgId, [accountId], { today: addDays(until, 1) }));
    expect((await db.finding.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("OPEN");
    const actions = (await db.auditEvent.findMany({ where: { entityId: target.id } })).map((e) => e.action);
    expect(actions).toEqual(["finding.accepted", "finding.acceptance_expired"]);
  });

  it("stays accepted on its last day", async () => {
    const { accountId, scope } = await setup();
    const target = (await findings(accountId)).find((f) => f.ruleId === "SMS_ONLY")!;
    const until = addDays(utcToday(), 10);
    await acceptFinding(scope, { findingId: target.id, reason: "Authenticator rollout next month", until });
    await db.$transaction((tx) => recomputeAccounts(tx, scope.orgId, [accountId], { today: until }));
    expect((await db.finding.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACCEPTED");
  });

  it("can be re-opened by hand, and refuses a past expiry or another tenant's finding", async () => {
    const { accountId, scope } = await setup();
    const target = (await findings(accountId)).find((f) => f.ruleId === "SMS_ONLY")!;
    await expect(acceptFinding(scope, { findingId: target.id, reason: "long enough reason", until: addDays(utcToday(), -1) })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const stranger = await setup();
    await expect(acceptFinding(stranger.scope, { findingId: target.id, reason: "long enough reason", until: addDays(utcToday(), 5) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await acceptFinding(scope, { findingId: target.id, reason: "long enough reason", until: addDays(utcToday(), 5) });
    await reopenFinding(scope, target.id);
    expect((await db.finding.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("OPEN");
  });

  it("is refused to a Viewer", async () => {
    const { tenant, accountId } = await setup();
    const viewer = await db.user.create({ data: { email: `viewer-${accountId}@test.example`, name: "V", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: tenant.orgId, userId: viewer.id, role: "VIEWER" } });
    const client = await db.client.create({ data: { orgId: tenant.orgId, name: "C" } });
    await db.sellerAccount.update({ where: { id: accountId }, data: { clientId: client.id } });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: viewer.id } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: client.id } });
    const target = (await findings(accountId))[0];
    await expect(acceptFinding(await scopeFor(viewer.id), { findingId: target.id, reason: "viewer tries this", until: addDays(utcToday(), 5) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
