import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import { getPersonDetailOrThrow } from "../people/read-people";
import { readPersonPageModel } from "../people/person-page-model";
import { completeOffboardingTask, offboardPerson } from "./offboarding-tasks";
import { recomputeOrganisations } from "../risk/recompute-all";
import { syncToolCatalogue } from "../tools";
import { utcToday } from "@/lib/days";
import { listHandoverCandidates } from "./handover";
import { cancelOffboarding, reopenOffboardingTask } from "./undo";

// Issue 19: offboarding a primary login's person is a hand-over (never a disable), every tick can be
// taken back, and an offboarding started by mistake can be cancelled until a step has changed data.

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

const app = (deviceId: string) => ({ kind: "AUTHENTICATOR_APP" as const, role: "PRIMARY" as const, deviceId });
const sms = (deviceId: string, last4: string) => ({ kind: "SMS" as const, role: "BACKUP" as const, deviceId, phoneLast4: last4 });

/**
 * Shop KK: Boss owns the shop account's primary login (2SV on his own app and phone) and a secondary login
 * on the outlet account; Lead is a second admin there; Newbie works at Shop KK with no login yet; a vendor
 * and a departed employee are not acceptable heirs.
 */
function shopSnapshot(bossDepartedAt: string | null = null): SnapshotInput {
  const sellerId = () => `A${randomUUID().slice(0, 8).toUpperCase()}`;
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-boss", name: "Boss Sato", external: false, company: "Shop KK", departedAt: bossDepartedAt },
      { id: "p-lead", name: "Lead Kato", external: false, company: "Shop KK" },
      { id: "p-newbie", name: "Newbie Abe", external: false, company: "Shop KK" },
      { id: "p-vendor", name: "Vendor Ito", external: true, company: "Blue Agency" },
      { id: "p-gone", name: "Gone Mori", external: false, company: "Shop KK", departedAt: daysAgo(30) },
    ],
    devices: [
      { id: "d-boss-app", kind: "AUTHENTICATOR_APP", label: "Boss app", holderId: "p-boss" },
      { id: "d-boss-phone", kind: "PHONE", label: "Boss phone", holderId: "p-boss" },
      { id: "d-lead-app", kind: "AUTHENTICATOR_APP", label: "Lead app", holderId: "p-lead" },
      { id: "d-vendor-app", kind: "AUTHENTICATOR_APP", label: "Vendor app", holderId: "p-vendor" },
    ],
    accounts: [
      {
        id: "shop", storeName: "Shop Main", sellerId: sellerId(), region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(3),
        logins: [
          { id: "primary", role: "PRIMARY", email: "boss@shop.example", personId: "p-boss", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
            twoStep: [app("d-boss-app"), sms("d-boss-phone", "1111")] },
          { id: "lead", role: "SECONDARY", email: "lead@shop.example", personId: "p-lead", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(40),
            twoStep: [app("d-lead-app"), sms("d-lead-app", "2222")], permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] },
          { id: "vendor", role: "SECONDARY", email: "ito@blue.example", personId: "p-vendor", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(40),
            twoStep: [app("d-vendor-app")], permissions: [{ tool: "INVENTORY", level: "VIEW", marketplace: "JP" }] },
        ],
      },
      {
        id: "outlet", storeName: "Shop Outlet", sellerId: sellerId(), region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(3),
        logins: [
          { id: "primary", role: "PRIMARY", email: "lead-outlet@shop.example", personId: "p-lead", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
            twoStep: [app("d-lead-app"), sms("d-lead-app", "2222")] },
          { id: "boss", role: "SECONDARY", email: "boss-outlet@shop.example", personId: "p-boss", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(40),
            twoStep: [app("d-boss-app")], permissions: [{ tool: "INVENTORY", level: "VIEW_EDIT", marketplace: "JP" }] },
        ],
      },
    ],
  };
}

async function setup(bossDepartedAt: string | null = null) {
  const tenant = await createTenant(db);
  const ids = await importSnapshot(db, tenant.orgId, shopSnapshot(bossDepartedAt));
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
  const scope = await scopeFor(tenant.userId);
  const person = (id: string) => ids("person", id);
  const login = (account: string, id: string) => ids("login", `${account}/${id}`);
  const account = (id: string) => ids("account", id);
  const task = (kind: string) => db.offboardingTask.findFirstOrThrow({ where: { orgId: tenant.orgId, personId: person("p-boss"), kind: kind as never } });
  const openRules = async (accountId: string) =>
    (await db.finding.findMany({ where: { accountId, status: "OPEN" }, select: { ruleId: true } })).map((f) => f.ruleId).sort();
  const events = async (action: string) => db.auditEvent.findMany({ where: { orgId: tenant.orgId, action }, orderBy: { createdAt: "asc" } });
  return { tenant, scope, person, login, account, task, openRules, events };
}

describe("offboarding a primary login's person", () => {
  it("lists the primary login as a hand-over (never a disable), secondary logins as disables", async () => {
    const { scope, person, login, openRules, account } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const boss = await getPersonDetailOrThrow(scope, person("p-boss"));
    expect(boss.checklist.tasks.map((t) => [t.kind, t.login?.email ?? t.device?.label]).sort()).toEqual([
      ["LOGIN_DISABLE", "boss-outlet@shop.example"],
      ["PRIMARY_HANDOVER", "boss@shop.example"],
    ]);
    expect(boss.checklist.tasks.find((t) => t.kind === "PRIMARY_HANDOVER")?.loginId).toBe(login("shop", "primary"));
    // The login is still active: the departed owner's hold on it is the risk, not a missing primary.
    expect(await openRules(account("shop"))).toContain("PRIMARY_HELD_BY_OUTSIDER");
    expect(await openRules(account("shop"))).not.toContain("NO_ACTIVE_PRIMARY");
  });

  it("offers current employees of the account or the company as heirs: not the leaver, outsiders or the departed", async () => {
    const { scope, person, account } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const names = (await listHandoverCandidates(scope, person("p-boss"), [account("shop")])).map((p) => p.name);
    expect(names).toEqual(["Lead Kato", "Newbie Abe"]);
    // The person page finds the same heirs inside its own read (decision 028).
    expect((await readPersonPageModel(scope, person("p-boss"), { labels: false })).candidates.map((p) => p.name)).toEqual(names);
  });

  it("offers a Manager only the heirs on the accounts (not the leaver's company), and a Viewer, who cannot tick, none", async () => {
    const { tenant, scope, person, account } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Shop KK" } });
    await db.sellerAccount.updateMany({ where: { orgId: tenant.orgId }, data: { clientId: client.id } });
    const member = async (role: "MANAGER" | "VIEWER") => {
      const user = await db.user.create({ data: { email: `${tenant.orgId}-${role}@test.example`, name: role, passwordHash: "x" } });
      const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: user.id, role } });
      await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: client.id } });
      return scopeFor(user.id);
    };
    const manager = await member("MANAGER");
    const names = (await listHandoverCandidates(manager, person("p-boss"), [account("shop")])).map((p) => p.name);
    expect(names).toEqual(["Lead Kato"]);
    expect((await readPersonPageModel(manager, person("p-boss"), { labels: false })).candidates.map((p) => p.name)).toEqual(names);
    expect((await readPersonPageModel(await member("VIEWER"), person("p-boss"), { labels: false })).candidates).toEqual([]);
  });

  it("refuses a hand-over with no heir, an outsider, a departed person or the leaver, each at the picker, changing nothing", async () => {
    const { scope, person, login, task } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const handover = await task("PRIMARY_HANDOVER");
    for (const [to, key] of [
      [undefined, "validation.handoverPersonRequired"],
      [person("p-vendor"), "validation.handoverExternal"],
      [person("p-gone"), "validation.handoverDeparted"],
      [person("p-boss"), "validation.handoverSamePerson"],
      [randomUUID(), "validation.handoverPersonUnknown"],
    ] as const) {
      await expect(completeOffboardingTask(scope, handover.id, to)).rejects.toMatchObject({ code: "INVALID_INPUT", message: key, details: { newPersonId: key } });
    }
    expect((await db.offboardingTask.findUniqueOrThrow({ where: { id: handover.id } })).doneAt).toBeNull();
    expect(await db.login.findUniqueOrThrow({ where: { id: login("shop", "primary") }, select: { personId: true, status: true } })).toEqual({ personId: person("p-boss"), status: "ACTIVE" });
  });

  it("hands the login over: it stays active, belongs to the heir with the leaver's 2SV devices, and the leaver's findings resolve", async () => {
    const { scope, person, login, account, task, openRules, events } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const handover = await task("PRIMARY_HANDOVER");
    expect(await completeOffboardingTask(scope, handover.id, person("p-lead"))).toEqual({ changed: true });

    const primary = await db.login.findUniqueOrThrow({ where: { id: login("shop", "primary") }, include: { usedBy: true } });
    expect(primary).toMatchObject({ status: "ACTIVE", personId: person("p-lead") });
    expect(primary.usedBy.map((u) => u.personId)).toEqual([person("p-lead")]);
    const devices = await db.device.findMany({ where: { orgId: scope.orgId, label: { in: ["Boss app", "Boss phone"] } }, select: { label: true, holderId: true }, orderBy: { label: "asc" } });
    expect(devices).toEqual([{ label: "Boss app", holderId: person("p-lead") }, { label: "Boss phone", holderId: person("p-lead") }]);
    expect(await db.offboardingTask.findUniqueOrThrow({ where: { id: handover.id } })).toMatchObject({ handedToId: person("p-lead"), doneById: scope.userId });
    expect((await events("login.handed_over"))[0]).toMatchObject({ entityId: login("shop", "primary"), before: { personId: person("p-boss") }, after: { personId: person("p-lead") } });

    const rules = await openRules(account("shop"));
    expect(rules).not.toContain("PRIMARY_HELD_BY_OUTSIDER");
    expect(rules).not.toContain("NO_ACTIVE_PRIMARY");
    const boss = await getPersonDetailOrThrow(scope, person("p-boss"));
    expect(boss.checklist.tasks.find((t) => t.kind === "PRIMARY_HANDOVER")?.handedTo).toEqual({ id: person("p-lead"), name: "Lead Kato" });
  });

  it("by a Manager scoped to the shop's client: the login is handed over, but a device another client's account uses stays with the leaver (decision 082)", async () => {
    const { tenant, scope, person, login, account, task } = await setup();
    const clientA = (await db.client.create({ data: { orgId: tenant.orgId, name: "Client A" }, select: { id: true } })).id;
    await db.sellerAccount.update({ where: { id: account("shop") }, data: { clientId: clientA } });
    await offboardPerson(scope, person("p-boss"), utcToday());
    const manager = { ...scope, role: "MANAGER" as const, clientIds: [clientA] };
    const handover = await task("PRIMARY_HANDOVER");
    expect(await completeOffboardingTask(manager, handover.id, person("p-lead"))).toEqual({ changed: true });

    expect(await db.login.findUniqueOrThrow({ where: { id: login("shop", "primary") } })).toMatchObject({ personId: person("p-lead") });
    // The app is also the 2SV method of the leaver's login on the outlet (no client): not the Manager's to give away.
    const devices = await db.device.findMany({ where: { orgId: scope.orgId, label: { in: ["Boss app", "Boss phone"] } }, select: { label: true, holderId: true }, orderBy: { label: "asc" } });
    expect(devices).toEqual([{ label: "Boss app", holderId: person("p-boss") }, { label: "Boss phone", holderId: person("p-lead") }]);
  });
});

describe("taking an offboarding back", () => {
  it("unticks a hand-over: the login, its users and its devices return to the leaver; audited once", async () => {
    const { scope, person, login, task, events } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const handover = await task("PRIMARY_HANDOVER");
    await completeOffboardingTask(scope, handover.id, person("p-newbie"));
    expect(await reopenOffboardingTask(scope, handover.id)).toEqual({ changed: true });

    const primary = await db.login.findUniqueOrThrow({ where: { id: login("shop", "primary") }, include: { usedBy: true } });
    expect(primary).toMatchObject({ status: "ACTIVE", personId: person("p-boss") });
    expect(primary.usedBy.map((u) => u.personId)).toEqual([person("p-boss")]);
    expect(await db.device.count({ where: { orgId: scope.orgId, holderId: person("p-newbie") } })).toBe(0);
    expect(await db.offboardingTask.findUniqueOrThrow({ where: { id: handover.id } })).toMatchObject({ doneAt: null, doneById: null, handedToId: null, undo: null });
    expect(await reopenOffboardingTask(scope, handover.id)).toEqual({ changed: false });
    const reopened = await events("offboarding.task_reopened");
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ entityId: handover.id, actorUserId: scope.userId, after: { kind: "PRIMARY_HANDOVER", reverted: [`person:${person("p-boss")}`] } });
  });

  it("unticks a disable: the login is active again and the departed person's finding is back", async () => {
    const { scope, person, login, account, task, openRules } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const disable = await task("LOGIN_DISABLE");
    await completeOffboardingTask(scope, disable.id);
    expect((await db.login.findUniqueOrThrow({ where: { id: login("outlet", "boss") } })).status).toBe("DISABLED");
    expect(await openRules(account("outlet"))).not.toContain("OFFBOARDED_STILL_ACTIVE");
    await reopenOffboardingTask(scope, disable.id);
    expect((await db.login.findUniqueOrThrow({ where: { id: login("outlet", "boss") } })).status).toBe("ACTIVE");
    expect(await openRules(account("outlet"))).toContain("OFFBOARDED_STILL_ACTIVE");
  });

  it("cancels an offboarding until a step changes data: checklist gone, departure date restored, findings recomputed", async () => {
    const { scope, person, account, task, openRules, events } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const disable = await task("LOGIN_DISABLE");
    await completeOffboardingTask(scope, disable.id);
    await expect(cancelOffboarding(scope, person("p-boss"))).rejects.toMatchObject({ code: "CONFLICT", message: "validation.offboardingChangedData" });
    expect(await db.offboardingTask.count({ where: { personId: person("p-boss") } })).toBe(2);

    await reopenOffboardingTask(scope, disable.id);
    expect(await cancelOffboarding(scope, person("p-boss"))).toEqual({ cancelled: true });
    expect(await db.offboardingTask.count({ where: { personId: person("p-boss") } })).toBe(0);
    expect(await db.person.findUniqueOrThrow({ where: { id: person("p-boss") }, select: { departedAt: true, offboardingStartedAt: true } })).toEqual({ departedAt: null, offboardingStartedAt: null });
    expect(await openRules(account("shop"))).not.toContain("PRIMARY_HELD_BY_OUTSIDER");
    expect(await openRules(account("outlet"))).not.toContain("OFFBOARDED_STILL_ACTIVE");
    expect((await events("person.offboarding_cancelled"))[0]).toMatchObject({ entityId: person("p-boss"), before: { tasks: 2 }, after: { departedAt: null } });
    await expect(cancelOffboarding(scope, person("p-boss"))).rejects.toMatchObject({ code: "CONFLICT", message: "validation.noOffboardingToCancel" });
    // And it can be started again, properly this time.
    expect((await offboardPerson(scope, person("p-boss"), utcToday())).tasks).toBe(2);
  });

  it("restores the departure date the person had before the offboarding", async () => {
    const earlier = daysAgo(60);
    const { scope, person } = await setup(earlier);
    await offboardPerson(scope, person("p-boss"), daysAgo(2));
    await cancelOffboarding(scope, person("p-boss"));
    expect((await db.person.findUniqueOrThrow({ where: { id: person("p-boss") } })).departedAt?.toISOString().slice(0, 10)).toBe(earlier);
  });

  it("keeps tenants apart: another organisation cannot untick or cancel", async () => {
    const { scope, person, task } = await setup();
    await offboardPerson(scope, person("p-boss"), utcToday());
    const disable = await task("LOGIN_DISABLE");
    await completeOffboardingTask(scope, disable.id);
    const stranger = await createTenant(db);
    const otherScope = await scopeFor(stranger.userId);
    await expect(reopenOffboardingTask(otherScope, disable.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelOffboarding(otherScope, person("p-boss"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.offboardingTask.findUniqueOrThrow({ where: { id: disable.id } })).doneAt).not.toBeNull();
  });
});
