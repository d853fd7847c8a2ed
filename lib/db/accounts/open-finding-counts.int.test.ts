import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { makeAccounts } from "@/tests/support/account-grid";
import { utcToday } from "@/lib/days";
import { addTwoStepMethod, removeTwoStepMethod } from "./account-writes";
import { acceptFinding, reopenFinding } from "../findings";
import { recomputeOrganisations } from "../risk/recompute-all";
import { syncToolCatalogue } from "../tools";

// SellerAccount's open counts and rule ids (decision 024) are derived from Finding by triggers; after
// every kind of write they must equal a live count.
const db = testDb();
let org: Awaited<ReturnType<typeof createTenant>>;

interface Mismatch { id: string; stored: string; live: string }
/** Accounts of the organisation whose stored counts differ from the live ones, and how many have any. */
async function compare(orgId: string): Promise<{ mismatches: Mismatch[]; withOpen: number }> {
  const rows = await db.$queryRawUnsafe<(Mismatch & { any: boolean })[]>(
    `SELECT a.id,
            concat_ws('/', a."openCritical", a."openHigh", a."openMedium", a."openLow", array_to_string(a."openRuleIds", ',')) AS stored,
            concat_ws('/', coalesce(n.crit, 0), coalesce(n.high, 0), coalesce(n.med, 0), coalesce(n.low, 0), coalesce(n.rules, '')) AS live,
            n.crit IS NOT NULL AS any
       FROM "SellerAccount" a
       LEFT JOIN (SELECT "accountId", count(*) FILTER (WHERE severity = 'critical') AS crit, count(*) FILTER (WHERE severity = 'high') AS high,
                         count(*) FILTER (WHERE severity = 'medium') AS med, count(*) FILTER (WHERE severity = 'low') AS low,
                         array_to_string(array_agg(DISTINCT "ruleId" ORDER BY "ruleId"), ',') AS rules
                    FROM "Finding" WHERE "orgId" = $1 AND status = 'OPEN' GROUP BY "accountId") n ON n."accountId" = a.id
      WHERE a."orgId" = $1`,
    orgId,
  );
  return { mismatches: rows.filter((r) => r.stored !== r.live).map(({ id, stored, live }) => ({ id, stored, live })), withOpen: rows.filter((r) => r.any).length };
}

const version = async (id: string) => (await db.sellerAccount.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  await syncToolCatalogue(db);
  org = await createTenant(db);
});
afterAll(() => db.$disconnect());

describe("stored open-finding counts equal a live count", () => {
  let accountId: string;
  let loginId: string;

  it("after imports", async () => {
    const ids = await importSnapshot(db, org.orgId, oneAccountSnapshot("Counted Store"));
    accountId = ids("account", "acc");
    loginId = ids("login", "acc/l-primary");
    await importSnapshot(db, org.orgId, oneAccountSnapshot("Second Store"));
    // An import's findings come from the recompute that follows it (as in lib/db/risk/recompute.int.test.ts).
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [org.orgId] });
    const { mismatches, withOpen } = await compare(org.orgId);
    expect(mismatches).toEqual([]);
    expect(withOpen).toBe(2);
  });

  it("after edits that open and resolve findings, and after accepting and reopening one", async () => {
    const before = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(before.openRuleIds).toContain("SINGLE_2SV_METHOD");
    const methodId = await addTwoStepMethod(await scopeFor(org.userId), {
      accountId, version: await version(accountId), loginId, kind: "AUTHENTICATOR_APP", role: "BACKUP", label: null, phoneLast4: null, deviceId: null,
    });
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).openRuleIds).not.toContain("SINGLE_2SV_METHOD");
    expect((await compare(org.orgId)).mismatches).toEqual([]);

    await removeTwoStepMethod(await scopeFor(org.userId), accountId, await version(accountId), methodId);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).openRuleIds).toContain("SINGLE_2SV_METHOD");
    expect((await compare(org.orgId)).mismatches).toEqual([]);

    const finding = await db.finding.findFirstOrThrow({ where: { accountId, status: "OPEN" } });
    const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await acceptFinding(await scopeFor(org.userId), { findingId: finding.id, reason: "accepted for the test", until });
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).openRuleIds).not.toContain(finding.ruleId);
    expect((await compare(org.orgId)).mismatches).toEqual([]);
    await reopenFinding(await scopeFor(org.userId), finding.id);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).openRuleIds).toContain(finding.ruleId);
    expect((await compare(org.orgId)).mismatches).toEqual([]);
  });

  it("after findings written directly (insert, severity change, resolve, delete) and after recompute-all", async () => {
    const grid = await makeAccounts(db, org.orgId, [
      { storeName: "Grid A", findings: [["RULE_X", "critical"], ["RULE_Y", "low"], ["RULE_Z", "high", "RESOLVED"]] },
      { storeName: "Grid B", findings: [["RULE_X", "medium", "ACCEPTED"]] },
    ]);
    expect((await compare(org.orgId)).mismatches).toEqual([]);
    const a = await db.sellerAccount.findUniqueOrThrow({ where: { id: grid["Grid A"] } });
    expect(a).toMatchObject({ openCritical: 1, openHigh: 0, openMedium: 0, openLow: 1, openRuleIds: ["RULE_X", "RULE_Y"] });

    await db.finding.updateMany({ where: { accountId: grid["Grid A"], ruleId: "RULE_X" }, data: { severity: "medium" } });
    await db.finding.updateMany({ where: { accountId: grid["Grid A"], ruleId: "RULE_Z" }, data: { status: "OPEN" } });
    await db.finding.updateMany({ where: { accountId: grid["Grid B"] }, data: { status: "OPEN" } });
    expect((await compare(org.orgId)).mismatches).toEqual([]);
    await db.finding.deleteMany({ where: { accountId: grid["Grid A"], ruleId: "RULE_Y" } });
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: grid["Grid A"] } })).toMatchObject({ openMedium: 1, openHigh: 1, openLow: 0, openRuleIds: ["RULE_X", "RULE_Z"] });
    expect((await compare(org.orgId)).mismatches).toEqual([]);

    // The full recompute resolves the grid's made-up findings (no rule fires them) and opens the real ones.
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [org.orgId] });
    const { mismatches } = await compare(org.orgId);
    expect(mismatches).toEqual([]);
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: grid["Grid A"] } })).toMatchObject({ openRuleIds: expect.not.arrayContaining(["RULE_X", "RULE_Z"]) });
  });

  it("after the migration's backfill of data from before the columns", async () => {
    await db.$executeRawUnsafe(`UPDATE "SellerAccount" SET "openCritical" = 0, "openHigh" = 0, "openMedium" = 0, "openLow" = 0, "openRuleIds" = '{}' WHERE "orgId" = $1`, org.orgId);
    expect((await compare(org.orgId)).mismatches.length).toBeGreaterThan(0);
    await db.$executeRawUnsafe(`SELECT gatehouse_refresh_open_findings(ARRAY(SELECT DISTINCT "accountId" FROM "Finding" WHERE status = 'OPEN' AND "orgId" = $1))`, org.orgId);
    expect((await compare(org.orgId)).mismatches).toEqual([]);
  });

  it("counts both of two transactions that add findings to one account at once", async () => {
    const grid = await makeAccounts(db, org.orgId, [{ storeName: "Race" }]);
    const accountId = grid.Race;
    const first = new pg.Client({ connectionString: inject("databaseUrl") });
    const second = new pg.Client({ connectionString: inject("databaseUrl") });
    await first.connect();
    await second.connect();
    const insert = (client: pg.Client, rule: string) =>
      client.query(`INSERT INTO "Finding" ("orgId", "accountId", "ruleId", severity, "subjectType", "subjectId", evidence) VALUES ($1, $2, $3, 'critical', 'account', $2, 'race')`, [org.orgId, accountId, rule]);
    const { rows: [{ pid: secondPid }] } = await second.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    try {
      await first.query("BEGIN");
      await second.query("BEGIN");
      await insert(first, "RACE_A"); // its trigger holds the account row until the first commits
      const waiting = insert(second, "RACE_B").then(() => second.query("COMMIT"));
      // Forced interleaving: the first commits only once the second is waiting for the account's row lock.
      for (;;) {
        const rows = await db.$queryRawUnsafe<{ waiting: boolean }[]>(`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, secondPid);
        if (rows?.[0]?.waiting) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await first.query("COMMIT");
      await waiting;
    } finally {
      await first.end();
      await second.end();
    }
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ openCritical: 2, openRuleIds: ["RACE_A", "RACE_B"] });
    expect((await compare(org.orgId)).mismatches).toEqual([]);
  });
});

