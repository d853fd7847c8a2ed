import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, daysAgo, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import type { Scope } from "../scope";
import { countStatements } from "@/tests/support/statement-counter";
import { syncToolCatalogue } from "../tools";
import { readAccountPageModel } from "./account-page-model";
import { closeTask, createFindingTask } from "../tasks/task-records";

// Decision 028: the account page reads in a few statements, the same number for 3 logins as for 30; one since decision 047.
const db = testDb();

/** One account with `n` logins, each held by its own person with an SMS method and a grant. */
function accountWithLogins(n: number, storeName: string): SnapshotInput {
  const base = oneAccountSnapshot(storeName);
  const [account] = base.accounts;
  for (let i = 1; i < n; i++) {
    base.people!.push({ id: `p-${i}`, name: `Staff ${i}`, external: i % 2 === 0, company: i % 2 === 0 ? "Agency KK" : null, departedAt: null });
    account.logins!.push({
      id: `l-${i}`, role: "SECONDARY", email: `staff${i}@shop.example`, personId: `p-${i}`, status: "ACTIVE", lastLoginAt: daysAgo(i),
      passwordChangedAt: daysAgo(400), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1234" }],
      permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }],
    });
  }
  return base;
}

let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let scope: Scope;
const accounts: Record<number, string> = {};
let otherAccountId: string;
let clientId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  tenant = await createTenant(db);
  other = await createTenant(db);
  const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Sakura Tea" } });
  clientId = client.id;
  for (const n of [3, 30]) accounts[n] = (await importSnapshot(db, tenant.orgId, accountWithLogins(n, `Store ${n}`), () => client.id))("account", "acc");
  otherAccountId = (await importSnapshot(db, other.orgId, oneAccountSnapshot("Other Store")))("account", "acc");
  scope = await scopeFor(tenant.userId);
});
afterAll(() => db.$disconnect());

describe("the account page's read model", () => {
  it("reads an Owner's page (forms, provenance, reports, labels) in one statement, for 30 logins as for 3", async () => {
    const counts: number[] = [];
    for (const n of [3, 30]) {
      await readAccountPageModel(scope, accounts[n], { labels: true }); // evaluates findings for today first
      const { result, statements } = await countStatements(scope, () => readAccountPageModel(scope, accounts[n], { labels: true }));
      expect(result.account.logins).toHaveLength(n);
      expect(result.provenance.logins.size).toBe(n);
      expect(result.editing?.loginValues.size).toBe(n);
      expect(result.editing?.removal).toMatchObject({ logins: n, methods: n, grants: n });
      expect(statements).toHaveLength(1);
      // The shared phone (SHARED_2SV_DEVICE) and the people in the findings' evidence are named, in the same statement.
      const device = result.account.logins[0].twoStepMethods[0].device!;
      expect(result.labels.get(device.id)).toBe("Phone");
      expect(result.labels.get(result.account.logins[0].person.id)).toBe("Owner");
      counts.push(statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it("names each finding's open task in the same one statement (stop 43 had read them in three more)", async () => {
    const before = await readAccountPageModel(scope, accounts[3], { labels: false });
    const [finding, second] = before.account.findings.filter((f) => f.status === "OPEN");
    expect(before.findingTasks.size).toBe(0);
    const taskId = await createFindingTask(scope, { findingId: finding.id, assigneeId: tenant.userId, dueOn: "2099-01-31" });
    const unassigned = await createFindingTask(scope, { findingId: second.id, assigneeId: null });
    await db.remediationTask.update({ where: { id: unassigned }, data: { assigneeId: null } }); // nobody's yet
    const { result, statements } = await countStatements(scope, () => readAccountPageModel(scope, accounts[3], { labels: true }));
    expect(statements).toHaveLength(1);
    const owner = await db.user.findUniqueOrThrow({ where: { id: tenant.userId }, select: { name: true } });
    expect(result.findingTasks.get(finding.id)).toEqual({ id: taskId, assignee: owner.name, dueOn: "2099-01-31" });
    expect(result.findingTasks.get(second.id)).toEqual({ id: unassigned, assignee: null, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(result.findingTasks.size).toBe(2);
    // A closed task is not named: the button comes back.
    await closeTask(scope, { taskId, note: "done" });
    await closeTask(scope, { taskId: unassigned, note: "done" });
    expect((await readAccountPageModel(scope, accounts[3], { labels: false })).findingTasks.size).toBe(0);
  });

  it("carries what the edit forms need: the clients, the people on the account and each login's values", async () => {
    // Only the account's own client: the form fetches the organisation's others when its select is opened.
    await db.client.create({ data: { orgId: tenant.orgId, name: "Another client" } });
    const model = await readAccountPageModel(scope, accounts[3], { labels: false });
    expect(model.writable).toBe(true);
    expect(model.editing?.clients).toEqual([{ id: clientId, name: "Sakura Tea" }]);
    // Exactly the people on this account's logins: not the organisation's others (the 30-login account's staff).
    expect(model.editing?.people.map((p) => p.name).sort()).toEqual(["Owner (Shop KK)", "Staff 1", "Staff 2 (Agency KK)"]);
    const primary = model.account.logins.find((l) => l.role === "PRIMARY")!;
    expect(model.editing?.loginValues.get(primary.id)).toMatchObject({ role: "PRIMARY", email: "owner@shop.example", passwordChangedAt: daysAgo(50), passwordReused: "no", sharedWith: "" });
    expect(model.provenance.account).toMatchObject({ source: "IMPORT" });
    expect(model.reports).toEqual([]);
  });

  it("names who last verified the account and each record only when they are a member of this organisation", async () => {
    const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Verified Store"), () => clientId);
    const accountId = ids("account", "acc");
    const stranger = await db.user.create({ data: { email: `${tenant.orgId}-stranger@test.example`, name: "Stranger", passwordHash: "x" } });
    const before = await readAccountPageModel(scope, accountId, { labels: false });
    const [login] = before.account.logins;
    const [method] = login.twoStepMethods;
    const at = new Date("2026-11-02T03:04:05.678Z");
    await db.sellerAccount.update({ where: { id: accountId }, data: { verifiedById: tenant.userId, lastVerifiedAt: at } });
    await db.login.update({ where: { id: login.id }, data: { verifiedById: stranger.id, verifiedAt: at } });
    await db.twoStepMethod.update({ where: { id: method.id }, data: { verifiedById: tenant.userId, verifiedAt: at } });
    const model = await readAccountPageModel(scope, accountId, { labels: false });
    expect(model.provenance.account).toEqual({ source: "IMPORT", meaning: "checked", verifiedAt: at, verifiedBy: "Test User", verifiedByToken: null });
    expect(model.provenance.logins.get(login.id)).toEqual({ source: "IMPORT", meaning: "recorded", verifiedAt: at, verifiedBy: null, verifiedByToken: null });
    expect(model.provenance.children.get(method.id)).toEqual({ source: "IMPORT", meaning: "recorded", verifiedAt: at, verifiedBy: "Test User", verifiedByToken: null });
    // What the page renders carries none of it (the provenance lines read the maps).
    expect(Object.keys(model.account.logins[0]).sort()).toEqual(Object.keys(before.account.logins[0]).sort());
    expect(model.account.logins[0]).not.toHaveProperty("verifiedById");
  });

  it("names a login's shared user who holds no login of the account, for its edit form", async () => {
    const snapshot = oneAccountSnapshot("Shared Store");
    snapshot.people!.push({ id: "p-helper", name: "Helper", external: true, company: null, departedAt: null });
    snapshot.accounts[0].logins![0].usedBy = ["p-owner", "p-helper"];
    const ids = await importSnapshot(db, tenant.orgId, snapshot, () => clientId);
    const model = await readAccountPageModel(scope, ids("account", "acc"), { labels: false });
    expect(model.editing?.people).toEqual(expect.arrayContaining([{ id: ids("person", "p-helper"), name: "Helper" }]));
    expect(model.editing?.people).toHaveLength(2);
  });

  it("leaves the forms out for a Viewer, and answers another tenant's account with NOT_FOUND", async () => {
    const viewer = await db.user.create({ data: { email: `${tenant.orgId}-viewer@test.example`, name: "Viewer", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: viewer.id, role: "VIEWER" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId } });
    const model = await readAccountPageModel(await scopeFor(viewer.id), accounts[3], { labels: false });
    expect(model.writable).toBe(false);
    expect(model.editing).toBeNull();
    expect(model.reports).toBeNull();
    expect(model.provenance.logins.size).toBe(3);
    await expect(readAccountPageModel(scope, otherAccountId, { labels: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
