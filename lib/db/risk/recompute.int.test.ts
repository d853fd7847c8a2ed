import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addTwoStepMethod, updateLogin } from "@/lib/db/accounts/account-writes";
import { acceptFinding, reopenFinding } from "@/lib/db/findings";
import { utcToday } from "@/lib/days";
import { addDays } from "@/lib/dates";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { syncToolCatalogue } from "../tools";
import { loadSharedDevices } from "./load-snapshot";
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
    await updateLogin(scope, { accountId: first, version: await version(first), loginId: ids("login", "acc/l-primary"), status: "REMOVED", passwordChangedAt: null });
    expect(await open(other)).not.toContain("SHARED_2SV_DEVICE");
  });
});

describe("device sharing across accounts", () => {
  // Three accounts on one phone: "acc" and "acc2" are the same person's, "acc3" another person's.
  async function threeAccounts(thirdStatus: "ACTIVE" | "REMOVED") {
    const tenant = await createTenant(db);
    const snapshot = oneAccountSnapshot("First");
    snapshot.people!.push({ id: "p-other", name: "Other person", external: false, company: "Shop KK", departedAt: null });
    const second = { ...oneAccountSnapshot("Second").accounts[0], id: "acc2" };
    const third = { ...oneAccountSnapshot("Third").accounts[0], id: "acc3" };
    third.logins = [{ ...third.logins![0], personId: "p-other", status: thirdStatus }];
    snapshot.accounts.push(second, third);
    const ids = await importSnapshot(db, tenant.orgId, snapshot);
    return { tenant, ids };
  }

  it("one person's phone on several of their accounts is not shared; another person's ACTIVE login makes it shared, batch or not", async () => {
    const { tenant, ids } = await threeAccounts("REMOVED");
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
    for (const acc of ["acc", "acc2", "acc3"]) expect(await open(ids("account", acc))).not.toContain("SHARED_2SV_DEVICE");
    await db.login.update({ where: { id: ids("login", "acc3/l-primary") }, data: { status: "ACTIVE" } });
    // One account at a time (the write path) and all at once (a batch) agree, evidence included.
    await db.$transaction((tx) => recomputeAccounts(tx, tenant.orgId, [ids("account", "acc")], { today: utcToday() }));
    const alone = (await findings(ids("account", "acc"))).find((f) => f.ruleId === "SHARED_2SV_DEVICE")!;
    expect(alone.evidence).toContain("across 3 accounts");
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId], batchSize: 2 });
    for (const acc of ["acc", "acc2", "acc3"]) expect(await open(ids("account", acc))).toContain("SHARED_2SV_DEVICE");
    const batched = (await findings(ids("account", "acc"))).find((f) => f.ruleId === "SHARED_2SV_DEVICE")!;
    expect(batched).toMatchObject({ id: alone.id, evidence: alone.evidence, evidenceData: alone.evidenceData });
  });

  it("with the organisation's shared devices listed up front, a batch finds the same, and still sees sharing among its own logins that the list missed", async () => {
    const { tenant, ids } = await threeAccounts("ACTIVE");
    const [acc, acc3] = [ids("account", "acc"), ids("account", "acc3")];
    await db.$transaction((tx) => recomputeAccounts(tx, tenant.orgId, [acc], { today: utcToday() }));
    const alone = (await findings(acc)).find((f) => f.ruleId === "SHARED_2SV_DEVICE")!;
    const shared = await loadSharedDevices(db, tenant.orgId);
    expect(shared).toEqual([ids("device", "d-phone")]);
    await db.finding.deleteMany({ where: { accountId: acc } });
    await db.$transaction((tx) => recomputeAccounts(tx, tenant.orgId, [acc], { today: utcToday(), sharedDevices: shared }));
    expect((await findings(acc)).find((f) => f.ruleId === "SHARED_2SV_DEVICE")).toMatchObject({ evidence: alone.evidence, evidenceData: alone.evidenceData });
    // A list made before the other person's login existed: the batch holding both logins still finds it.
    await db.finding.deleteMany({ where: { accountId: { in: [acc, acc3] } } });
    await db.$transaction((tx) => recomputeAccounts(tx, tenant.orgId, [acc, acc3], { today: utcToday(), sharedDevices: [] }));
    expect((await findings(acc)).find((f) => f.ruleId === "SHARED_2SV_DEVICE")).toMatchObject({ evidence: alone.evidence, evidenceData: alone.evidenceData });
    expect(await open(acc3)).toContain("SHARED_2SV_DEVICE");
  });

  it("a full recompute on a pg pool (the system job's way) writes what the Prisma client's does", async () => {
    const { tenant, ids } = await threeAccounts("ACTIVE");
    const { orgId } = tenant;
    const today = utcToday();
    const written = async () => {
      const out: unknown[] = [];
      for (const acc of ["acc", "acc2", "acc3"]) {
        const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: ids("account", acc) }, include: { scores: true } });
        const rows = (await findings(account.id)).map((f) => [f.ruleId, f.subjectType, f.subjectId, f.severity, f.status, f.evidence, f.evidenceData]);
        out.push({ acc, score: account.score, evaluatedOn: account.evaluatedOn, daily: account.scores.map((d) => [d.day, d.score]), rows });
      }
      return out;
    };
    const first = await recomputeOrganisations(db, { today, orgIds: [orgId] });
    const viaPrisma = await written();
    await db.finding.deleteMany({ where: { orgId } });
    await db.accountScoreDaily.deleteMany({ where: { orgId } });
    await db.sellerAccount.updateMany({ where: { orgId }, data: { score: 100, evaluatedOn: null } });
    const again = await recomputeOrganisations({ connectionString: inject("databaseUrl") }, { today, orgIds: [orgId], batchSize: 1 });
    expect(again).toEqual(first);
    expect(await written()).toEqual(viaPrisma);
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
    const actions = (await db.auditEvent.findMany({ where: { entityId: target.id }, orderBy: { id: "asc" } })).map((e) => e.action);
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

describe("steady state: a finding that still holds unchanged is not rewritten", () => {
  const rowVersions = async (accountId: string) =>
    new Map(
      (await db.$queryRawUnsafe<{ id: string; xmin: string; lastSeenAt: Date }[]>(`SELECT id, xmin::text AS xmin, "lastSeenAt" FROM "Finding" WHERE "accountId" = $1`, accountId)).map((r) => [
        r.id,
        r,
      ]),
    );

  it("leaves unchanged rows, the score and today's daily score alone, and still counts them as seen", async () => {
    const { accountId, scope } = await setup();
    const before = await rowVersions(accountId);
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    const result = await db.$transaction((tx) => recomputeAccounts(tx, scope.orgId, [accountId], { today: utcToday() }));
    expect(result).toMatchObject({ opened: 0, resolved: 0, reopened: 0, expired: 0 });
    const after = await rowVersions(accountId);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, row] of after) expect(row).toEqual(before.get(id));
    // "Last seen" of an open finding is its account's evaluatedOn: still today.
    expect(await open(accountId)).toEqual(["PRIMARY_NO_BACKUP", "SINGLE_2SV_METHOD", "SINGLE_ADMIN", "SMS_ONLY"]);
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ score: account.score, evaluatedOn: account.evaluatedOn });
  });

  it("rewrites a finding whose evidence changed, and moves its lastSeenAt", async () => {
    const { accountId, loginId, scope } = await setup();
    await updateLogin(scope, { accountId, version: await version(accountId), loginId, status: "ACTIVE", passwordChangedAt: daysAgo(200) });
    const first = (await findings(accountId)).find((f) => f.ruleId === "STALE_PASSWORD")!;
    await db.$executeRawUnsafe(`UPDATE "Finding" SET "lastSeenAt" = now() - interval '3 days' WHERE id = $1`, first.id);
    await updateLogin(scope, { accountId, version: await version(accountId), loginId, status: "ACTIVE", passwordChangedAt: daysAgo(100) });
    const second = (await findings(accountId)).find((f) => f.ruleId === "STALE_PASSWORD")!;
    expect(second.id).toBe(first.id);
    expect(second.severity).toBe("medium");
    expect(second.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("on resolve, sets lastSeenAt to the account's previous evaluation day", async () => {
    const { accountId, loginId, scope } = await setup();
    const yesterday = addDays(utcToday(), -1);
    await db.$executeRawUnsafe(`UPDATE "Finding" SET "lastSeenAt" = $2::timestamptz WHERE "accountId" = $1`, accountId, `${addDays(utcToday(), -10)}T08:00:00Z`);
    await db.$executeRawUnsafe(`UPDATE "SellerAccount" SET "evaluatedOn" = $2::date WHERE id = $1`, accountId, yesterday);
    await addTwoStepMethod(scope, { accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: null });
    const resolved = (await findings(accountId)).filter((f) => f.status === "RESOLVED");
    expect(resolved.map((f) => f.ruleId).sort()).toEqual(["PRIMARY_NO_BACKUP", "SINGLE_2SV_METHOD", "SMS_ONLY"]);
    for (const f of resolved) expect(f.lastSeenAt.toISOString()).toBe(`${yesterday}T00:00:00.000Z`);
    // The one still open was seen today (its account's evaluatedOn) and was not rewritten.
    const still = (await findings(accountId)).find((f) => f.status === "OPEN")!;
    expect(still.lastSeenAt.toISOString()).toBe(`${addDays(utcToday(), -10)}T08:00:00.000Z`);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).evaluatedOn?.toISOString().slice(0, 10)).toBe(utcToday());
  });
});
