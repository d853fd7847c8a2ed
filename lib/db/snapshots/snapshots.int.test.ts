import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { evaluateSnapshot } from "@/lib/risk";
import { generateSnapshot } from "@/lib/risk/generate";
import { encodeCsv } from "@/lib/csv";
import { readLoginsCsv } from "@/lib/spreadsheets/read-csv";
import { readLoginsXlsx, sheetXlsx } from "@/lib/spreadsheets/read-xlsx";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import { parseSnapshot, snapshotSchema, type Snapshot, type SnapshotInput } from "@/lib/validation/snapshot";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, scopeFor } from "@/tests/support/factories";
import { syncToolCatalogue } from "../tools";
import { exportSnapshot } from "./export";
import { upsertSnapshot } from "./upsert";

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

const today = () => new Date().toISOString().slice(0, 10);

function twoAccounts(): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [
      { id: "p-sato", name: "Sato Hana", company: "Sakura KK" },
      { id: "p-ito", name: "Ito Ken", external: true, company: "Blue Agency" },
    ],
    devices: [{ id: "d-1", kind: "PHONE", label: "iPhone", holderId: "p-sato" }],
    accounts: [
      {
        id: "acc-1", storeName: "Sakura Tea", sellerId: "AUPSERT0001", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(10),
        logins: [
          { id: "l-1", role: "PRIMARY", email: "owner@sakura.example", personId: "p-sato", status: "ACTIVE", lastLoginAt: daysAgo(2), passwordChangedAt: daysAgo(30),
            twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "1234" }], permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] },
          { id: "l-2", role: "SECONDARY", email: "ken@blue.example", personId: "p-ito", status: "ACTIVE", lastLoginAt: daysAgo(5), permissions: [{ tool: "PAYMENTS", level: "VIEW", marketplace: "JP" }] },
        ],
        partners: [{ id: "ap-1", company: "Blue Agency", linkSentAt: daysAgo(20), acceptedAt: null }],
        apps: [{ id: "app-1", name: "RepricerX", developer: "Repricer Inc", authorizedAt: daysAgo(300), expiresAt: "2099-01-01" }],
        otherAccess: [{ personId: "p-ito", console: "ADS", role: "ADMIN" }],
      },
      { id: "acc-2", storeName: "Sakura Sweets", sellerId: "AUPSERT0002", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(10),
        logins: [{ id: "l-1", role: "PRIMARY", email: "sweets@sakura.example", personId: "p-sato", status: "ACTIVE", lastLoginAt: daysAgo(1), twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: null }] }] },
    ],
  };
}

const parse = (input: SnapshotInput) => snapshotSchema.parse(input);

async function counts(orgId: string) {
  const where = { orgId };
  return {
    accounts: await db.sellerAccount.count({ where }), people: await db.person.count({ where }), devices: await db.device.count({ where }),
    logins: await db.login.count({ where }), methods: await db.twoStepMethod.count({ where }), grants: await db.permissionGrant.count({ where }),
    partners: await db.authorizedPartner.count({ where }), apps: await db.appAuthorization.count({ where }), other: await db.otherAccess.count({ where }),
    findings: await db.finding.count({ where }), audits: await db.auditEvent.count({ where }),
  };
}

/** What the app holds: every finding not resolved, named by external ids, per account. */
async function appFindings(orgId: string): Promise<Map<string, string[]>> {
  const ext = new Map<string, string>();
  for (const r of await db.sellerAccount.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`account:${r.id}`, r.externalId);
  for (const r of await db.login.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`login:${r.id}`, r.externalId);
  for (const r of await db.person.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`person:${r.id}`, r.externalId);
  for (const r of await db.device.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`device:${r.id}`, r.externalId);
  for (const r of await db.authorizedPartner.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`partner:${r.id}`, r.externalId);
  for (const r of await db.appAuthorization.findMany({ where: { orgId }, select: { id: true, externalId: true } })) ext.set(`app:${r.id}`, r.externalId);
  const out = new Map<string, string[]>();
  for (const f of await db.finding.findMany({ where: { orgId, status: { not: "RESOLVED" } } })) {
    const account = ext.get(`account:${f.accountId}`)!;
    out.set(account, [...(out.get(account) ?? []), `${f.ruleId} ${f.severity} ${f.subjectType}:${ext.get(`${f.subjectType}:${f.subjectId}`)}`]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** What `gatehouse audit` finds in a document (the CLI's own evaluation), per account. */
function auditFindings(snapshot: Snapshot): Map<string, string[]> {
  const result = evaluateSnapshot(snapshot, { asOf: snapshot.asOf ?? today() });
  const out = new Map<string, string[]>();
  for (const a of result.accounts) if (a.findings.length) out.set(a.id, a.findings.map((f) => `${f.rule} ${f.severity} ${f.subject.type}:${f.subject.id}`).sort());
  return out;
}

describe("upsertSnapshot", () => {
  it("creates, then changes nothing the second time: same rows, versions, findings and audit trail", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const first = await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    expect(first).toMatchObject({ ok: true, accounts: { created: 2, updated: 0, unchanged: 0 } });
    const before = await counts(tenant.orgId);
    expect(before).toMatchObject({ accounts: 2, people: 2, devices: 1, logins: 3, partners: 1, apps: 1, other: 1, audits: 3 }); // snapshot.upserted, and account.created for each account added (decision 083)
    expect(before.findings).toBeGreaterThan(0);
    const versions = await db.sellerAccount.findMany({ where: { orgId: tenant.orgId }, select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } });
    const findings = await db.finding.findMany({ where: { orgId: tenant.orgId }, orderBy: { id: "asc" } });

    const second = await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    expect(second).toMatchObject({ ok: true, accounts: { created: 0, updated: 0, unchanged: 2 } });
    expect(await counts(tenant.orgId)).toEqual(before);
    expect(await db.sellerAccount.findMany({ where: { orgId: tenant.orgId }, select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(versions);
    expect(await db.finding.findMany({ where: { orgId: tenant.orgId }, orderBy: { id: "asc" } })).toEqual(findings);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: tenant.orgId, action: "snapshot.upserted" } });
    expect(event.after).toMatchObject({ source: "IMPORT", accounts: { created: 2, updated: 0, unchanged: 0 } });
  });

  it("updates what changed and removes the records of a listed account that the file no longer lists", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "API" });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: "acc-1" } });
    const keptLogin = await db.login.findFirstOrThrow({ where: { accountId: account.id, externalId: "l-1" } });
    const edited = twoAccounts() as any;
    edited.accounts[0].logins.pop(); // l-2 (the external contractor) is gone
    edited.accounts[0].partners = [];
    edited.accounts[0].otherAccess = [];
    edited.accounts[0].logins[0].twoStep.push({ kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: null });
    const result = await upsertSnapshot(scope, parse(edited), { source: "API" });
    expect(result).toMatchObject({ ok: true, accounts: { created: 0, updated: 1, unchanged: 1 }, summary: { removed: { logins: 1, partners: 1, apps: 0 } } });
    expect(await db.login.findMany({ where: { accountId: account.id }, select: { id: true, externalId: true } })).toEqual([{ id: keptLogin.id, externalId: "l-1" }]);
    expect(await db.authorizedPartner.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.otherAccess.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.twoStepMethod.count({ where: { loginId: keptLogin.id } })).toBe(2);
    const after = await db.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.version).toBe(account.version + 1);
    // The contractor's findings resolved with the login; the primary's single-method finding too.
    const open = await db.finding.findMany({ where: { accountId: account.id, status: "OPEN" }, select: { ruleId: true } });
    expect(open.map((f) => f.ruleId)).not.toContain("EXTERNAL_SENSITIVE_ACCESS");
    expect(open.map((f) => f.ruleId)).not.toContain("SINGLE_2SV_METHOD");
    expect(await db.login.findFirstOrThrow({ where: { id: keptLogin.id } })).toMatchObject({ source: "API" });
  });

  it("takes an incoming person for the existing one with the same login e-mail, unless kept apart", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    const other: SnapshotInput = {
      format: "gatehouse.snapshot/v1",
      people: [{ id: "hana", name: "Hana Sato", company: "Sakura KK" }],
      accounts: [{ id: "acc-3", storeName: "Sakura Books", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE",
        logins: [{ id: "l-1", role: "PRIMARY", email: "Owner@Sakura.example", personId: "hana", status: "ACTIVE" }] }],
    };
    const preview = await upsertSnapshot(scope, parse(other), { source: "IMPORT", dryRun: true });
    expect(preview).toMatchObject({ ok: true, dryRun: true, preview: { emailMatches: [{ incomingId: "hana", email: "owner@sakura.example", existingId: "p-sato", existingName: "Sato Hana", keptApart: false }] } });
    const apart = await upsertSnapshot(scope, parse(other), { source: "IMPORT", dryRun: true, keepApart: ["hana"] });
    expect(apart).toMatchObject({ ok: true, summary: { people: { created: 1 } }, preview: { emailMatches: [{ incomingId: "hana", keptApart: true }] } });

    await upsertSnapshot(scope, parse(other), { source: "IMPORT" });
    expect(await db.person.count({ where: { orgId: tenant.orgId } })).toBe(2);
    const sato = await db.person.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: "p-sato" }, include: { logins: true, access: true } });
    expect(sato.logins).toHaveLength(3);
    expect(sato.name).toBe("Hana Sato"); // the newer file's spelling
    expect(sato.access?.accounts).toBe(3);
    // The same file again: matched the same way, nothing changes.
    expect(await upsertSnapshot(scope, parse(other), { source: "IMPORT" })).toMatchObject({ accounts: { unchanged: 1 }, summary: { people: { created: 0, updated: 0 } } });
  });

  it("writes nothing on a dry run, and says what the write would do", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    const before = await counts(tenant.orgId);
    const edited = twoAccounts() as any;
    edited.accounts[1].storeName = "Sakura Sweets Shop";
    edited.accounts.push({ id: "acc-new", storeName: "New Store", region: "JP", plan: "INDIVIDUAL", status: "ACTIVE", logins: [] });
    const result = await upsertSnapshot(scope, parse(edited), { source: "IMPORT", dryRun: true, client: "Brand new client" });
    expect(result).toMatchObject({ ok: true, dryRun: true, accounts: { created: 1, updated: 2, unchanged: 0 }, preview: { client: { name: "Brand new client", created: true } } });
    expect(result.ok && result.preview.accounts.find((a) => a.id === "acc-2")).toMatchObject({ status: "updated", fieldsChanged: true, clientChanged: true });
    expect(await counts(tenant.orgId)).toEqual(before);
    expect(await db.client.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  it("refuses a seller ID held by another account, and is for owners and admins only", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    const clash = twoAccounts() as any;
    clash.accounts[1].sellerId = "AUPSERT0001";
    const result = await upsertSnapshot(scope, parse(clash), { source: "IMPORT" });
    expect(result).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ path: "accounts[1].sellerId" })]) });
    const manager = await createTenant(db, { role: "MANAGER" });
    await expect(upsertSnapshot(await scopeFor(manager.userId), parse(twoAccounts()), { source: "IMPORT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a spreadsheet of logins", () => {
  it("updates the listed logins in place, keeps partners, apps and 2SV devices, and is idempotent", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: "acc-1" }, include: { logins: true } });
    const csv = [
      "account_id,store_name,seller_id,region,marketplaces,plan,account_status,last_verified_at,role,email,name,company,external,login_status,last_login_at,password_changed_at,two_step,USER_PERMISSIONS,PAYMENTS,permission_marketplace",
      `acc-1,Sakura Tea,AUPSERT0001,JP,JP,PROFESSIONAL,ACTIVE,${daysAgo(10)},PRIMARY,OWNER@sakura.example,Sato Hana,Sakura KK,no,ACTIVE,${daysAgo(2)},${daysAgo(30)},SMS:1234; AUTHENTICATOR_APP,ADMIN,,`,
      `acc-1,Sakura Tea,AUPSERT0001,JP,JP,PROFESSIONAL,ACTIVE,${daysAgo(10)},SECONDARY,ken@blue.example,Ito Ken,Blue Agency,yes,DISABLED,${daysAgo(5)},,,,VIEW,JP`,
    ].join("\n");
    const sheet = readLoginsCsv(new TextEncoder().encode(csv));
    const snapshot = sheet.ok ? parseSnapshot(sheet.snapshot) : null;
    if (!snapshot?.ok) throw new Error("the sheet should read");
    const result = await upsertSnapshot(scope, snapshot.snapshot, { source: "IMPORT", loginsOnly: true });
    expect(result).toMatchObject({ ok: true, accounts: { created: 0, updated: 1 }, summary: { removed: { logins: 0, partners: 0, apps: 0 }, people: { created: 0 } } });
    const after = await db.sellerAccount.findUniqueOrThrow({ where: { id: account.id }, include: { logins: { include: { twoStepMethods: true } }, partners: true, apps: true, otherAccess: true } });
    expect(after.logins.map((l) => l.id).sort()).toEqual(account.logins.map((l) => l.id).sort());
    expect(after.logins.find((l) => l.externalId === "l-2")?.status).toBe("DISABLED");
    expect(after.logins.find((l) => l.externalId === "l-1")?.twoStepMethods.find((m) => m.kind === "SMS")?.deviceId).not.toBeNull();
    expect([after.partners.length, after.apps.length, after.otherAccess.length]).toEqual([1, 1, 1]);
    expect(await upsertSnapshot(scope, snapshot.snapshot, { source: "IMPORT", loginsOnly: true })).toMatchObject({ accounts: { updated: 0, unchanged: 1 } });
  });
});

describe("an export in the spreadsheet layout", () => {
  it("imports back with no changes (XLSX and CSV, Japanese and English headers), on the demo and a generated portfolio", async () => {
    for (const input of [snapshotSchema.parse(buildDemoPortfolio(today()).snapshot), generateSnapshot(40, 5, { asOf: today() })]) {
      const tenant = await createTenant(db);
      const scope = await scopeFor(tenant.userId);
      await upsertSnapshot(scope, input, { source: "IMPORT" });
      const exported = await exportSnapshot(scope);
      for (const [lang, read] of [
        ["ja", async (rows: string[][]) => readLoginsXlsx(await sheetXlsx(rows))],
        ["en", async (rows: string[][]) => readLoginsCsv(new TextEncoder().encode(`\uFEFF${encodeCsv(rows)}`))],
      ] as const) {
        const sheet = await read(snapshotToLoginRows(exported, lang));
        const parsed = sheet.ok ? parseSnapshot(sheet.snapshot) : null;
        if (!parsed?.ok) throw new Error(`the ${lang} sheet should read: ${JSON.stringify(sheet.ok ? parsed : sheet.problems.slice(0, 3))}`);
        const result = await upsertSnapshot(scope, parsed.snapshot, { source: "IMPORT", loginsOnly: true, dryRun: true });
        expect(result.ok && { accounts: result.summary.accounts, people: result.summary.people, changed: result.preview.accounts.filter((a) => a.status !== "unchanged") }).toEqual({
          accounts: { created: 0, updated: 0, unchanged: exported.accounts.filter((a) => a.logins.length > 0).length },
          people: expect.objectContaining({ created: 0, updated: 0 }),
          changed: [],
        });
      }
    }
  });
});

describe("external ids", () => {
  it("gives records made outside a snapshot a generated, unique external id", async () => {
    const tenant = await createTenant(db);
    const made = await db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Made here", region: "JP" } });
    const again = await db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Made here too", region: "JP" } });
    expect(made.externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.externalId).not.toBe(made.externalId);
    await expect(db.sellerAccount.create({ data: { orgId: tenant.orgId, storeName: "Clash", region: "JP", externalId: made.externalId } })).rejects.toThrow();
    // …and a snapshot names it by that id: exported, edited and posted back, it is updated, not duplicated.
    const scope = await scopeFor(tenant.userId);
    const exported = await exportSnapshot(scope);
    expect(exported.accounts.map((a) => a.id).sort()).toEqual([made.externalId, again.externalId].sort());
    exported.accounts.find((a) => a.id === made.externalId)!.storeName = "Renamed";
    expect(await upsertSnapshot(scope, snapshotSchema.parse(exported), { source: "IMPORT" })).toMatchObject({ accounts: { created: 0, updated: 1, unchanged: 1 } });
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: made.id } })).storeName).toBe("Renamed");
  });

  it("matches an account imported before external ids by its seller ID", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT" });
    // As the migration left it: the external id is the database id.
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: "acc-1" } });
    await db.sellerAccount.update({ where: { id: account.id }, data: { externalId: account.id } });
    const result = await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT", dryRun: true });
    expect(result.ok && result.preview.accounts[0]).toMatchObject({ id: "acc-1", status: "unchanged", matchedBy: "sellerId" });
  });
});

describe("exportSnapshot round trips", () => {
  async function roundTrip(input: Snapshot) {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    expect(await upsertSnapshot(scope, input, { source: "IMPORT" })).toMatchObject({ ok: true });
    const exported = await exportSnapshot(scope);
    expect(snapshotSchema.safeParse(exported).success).toBe(true);
    expect(exported.asOf).toBe(today());
    // export → audit: the app's findings, account by account.
    expect(auditFindings(exported)).toEqual(await appFindings(tenant.orgId));
    // export → upsert into an empty organisation: the same findings there.
    const empty = await createTenant(db);
    expect(await upsertSnapshot(await scopeFor(empty.userId), snapshotSchema.parse(exported), { source: "IMPORT" })).toMatchObject({ ok: true });
    expect(await appFindings(empty.orgId)).toEqual(await appFindings(tenant.orgId));
    // …and back into the first: nothing to change.
    expect(await upsertSnapshot(scope, snapshotSchema.parse(exported), { source: "IMPORT" })).toMatchObject({ accounts: { created: 0, updated: 0 } });
    return { tenant, scope, exported };
  }

  it("on the demo portfolio", async () => {
    const { exported } = await roundTrip(snapshotSchema.parse(buildDemoPortfolio(today()).snapshot));
    expect(exported.accounts).toHaveLength(40);
  });

  it("on generated portfolios", async () => {
    for (const seed of [3, 11]) await roundTrip(generateSnapshot(60, seed, { asOf: today() }));
  });

  it("exports one client or some accounts, and refuses another organisation's client", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, parse(twoAccounts()), { source: "IMPORT", client: "Sakura KK" });
    const extra = twoAccounts() as any;
    extra.accounts = [{ ...extra.accounts[1], id: "acc-9", sellerId: null, storeName: "Elsewhere" }];
    await upsertSnapshot(scope, parse(extra), { source: "IMPORT" });
    const client = await exportSnapshot(scope, { client: "Sakura KK" });
    expect(client.accounts.map((a) => a.id)).toEqual(["acc-1", "acc-2"]);
    expect(client.people.map((p) => p.id)).toEqual(["p-ito", "p-sato"]);
    const one = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: "acc-9" } });
    expect((await exportSnapshot(scope, { accountIds: [one.id] })).accounts.map((a) => a.id)).toEqual(["acc-9"]);
    // A Manager sees their assigned clients only: another client is not found, and the whole export is theirs alone.
    const manager = await db.user.create({ data: { email: `m-${tenant.orgId}@test.example`, name: "M", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: manager.id, role: "MANAGER" } });
    const assigned = await db.client.create({ data: { orgId: tenant.orgId, name: "Assigned" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: assigned.id } });
    const managerScope = await scopeFor(manager.id);
    await expect(exportSnapshot(managerScope, { client: "Sakura KK" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await exportSnapshot(managerScope)).toMatchObject({ accounts: [], people: [], devices: [] });
    const stranger = await createTenant(db);
    await expect(exportSnapshot(await scopeFor(stranger.userId), { client: "Sakura KK" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await exportSnapshot(await scopeFor(stranger.userId), { accountIds: [one.id] })).accounts).toEqual([]);
  });
});
