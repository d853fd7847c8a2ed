import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcToday } from "@/lib/days";
import { addDays } from "@/lib/dates";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import { personListQuerySchema } from "@/lib/validation/people";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { getPersonDetailOrThrow, listPeople } from "./read-people";
import { createAppPool, createTenantDb, dbFor } from "../tenant";
import { completeOffboardingTask, offboardPerson } from "../offboarding/offboarding-tasks";
import { syncToolCatalogue } from "../tools";
import { recomputeOrganisations } from "../risk/recompute-all";
import { updateLogin } from "../accounts/account-writes";
import { backfillPersonAccess, refreshPersonAccess } from "./person-access";
import { writeAccountData } from "../write-context";

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

const query = (raw: Record<string, string> = {}) => personListQuerySchema.parse(raw);
const app = (device: string) => ({ kind: "AUTHENTICATOR_APP" as const, role: "PRIMARY" as const, deviceId: device });

/**
 * Two accounts of two clients. Ito (external agency) is an admin-level sub-user on Alpha, a viewer on
 * Beta, shares Alpha's primary login with its owner, and holds the phone that is Beta's primary
 * login's backup method: the person to offboard.
 */
function peopleSnapshot(): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-owner", name: "Sato Owner", external: false, company: "Shop KK" },
      { id: "p-ito", name: "Ito Agent", external: true, company: "Blue Agency" },
      { id: "p-viewer", name: "Kato Viewer", external: false, company: "Shop KK" },
      { id: "p-invited", name: "Mori Invited", external: false, company: "Shop KK" },
      { id: "p-idle", name: "Abe Idle", external: false, company: "Shop KK" },
    ],
    devices: [
      { id: "d-owner", kind: "AUTHENTICATOR_APP", label: "Owner app", holderId: "p-owner" },
      { id: "d-ito-app", kind: "AUTHENTICATOR_APP", label: "Ito app", holderId: "p-ito" },
      { id: "d-ito-phone", kind: "PHONE", label: "Ito phone", holderId: "p-ito" },
      { id: "d-viewer", kind: "AUTHENTICATOR_APP", label: "Viewer app", holderId: "p-viewer" },
    ],
    accounts: [
      {
        id: "alpha", storeName: "Alpha Store", sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(5),
        logins: [
          { id: "primary", role: "PRIMARY", email: "owner@alpha.example", personId: "p-owner", usedBy: ["p-owner", "p-ito"], status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
            twoStep: [app("d-owner"), { kind: "SMS", role: "BACKUP", deviceId: null, phoneLast4: "1111" }] },
          { id: "ito", role: "SECONDARY", email: "ito@blue.example", personId: "p-ito", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(50),
            twoStep: [app("d-ito-app"), { kind: "SMS", role: "BACKUP", deviceId: "d-ito-phone", phoneLast4: "2222" }],
            permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }, { tool: "INVENTORY", level: "VIEW", marketplace: "JP" }] },
          { id: "mori", role: "SECONDARY", email: "mori@shop.example", personId: "p-invited", status: "INVITED", invitedAt: daysAgo(3) },
        ],
      },
      {
        id: "beta", storeName: "Beta Store", sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(5),
        logins: [
          { id: "primary", role: "PRIMARY", email: "owner@beta.example", personId: "p-owner", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
            twoStep: [app("d-owner"), { kind: "SMS", role: "BACKUP", deviceId: "d-ito-phone", phoneLast4: "2222" }] },
          { id: "ito", role: "SECONDARY", email: "ito@beta.example", personId: "p-ito", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(50),
            twoStep: [app("d-ito-app")], permissions: [{ tool: "INVENTORY", level: "VIEW", marketplace: "JP" }] },
          { id: "kato", role: "SECONDARY", email: "kato@viewer.example", personId: "p-viewer", status: "ACTIVE", lastLoginAt: daysAgo(1), acceptedAt: daysAgo(50),
            twoStep: [app("d-viewer")], permissions: [{ tool: "REPORTS", level: "VIEW", marketplace: null }] },
        ],
      },
    ],
  };
}

async function setup() {
  const tenant = await createTenant(db);
  const [alphaClient, betaClient] = await Promise.all(
    ["Alpha Co", "Beta Co"].map((name) => db.client.create({ data: { orgId: tenant.orgId, name } })),
  );
  const ids = await importSnapshot(db, tenant.orgId, peopleSnapshot(), (id) => (id === "alpha" ? alphaClient.id : betaClient.id));
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
  const member = async (role: "MANAGER" | "VIEWER", clientIds: string[]) => {
    const userId = randomUUID();
    await db.user.create({ data: { id: userId, email: `${userId}@test.example`, name: `${role} user`, passwordHash: "not-a-real-hash" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId, role } });
    for (const clientId of clientIds) await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId } });
    return scopeFor(userId);
  };
  return {
    tenant, ids, member, scope: await scopeFor(tenant.userId), clients: { alpha: alphaClient.id, beta: betaClient.id },
    person: (id: string) => ids("person", id),
    login: (account: string, id: string) => ids("login", `${account}/${id}`),
    account: (id: string) => ids("account", id),
  };
}

const openRules = async (accountId: string) =>
  (await db.finding.findMany({ where: { accountId, status: "OPEN" }, select: { ruleId: true, subjectId: true } }));

describe("listPeople", () => {
  it("counts access per person and sorts by it, most access first", async () => {
    const { scope } = await setup();
    const page = await listPeople(scope, query());
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual(["Ito Agent", "Sato Owner", "Kato Viewer", "Abe Idle", "Mori Invited"]);
    const ito = page.rows[0];
    // Own sub-user logins on both accounts plus Alpha's shared primary: admin via User Permissions View & Edit and via PRIMARY.
    expect(ito).toMatchObject({ external: true, company: "Blue Agency", activeLogins: 3, adminLogins: 2, accounts: 2, devices: 2, departedAt: null });
    expect(page.rows[1]).toMatchObject({ activeLogins: 2, adminLogins: 2, accounts: 2, devices: 1 });
    expect(page.rows[2]).toMatchObject({ activeLogins: 1, adminLogins: 0, accounts: 1, devices: 1 });
    expect(page.rows.find((r) => r.name === "Mori Invited")).toMatchObject({ activeLogins: 0, adminLogins: 0, accounts: 0 });
    expect(ito.openFindings).toBeGreaterThan(0);

    const ascending = await listPeople(scope, query({ dir: "asc" }));
    expect(ascending.rows[ascending.rows.length - 1].name).toBe("Ito Agent");
    const byName = await listPeople(scope, query({ sort: "name" }));
    expect(byName.rows.map((r) => r.name)).toEqual(["Abe Idle", "Ito Agent", "Kato Viewer", "Mori Invited", "Sato Owner"]);
    const byNameDesc = await listPeople(scope, query({ sort: "name", dir: "desc" }));
    expect(byNameDesc.rows[0].name).toBe("Sato Owner");
  });

  it("counts the same open findings the person page lists", async () => {
    const { scope, person } = await setup();
    const ito = (await listPeople(scope, query())).rows[0];
    const detail = await getPersonDetailOrThrow(scope, person("p-ito"));
    expect(ito.openFindings).toBe(detail.findings.length);
    expect(detail.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["EXTERNAL_ADMIN", "SHARED_PRIMARY_LOGIN", "SHARED_2SV_DEVICE"]));
  });

  it("pages on the server", async () => {
    const { scope } = await setup();
    const first = await listPeople(scope, { ...query(), pageSize: 2, page: 1 });
    const third = await listPeople(scope, { ...query(), pageSize: 2, page: 3 });
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(["Ito Agent", "Sato Owner"]);
    expect(third.rows.map((r) => r.name)).toEqual(["Mori Invited"]);
    const byName = await listPeople(scope, { ...query({ sort: "name" }), pageSize: 2, page: 2 });
    expect(byName.rows.map((r) => r.name)).toEqual(["Kato Viewer", "Mori Invited"]);
  });

  it("searches name, company and e-mail (a login's too), and filters external and departed", async () => {
    const { scope, person } = await setup();
    const names = async (raw: Record<string, string>) => (await listPeople(scope, query(raw))).rows.map((r) => r.name);
    expect(await names({ q: "blue agency" })).toEqual(["Ito Agent"]);
    expect(await names({ q: "kato@viewer" })).toEqual(["Kato Viewer"]);
    expect(await names({ q: "MORI" })).toEqual(["Mori Invited"]);
    expect(await names({ q: "100%_" })).toEqual([]);
    expect(await names({ external: "yes" })).toEqual(["Ito Agent"]);
    expect(await names({ external: "no", sort: "name" })).toEqual(["Abe Idle", "Kato Viewer", "Mori Invited", "Sato Owner"]);
    await offboardPerson(scope, person("p-viewer"), utcToday());
    expect(await names({ departed: "yes" })).toEqual(["Kato Viewer"]);
    expect(await names({ departed: "no" })).not.toContain("Kato Viewer");
  });

  it("shows a Manager only people with access to their clients' accounts, counted on those accounts", async () => {
    const { member, person, clients } = await setup();
    const beta = await member("MANAGER", [clients.beta]);
    const page = await listPeople(beta, query());
    expect(page.rows.map((r) => r.name).sort()).toEqual(["Ito Agent", "Kato Viewer", "Sato Owner"]);
    expect(page.rows.find((r) => r.name === "Ito Agent")).toMatchObject({ activeLogins: 1, adminLogins: 0, accounts: 1 });
    await expect(getPersonDetailOrThrow(beta, person("p-invited"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ito = await getPersonDetailOrThrow(beta, person("p-ito"));
    expect(ito.logins.map((l) => l.email)).toEqual(["ito@beta.example"]);
    const nobody = await member("VIEWER", []);
    expect((await listPeople(nobody, query())).total).toBe(0);
  });

  it("keeps tenants apart: another organisation's person is NOT_FOUND", async () => {
    const { person } = await setup();
    const other = await createTenant(db);
    const otherScope = await scopeFor(other.userId);
    expect((await listPeople(otherScope, query())).total).toBe(0);
    await expect(getPersonDetailOrThrow(otherScope, person("p-ito"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(offboardPerson(otherScope, person("p-ito"), utcToday())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("stored access (PersonAccess), the whole organisation's order by access", () => {
  type Stored = { personId: string; activeLogins: number; adminLogins: number; accounts: number; devices: number };
  const stored = async (orgId: string) =>
    new Map((await db.personAccess.findMany({ where: { orgId } })).map((r): [string, Stored] => [r.personId, r]));
  /** Every person's metrics as the live query counts them (the list's rows), keyed by id. */
  const live = async (scope: Awaited<ReturnType<typeof scopeFor>>) =>
    new Map((await listPeople(scope, query({ sort: "name", pageSize: "100" }))).rows.map((r) => [r.id, { activeLogins: r.activeLogins, adminLogins: r.adminLogins, accounts: r.accounts, devices: r.devices }]));
  const expectStoredEqualsLive = async (scope: Awaited<ReturnType<typeof scopeFor>>) => {
    const [s, l] = await Promise.all([stored(scope.orgId), live(scope)]);
    expect(s.size).toBe(l.size);
    for (const [id, metrics] of l) expect(s.get(id), id).toMatchObject(metrics);
  };

  it("is written with the import, for every person, equal to the live count", async () => {
    const { scope, person } = await setup();
    await expectStoredEqualsLive(scope);
    expect((await stored(scope.orgId)).get(person("p-ito"))).toMatchObject({ activeLogins: 3, adminLogins: 2, accounts: 2, devices: 2 });
  });

  it("orders the list as the live metrics would, both directions", async () => {
    const { scope } = await setup();
    const metrics = await live(scope);
    const names = new Map((await listPeople(scope, query({ sort: "name" }))).rows.map((r) => [r.id, r.name]));
    const key = (id: string) => { const m = metrics.get(id)!; return [m.adminLogins, m.activeLogins, m.accounts, m.devices]; };
    const expected = (dir: 1 | -1) => [...metrics.keys()].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return dir * (ka[i] - kb[i]);
      return names.get(a)!.localeCompare(names.get(b)!) || a.localeCompare(b);
    });
    expect((await listPeople(scope, query())).rows.map((r) => r.id)).toEqual(expected(-1));
    expect((await listPeople(scope, query({ dir: "asc" }))).rows.map((r) => r.id)).toEqual(expected(1));
  });

  it("follows offboarding ticks in the same transaction: a disabled login and a removed shared use", async () => {
    const { scope, person } = await setup();
    await offboardPerson(scope, person("p-ito"), utcToday());
    for (const task of await db.offboardingTask.findMany({ where: { personId: person("p-ito") } })) await completeOffboardingTask(scope, task.id);
    expect((await stored(scope.orgId)).get(person("p-ito"))).toMatchObject({ activeLogins: 0, adminLogins: 0, accounts: 0, devices: 2 });
    await expectStoredEqualsLive(scope);
    expect((await listPeople(scope, query())).rows[0].name).toBe("Sato Owner");
  });

  it("follows a login disabled on the account page", async () => {
    const { scope, person, login, account } = await setup();
    const { version } = await db.sellerAccount.findUniqueOrThrow({ where: { id: account("beta") } });
    await updateLogin(scope, { accountId: account("beta"), version, loginId: login("beta", "kato"), status: "DISABLED", passwordChangedAt: null });
    expect((await stored(scope.orgId)).get(person("p-viewer"))).toMatchObject({ activeLogins: 0, accounts: 0 });
    await expectStoredEqualsLive(scope);
  });

  it("counts both of two writes about the same person made at once (the second waits, then counts the first)", async () => {
    const { scope, person, login } = await setup();
    const ito = person("p-ito");
    let letFirstCommit!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (letFirstCommit = resolve));
    let firstRefreshed!: () => void;
    const firstHasRefreshed = new Promise<void>((resolve) => (firstRefreshed = resolve));
    const first = db.$transaction(async (tx) => {
      await tx.login.update({ where: { id: login("alpha", "ito") }, data: { status: "DISABLED" } });
      await refreshPersonAccess(tx, scope.orgId, [ito]);
      firstRefreshed();
      await firstMayCommit;
    }, { timeout: 30_000 });
    await firstHasRefreshed;
    let secondPid = -1;
    const second = db.$transaction(async (tx) => {
      [{ pid: secondPid }] = await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
      await tx.login.update({ where: { id: login("beta", "ito") }, data: { status: "DISABLED" } });
      await refreshPersonAccess(tx, scope.orgId, [ito]);
    }, { timeout: 30_000 });
    // The second is now waiting on the first's lock on Ito: only then may the first commit.
    await expect.poll(async () => (await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, secondPid))[0].n, { timeout: 20_000 }).toBe(1);
    letFirstCommit();
    await Promise.all([first, second]);
    // Both own logins disabled: only Alpha's shared primary is left.
    expect((await stored(scope.orgId)).get(ito)).toMatchObject({ activeLogins: 1, adminLogins: 1, accounts: 1 });
    await expectStoredEqualsLive(scope);
  });

  it("is left as it was when the write fails", async () => {
    const { scope, person, login, account } = await setup();
    const before = await stored(scope.orgId);
    await expect(writeAccountData(scope, account("beta"), undefined, async (tx) => {
      await tx.login.update({ where: { id: login("beta", "kato") }, data: { status: "DISABLED" } });
      throw new Error("boom after the change");
    })).rejects.toThrow("boom");
    expect((await stored(scope.orgId)).get(person("p-viewer"))).toEqual(before.get(person("p-viewer")));
    expect(before.get(person("p-viewer"))).toMatchObject({ activeLogins: 1 });
  });

  it("is filled in at start-up for people who have none (data from before the table)", async () => {
    const { scope } = await setup();
    const before = await stored(scope.orgId);
    await db.personAccess.deleteMany({ where: { orgId: scope.orgId } });
    const { organisations } = await backfillPersonAccess((text, params) => db.$queryRawUnsafe(text, ...params));
    expect(organisations).toBeGreaterThanOrEqual(1);
    expect(await stored(scope.orgId)).toEqual(before);
  });
});

describe("getPersonDetailOrThrow", () => {
  it("lists logins owned and used with levels, and devices that carry other people's 2SV", async () => {
    const { scope, person, login } = await setup();
    const ito = await getPersonDetailOrThrow(scope, person("p-ito"));
    expect(ito.logins.map((l) => [l.account.storeName, l.email, l.personId === ito.id ? "owns" : "uses"])).toEqual([
      ["Alpha Store", "owner@alpha.example", "uses"],
      ["Alpha Store", "ito@blue.example", "owns"],
      ["Beta Store", "ito@beta.example", "owns"],
    ]);
    expect(ito.logins.find((l) => l.id === login("alpha", "ito"))!.permissions.map((p) => [p.tool.id, p.level])).toEqual(
      expect.arrayContaining([["USER_PERMISSIONS", "VIEW_EDIT"], ["INVENTORY", "VIEW"]]),
    );
    const phone = ito.devices.find((d) => d.label === "Ito phone")!;
    expect(phone.othersLogins.map((m) => m.login.email)).toEqual(["owner@beta.example"]);
    expect(ito.devices.find((d) => d.label === "Ito app")!.othersLogins).toEqual([]);
    expect(ito.checklist.tasks).toEqual([]);
  });

  it("reads the whole page in one SQL statement", async () => {
    const { scope, person } = await setup();
    const pool = createAppPool();
    let statements = 0;
    const counting = createTenantDb(pool, scope.orgId, { onStatement: () => void statements++ });
    const previous = dbFor(scope);
    const holder = (globalThis as unknown as { gatehouseTenantDbs: Map<string, unknown> }).gatehouseTenantDbs;
    holder.set(scope.orgId, counting);
    try {
      const ito = await getPersonDetailOrThrow(scope, person("p-ito"));
      expect(ito.logins).toHaveLength(3);
      expect(statements).toBe(1);
    } finally {
      holder.set(scope.orgId, previous);
      await counting.$disconnect();
      await pool.end();
    }
  });
});

describe("offboarding", () => {
  it("marks the person departed, writes the checklist, audits it and raises OFFBOARDED_STILL_ACTIVE", async () => {
    const { scope, person, login, account } = await setup();
    const result = await offboardPerson(scope, person("p-ito"), utcToday());
    expect(result.tasks).toBe(4);
    const ito = await getPersonDetailOrThrow(scope, person("p-ito"));
    expect(ito.departedAt?.toISOString().slice(0, 10)).toBe(utcToday());
    const tasks = ito.checklist.tasks.map((t) => [t.kind, t.login?.email ?? t.device?.label]).sort();
    expect(tasks).toEqual([
      ["DEVICE_REHOME", "Ito phone"],
      ["LOGIN_DISABLE", "ito@beta.example"],
      ["LOGIN_DISABLE", "ito@blue.example"],
      ["LOGIN_DISABLE", "owner@alpha.example"],
    ]);
    expect(await openRules(account("alpha"))).toContainEqual({ ruleId: "OFFBOARDED_STILL_ACTIVE", subjectId: login("alpha", "ito") });
    expect(await openRules(account("beta"))).toContainEqual({ ruleId: "OFFBOARDED_STILL_ACTIVE", subjectId: login("beta", "ito") });
    const events = await db.auditEvent.findMany({ where: { orgId: scope.orgId, action: "person.offboarded" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: person("p-ito"), actorUserId: scope.userId });
    // Once is enough: the checklist exists.
    await expect(offboardPerson(scope, person("p-ito"), utcToday())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a departure date in the future", async () => {
    const { scope, person } = await setup();
    await expect(offboardPerson(scope, person("p-ito"), addDays(utcToday(), 2))).rejects.toMatchObject({ code: "INVALID_INPUT", message: "validation.departedFuture" });
    expect((await db.person.findUniqueOrThrow({ where: { id: person("p-ito") } })).departedAt).toBeNull();
  });

  it("a tick is audited, disables the login, resolves the finding, and is idempotent", async () => {
    const { scope, person, login, account } = await setup();
    await offboardPerson(scope, person("p-ito"), utcToday());
    const task = await db.offboardingTask.findFirstOrThrow({ where: { personId: person("p-ito"), loginId: login("alpha", "ito") } });
    const versionBefore = (await db.sellerAccount.findUniqueOrThrow({ where: { id: account("alpha") } })).version;

    expect(await completeOffboardingTask(scope, task.id)).toEqual({ changed: true });
    expect((await db.login.findUniqueOrThrow({ where: { id: login("alpha", "ito") } })).status).toBe("DISABLED");
    const done = await db.offboardingTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.doneAt).not.toBeNull();
    expect(done.doneById).toBe(scope.userId);
    const finding = await db.finding.findFirstOrThrow({ where: { accountId: account("alpha"), ruleId: "OFFBOARDED_STILL_ACTIVE", subjectId: login("alpha", "ito") } });
    expect(finding.status).toBe("RESOLVED");
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: account("alpha") } })).version).toBe(versionBefore + 1);
    const audited = async () => (await db.auditEvent.findMany({ where: { orgId: scope.orgId, entityId: { in: [task.id, login("alpha", "ito")] } } })).map((e) => e.action).sort();
    expect(await audited()).toEqual(["login.updated", "offboarding.task_completed"]);

    expect(await completeOffboardingTask(scope, task.id)).toEqual({ changed: false });
    expect(await audited()).toEqual(["login.updated", "offboarding.task_completed"]);
    expect((await db.offboardingTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toEqual(done.doneAt);
  });

  it("ticking a shared login removes the person as its user and keeps the owner's login active", async () => {
    const { scope, person, login, account } = await setup();
    await offboardPerson(scope, person("p-ito"), utcToday());
    expect(await openRules(account("alpha"))).toContainEqual({ ruleId: "SHARED_PRIMARY_LOGIN", subjectId: login("alpha", "primary") });
    const task = await db.offboardingTask.findFirstOrThrow({ where: { personId: person("p-ito"), loginId: login("alpha", "primary") } });
    await completeOffboardingTask(scope, task.id);
    expect((await db.login.findUniqueOrThrow({ where: { id: login("alpha", "primary") } })).status).toBe("ACTIVE");
    expect(await db.loginUser.count({ where: { loginId: login("alpha", "primary"), personId: person("p-ito") } })).toBe(0);
    expect(await openRules(account("alpha"))).not.toContainEqual({ ruleId: "SHARED_PRIMARY_LOGIN", subjectId: login("alpha", "primary") });
  });

  it("ticking every item clears the person's offboarding findings; device items change no data", async () => {
    const { scope, person, account } = await setup();
    await offboardPerson(scope, person("p-ito"), utcToday());
    const tasks = await db.offboardingTask.findMany({ where: { personId: person("p-ito") } });
    for (const task of tasks) await completeOffboardingTask(scope, task.id);
    const ito = await getPersonDetailOrThrow(scope, person("p-ito"));
    expect(ito.checklist.tasks.every((t) => t.doneAt && t.doneByName === "Test User")).toBe(true);
    expect(ito.metrics.activeLogins).toBe(0);
    for (const id of [account("alpha"), account("beta")]) expect((await openRules(id)).map((f) => f.ruleId)).not.toContain("OFFBOARDED_STILL_ACTIVE");
    expect(await db.device.count({ where: { holderId: person("p-ito") } })).toBe(2);
  });

  it("a Manager sees and ticks only their clients' items; a Viewer may do neither", async () => {
    const { scope, member, person, login, clients } = await setup();
    await offboardPerson(scope, person("p-ito"), utcToday());
    const manager = await member("MANAGER", [clients.beta]);
    const seen = await getPersonDetailOrThrow(manager, person("p-ito"));
    expect(seen.checklist.tasks.map((t) => t.login?.email ?? t.device?.label).sort()).toEqual(["Ito phone", "ito@beta.example"]);
    expect(seen.checklist.hiddenOpen).toBe(2);
    const alphaTask = await db.offboardingTask.findFirstOrThrow({ where: { loginId: login("alpha", "ito") } });
    await expect(completeOffboardingTask(manager, alphaTask.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const viewer = await member("VIEWER", [clients.beta]);
    const betaTask = await db.offboardingTask.findFirstOrThrow({ where: { loginId: login("beta", "ito") } });
    await expect(completeOffboardingTask(viewer, betaTask.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(offboardPerson(viewer, person("p-viewer"), utcToday())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.offboardingTask.findUniqueOrThrow({ where: { id: betaTask.id } })).doneAt).toBeNull();

    const other = await scopeFor((await createTenant(db)).userId);
    await expect(completeOffboardingTask(other, betaTask.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await completeOffboardingTask(manager, betaTask.id)).toEqual({ changed: true });
  });
});

describe("the person page's access metrics (counted from its own rows, decision 038)", () => {
  /** The list's metrics for every person it shows this scope, keyed by id (live for a Manager, stored for an Owner). */
  const listed = async (scope: Awaited<ReturnType<typeof scopeFor>>) =>
    (await listPeople(scope, query({ sort: "name", pageSize: "100" }))).rows.map(({ id, activeLogins, adminLogins, accounts, devices, openFindings }) => ({ id, activeLogins, adminLogins, accounts, devices, openFindings }));

  it("equal the list's for every person, as an Owner and as a Manager of either client, with other access and a disabled login", async () => {
    const { tenant, scope, member, clients, person, account, login } = await setup();
    // Ads access on Beta (where Ito also holds a login) and on a third account of Alpha's client where they hold
    // no login; Kato's only login disabled while Kato keeps Brand Registry access to the same account.
    const gamma = await db.sellerAccount.create({ data: { orgId: tenant.orgId, clientId: clients.alpha, storeName: "Gamma Store", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE" } });
    await db.otherAccess.createMany({
      data: [
        { orgId: tenant.orgId, accountId: account("beta"), personId: person("p-ito"), console: "ADS", role: "Viewer" },
        { orgId: tenant.orgId, accountId: gamma.id, personId: person("p-ito"), console: "ADS", role: "Admin" },
        { orgId: tenant.orgId, accountId: account("beta"), personId: person("p-viewer"), console: "BRAND_REGISTRY", role: "Viewer" },
      ],
    });
    await db.login.update({ where: { id: login("beta", "kato") }, data: { status: "DISABLED" } });
    await refreshPersonAccess(db, tenant.orgId, null);
    const scopes = [scope, await member("MANAGER", [clients.alpha]), await member("MANAGER", [clients.beta])];
    for (const s of scopes) {
      const rows = await listed(s);
      expect(rows.length).toBeGreaterThan(0);
      for (const { id, ...metrics } of rows) expect((await getPersonDetailOrThrow(s, id)).metrics, id).toEqual(metrics);
    }
    // And the figures themselves, so the two cannot agree by both being wrong.
    expect((await getPersonDetailOrThrow(scope, person("p-ito"))).metrics).toMatchObject({ activeLogins: 3, adminLogins: 2, accounts: 3, devices: 2 });
    expect((await getPersonDetailOrThrow(scopes[2], person("p-ito"))).metrics).toMatchObject({ activeLogins: 1, adminLogins: 0, accounts: 1, devices: 2 });
    expect((await getPersonDetailOrThrow(scope, person("p-viewer"))).metrics).toMatchObject({ activeLogins: 0, adminLogins: 0, accounts: 1, devices: 1 });
  });
});
