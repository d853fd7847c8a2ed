import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, makeAccounts } from "@/tests/support/account-grid";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/snapshot";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { listAccounts } from "./accounts/read-accounts";
import { getPortfolioOverview } from "./overview";

const db = testDb();
const today = "2026-11-23";
const settings = { ...DEFAULT_RISK_SETTINGS };

let tenant: Awaited<ReturnType<typeof createTenant>>;
let ids: Record<string, string>;
let clientA: string;
let clientB: string;

beforeAll(async () => {
  tenant = await createTenant(db);
  [clientA, clientB] = await Promise.all([
    db.client.create({ data: { orgId: tenant.orgId, name: "Client A" } }).then((c) => c.id),
    db.client.create({ data: { orgId: tenant.orgId, name: "Client B" } }).then((c) => c.id),
  ]);
  ids = await makeAccounts(db, tenant.orgId, [
    { storeName: "Alpha", score: 30, clientId: clientA, passwordChangedAt: at("2026-08-30"), findings: [["NO_2SV", "critical"], ["SINGLE_2SV_METHOD", "high"], ["SMS_ONLY", "medium"]] },
    { storeName: "Bravo", score: 30, clientId: clientA, passwordChangedAt: at("2026-08-01"), findings: [["NO_2SV", "critical"], ["NO_2SV", "critical"], ["SINGLE_2SV_METHOD", "high", "RESOLVED"]] },
    { storeName: "Charlie", score: 60, clientId: clientB, passwordChangedAt: at("2026-10-01"), findings: [["SINGLE_2SV_METHOD", "high"], ["STALE_INVITE", "low"]] },
    { storeName: "Delta", score: 100, clientId: null, findings: [["SINGLE_2SV_METHOD", "high"]] },
  ]);
  const person = await db.person.create({ data: { orgId: tenant.orgId, name: "Invitee" } });
  await db.login.createMany({
    data: [
      { orgId: tenant.orgId, accountId: ids.Charlie, role: "SECONDARY", personId: person.id, email: "soon@invite.example", status: "INVITED", invitedAt: at("2026-11-15") },
      { orgId: tenant.orgId, accountId: ids.Charlie, role: "SECONDARY", personId: person.id, email: "late@invite.example", status: "INVITED", invitedAt: at("2026-11-01") },
    ],
  });
  await db.appAuthorization.createMany({
    data: [
      { orgId: tenant.orgId, accountId: ids.Delta, appName: "SoonSync", expiresAt: at("2026-12-10") },
      { orgId: tenant.orgId, accountId: ids.Delta, appName: "LaterSync", expiresAt: at("2027-02-01") },
      { orgId: tenant.orgId, accountId: ids.Delta, appName: "GoneSync", expiresAt: at("2026-11-01") },
    ],
  });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  await db.accountScoreDaily.createMany({
    data: [
      { orgId: tenant.orgId, accountId: ids.Alpha, day: day("2026-11-21"), score: 40 },
      { orgId: tenant.orgId, accountId: ids.Charlie, day: day("2026-11-21"), score: 60 },
      { orgId: tenant.orgId, accountId: ids.Alpha, day: day("2026-11-22"), score: 30 },
      { orgId: tenant.orgId, accountId: ids.Charlie, day: day("2026-11-22"), score: 61 },
      { orgId: tenant.orgId, accountId: ids.Alpha, day: day("2026-06-01"), score: 99 },
    ],
  });
  // Another organisation's data must never count.
  const other = await createTenant(db);
  await makeAccounts(db, other.orgId, [{ storeName: "Foreign", score: 0, passwordChangedAt: at("2026-08-30"), findings: [["NO_2SV", "critical"]] }]);
});
afterAll(() => db.$disconnect());

describe("the portfolio overview", () => {
  it("counts open findings and the accounts holding them, per severity, as the table's filter does", async () => {
    const scope = await scopeFor(tenant.userId);
    const o = await getPortfolioOverview(scope, { today, settings });
    const by = Object.fromEntries(o.severities.map((s) => [s.severity, s]));
    expect(by.critical).toEqual({ severity: "critical", findings: 3, accounts: 2 });
    expect(by.high).toEqual({ severity: "high", findings: 3, accounts: 3 });
    expect(by.low).toEqual({ severity: "low", findings: 1, accounts: 1 });
    for (const s of o.severities) {
      expect((await listAccounts(scope, accountListQuerySchema.parse({ severity: s.severity }))).total).toBe(s.accounts);
    }
  });

  it("gives the portfolio score and its daily trend over the window", async () => {
    const o = await getPortfolioOverview(await scopeFor(tenant.userId), { today, settings });
    expect(o.accounts).toBe(4);
    expect(o.score).toBe(55);
    expect(o.trend).toEqual([{ day: "2026-11-21", score: 50 }, { day: "2026-11-22", score: 46 }]);
  });

  it("lists the riskiest accounts by lowest score, then most critical findings", async () => {
    const o = await getPortfolioOverview(await scopeFor(tenant.userId), { today, settings });
    expect(o.riskiest.map((r) => [r.storeName, r.critical, r.high])).toEqual([["Bravo", 2, 0], ["Alpha", 1, 1], ["Charlie", 0, 1], ["Delta", 0, 1]]);
  });

  it("ranks rules by open findings and fills the client × rule heatmap", async () => {
    const o = await getPortfolioOverview(await scopeFor(tenant.userId), { today, settings });
    expect(o.rules.slice(0, 2)).toEqual([{ ruleId: "NO_2SV", findings: 3, accounts: 2 }, { ruleId: "SINGLE_2SV_METHOD", findings: 3, accounts: 3 }]);
    expect(o.heatmap.clients.map((c) => [c.name, c.findings])).toEqual([["Client A", 5], ["Client B", 2], [null, 1]]);
    expect(o.heatmap.cells).toContainEqual({ clientId: clientA, ruleId: "NO_2SV", findings: 3 });
    expect(o.heatmap.cells).toContainEqual({ clientId: null, ruleId: "SINGLE_2SV_METHOD", findings: 1 });
    const scope = await scopeFor(tenant.userId);
    const behind = await listAccounts(scope, accountListQuerySchema.parse({ rule: "SINGLE_2SV_METHOD", client: clientB }));
    expect(behind.rows.map((r) => r.storeName)).toEqual(["Charlie"]);
  });

  it("lists what falls due: passwords turning stale, invitations going stale, apps expiring", async () => {
    const o = await getPortfolioOverview(await scopeFor(tenant.userId), { today, settings });
    expect(o.due.passwords?.items).toEqual([{ accountId: ids.Alpha, storeName: "Alpha", subject: `${ids.Alpha}@grid.example`, dueOn: "2026-11-28" }]);
    expect(o.due.invites?.items.map((i) => [i.subject, i.dueOn])).toEqual([["soon@invite.example", "2026-11-29"]]);
    expect(o.due.apps).toEqual({ total: 1, items: [{ accountId: ids.Delta, storeName: "Delta", subject: "SoonSync", dueOn: "2026-12-10" }] });
  });

  it("follows the organisation's thresholds, and says when the password rule is off", async () => {
    const scope = await scopeFor(tenant.userId);
    const longer = await getPortfolioOverview(scope, { today, settings: { ...settings, stalePasswordDays: 120 } });
    expect(longer.due.passwords?.items.map((i) => i.storeName)).toEqual(["Bravo"]);
    const off = await getPortfolioOverview(scope, { today, settings: { ...settings, stalePasswordDays: 0 } });
    expect(off.due.passwords).toBeNull();
  });

  it("limits a Manager to their clients", async () => {
    const manager = await db.user.create({ data: { email: `${tenant.orgId}-m@test.example`, name: "M", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: manager.id, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId: clientB } });
    const o = await getPortfolioOverview(await scopeFor(manager.id), { today, settings });
    expect(o.accounts).toBe(1);
    expect(o.riskiest.map((r) => r.storeName)).toEqual(["Charlie"]);
    expect(o.trend).toEqual([{ day: "2026-11-21", score: 60 }, { day: "2026-11-22", score: 61 }]);
    expect(o.due.passwords?.items).toEqual([]);
    expect(o.due.apps.items).toEqual([]);
    expect(o.heatmap.clients.map((c) => c.name)).toEqual(["Client B"]);
    expect(o.severities.sort((a, b) => a.severity.localeCompare(b.severity))).toEqual([
      { severity: "high", findings: 1, accounts: 1 },
      { severity: "low", findings: 1, accounts: 1 },
    ]);
    expect(o.rules.map((r) => [r.ruleId, r.findings, r.accounts])).toEqual([["SINGLE_2SV_METHOD", 1, 1], ["STALE_INVITE", 1, 1]]);
  });

  it("ranks past the tenth-lowest score by critical findings: a tie at that score is not cut off", async () => {
    const own = await createTenant(db);
    const low = Array.from({ length: 9 }, (_, i) => ({ storeName: `Low ${i}`, score: 10, findings: [] }));
    await makeAccounts(db, own.orgId, [
      ...low,
      { storeName: "Kilo", score: 50, findings: [] },
      { storeName: "Lima", score: 50, findings: [["NO_2SV", "critical"], ["NO_2SV", "critical"]] },
      { storeName: "Mike", score: 60, findings: [["NO_2SV", "critical"]] },
    ]);
    const o = await getPortfolioOverview(await scopeFor(own.userId), { today, settings });
    expect(o.riskiest.map((r) => r.storeName)).toEqual([...low.map((a) => a.storeName), "Lima"]);
    expect(o.riskiest[9]).toMatchObject({ score: 50, critical: 2, high: 0 });
  });

  it("counts an account once per rule when it holds the rule at two severities (a password staler on one login)", async () => {
    const own = await createTenant(db);
    await makeAccounts(db, own.orgId, [{ storeName: "Echo", score: 40, findings: [["STALE_PASSWORD", "high"], ["STALE_PASSWORD", "critical"]] }]);
    const o = await getPortfolioOverview(await scopeFor(own.userId), { today, settings });
    expect(o.rules).toEqual([{ ruleId: "STALE_PASSWORD", findings: 2, accounts: 1 }]);
    expect(o.severities.sort((a, b) => a.severity.localeCompare(b.severity))).toEqual([
      { severity: "critical", findings: 1, accounts: 1 },
      { severity: "high", findings: 1, accounts: 1 },
    ]);
    expect(o.riskiest).toMatchObject([{ storeName: "Echo", critical: 1, high: 1 }]);
    expect(o.heatmap.cells).toEqual([{ clientId: null, ruleId: "STALE_PASSWORD", findings: 2 }]);
  });

  it("is empty for an organisation without accounts", async () => {
    const empty = await createTenant(db);
    const o = await getPortfolioOverview(await scopeFor(empty.userId), { today, settings });
    expect(o).toMatchObject({ accounts: 0, score: null, trend: [], severities: [], riskiest: [], rules: [] });
  });
});
