import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { parseTaskFilterPage } from "@/lib/validation/reviews";
import { reachableClient } from "../clients/client-records";
import type { Scope } from "../scope";
import { listTasksOfLink } from "./task-records";

// The tasks page's link against real PostgreSQL: a client filter naming no client the reader can reach (none has the
// id, another organisation's, one not assigned to a Manager) is dropped and named, and every task listed, as the
// accounts page does (decisions 093, 099); a reachable client is applied, even one with no tasks.
const db = testDb();
afterAll(() => db.$disconnect());

let owner: Scope;
let manager: Scope;
let assigned: string;
let unassigned: string;
let empty: string;
let foreign: string;

async function accountWithTask(orgId: string, clientId: string | null, storeName: string, createdById: string) {
  const account = await db.sellerAccount.create({ data: { orgId, clientId, storeName, region: "JP", marketplaces: ["JP"] } });
  await db.remediationTask.create({ data: { orgId, accountId: account.id, kind: "TRIAGE", subjectLabel: storeName, url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(), createdById } });
}

beforeAll(async () => {
  const tenant = await createTenant(db);
  owner = await scopeFor(tenant.userId);
  assigned = (await db.client.create({ data: { orgId: tenant.orgId, name: "Assigned" } })).id;
  unassigned = (await db.client.create({ data: { orgId: tenant.orgId, name: "Not assigned" } })).id;
  empty = (await db.client.create({ data: { orgId: tenant.orgId, name: "No tasks" } })).id;
  await accountWithTask(tenant.orgId, assigned, "Assigned store", tenant.userId);
  await accountWithTask(tenant.orgId, unassigned, "Unassigned store", tenant.userId);
  await accountWithTask(tenant.orgId, null, "No-client store", tenant.userId);
  const user = await db.user.create({ data: { email: `m-${randomUUID()}@test.example`, name: "Manager M", passwordHash: "x" } });
  const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: user.id, role: "MANAGER" } });
  await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: assigned } });
  manager = await scopeFor(user.id);
  const stranger = await createTenant(db);
  foreign = (await db.client.create({ data: { orgId: stranger.orgId, name: "Assigned" } })).id;
  await accountWithTask(stranger.orgId, foreign, "Their store", stranger.userId);
});

const link = (scope: Scope, raw: Record<string, string>) => listTasksOfLink(scope, parseTaskFilterPage(raw, scope.userId), "en");
const stores = (tasks: { storeName: string }[]) => tasks.map((t) => t.storeName).sort();

describe("the tasks page's client filter", () => {
  it("applies a client the reader can reach, and answers its name for the page's client choice", async () => {
    const page = await link(owner, { status: "ALL", client: assigned });
    expect(page).toMatchObject({ filter: { status: "ALL", client: assigned }, ignored: [], client: { id: assigned, name: "Assigned" } });
    expect(stores(page.tasks)).toEqual(["Assigned store"]);
    expect(stores((await link(manager, { client: assigned })).tasks)).toEqual(["Assigned store"]);
  });

  it("lists nothing for a reachable client with no tasks, and says nothing: that is a true answer", async () => {
    expect(await link(owner, { client: empty })).toMatchObject({ filter: { client: empty }, ignored: [], tasks: [], client: { id: empty, name: "No tasks" } });
  });

  it("drops and names a client nobody has, another organisation's, and one not assigned to a Manager, alike", async () => {
    const cases: [Scope, string, string[]][] = [
      [owner, "c-nobody-has", ["Assigned store", "No-client store", "Unassigned store"]],
      [owner, foreign, ["Assigned store", "No-client store", "Unassigned store"]],
      [owner, "none", ["Assigned store", "No-client store", "Unassigned store"]],
      [manager, unassigned, ["Assigned store"]],
      [manager, foreign, ["Assigned store"]],
    ];
    for (const [scope, id, listed] of cases) {
      const page = await link(scope, { status: "OPEN", client: id });
      expect(page.filter, id).toEqual({ status: "OPEN" });
      expect(page.ignored, id).toEqual([{ name: "client", value: id, reason: { kind: "noSuchClient" } }]);
      expect(page.client, id).toBeNull();
      expect(stores(page.tasks), id).toEqual(listed);
      expect(stores(page.tasks), id).not.toContain("Their store");
    }
  });

  it("reaches a client by the same rule as the accounts page", async () => {
    expect(await reachableClient(owner, unassigned)).toEqual({ id: unassigned, name: "Not assigned" });
    expect(await reachableClient(manager, unassigned)).toBeNull();
    expect(await reachableClient(owner, foreign)).toBeNull();
  });
});
