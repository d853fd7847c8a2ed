import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { generateSnapshot } from "@/lib/risk/generate";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import type { Snapshot } from "@/lib/validation/snapshot";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { freshPersonCounts, storedPersonCounts } from "@/tests/support/person-counts";
import { recomputeOrganisations } from "../risk/recompute-all";
import { upsertSnapshot } from "../snapshots/upsert";
import { utcToday } from "@/lib/days";
import { runBulkImport } from "./import";

// The large import recomputes its accounts' findings in batches ordered by id, each with its id range
// and the organisation's shared devices looked up once (write.ts, decision 031). Whatever the batch
// size, what it stores must be exactly what the nightly full recompute computes: a recompute right
// after the import finds nothing to open, resolve or rewrite, and leaves every finding and score as is.

const { db, file } = bulkImportFixture("bulk-import-findings-");

const csv = (snapshot: Snapshot) => new TextEncoder().encode(encodeCsv(snapshotToLoginRows(snapshot, "en")));

/** The portfolio without shared logins, which the staged path refuses (decision 023). */
function unshared(snapshot: Snapshot): Snapshot {
  const next = structuredClone(snapshot);
  for (const account of next.accounts) for (const login of account.logins) login.usedBy = [login.personId];
  return next;
}

async function bulkImport(orgId: string, userId: string, snapshot: Snapshot, recomputeBatch: number) {
  const path = file(`${orgId}-${Math.random()}.csv`);
  await writeFile(path, csv(snapshot));
  const result = await runBulkImport(await scopeFor(userId, orgId), { path, kind: "csv", dryRun: false, recomputeBatch });
  if (!result.ok || !result.written) throw new Error(JSON.stringify(result).slice(0, 2000));
}

/** Every stored finding and account score, in full (ids included: a rewrite would show). */
async function findingsOf(orgId: string) {
  const q = (text: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(text, orgId);
  return {
    findings: await q(
      `SELECT id, "accountId", "ruleId", "subjectType"::text, "subjectId", severity::text, status::text, evidence, "evidenceData"::text, "lastSeenAt", "resolvedAt"
       FROM "Finding" WHERE "orgId" = $1 ORDER BY id`,
    ),
    accounts: await q(
      `SELECT id, score, "evaluatedOn", "openCritical", "openHigh", "openMedium", "openLow", "openRuleIds" FROM "SellerAccount" WHERE "orgId" = $1 ORDER BY id`,
    ),
    daily: await q(`SELECT "accountId", day, score FROM "AccountScoreDaily" WHERE "orgId" = $1 ORDER BY 1, 2`),
  };
}

async function expectRecomputeChangesNothing(orgId: string) {
  // The import defers the people's open-finding counts and recounts once at its end (write.ts): checked
  // before the recompute, whose own triggers would put a wrong count right.
  expect(await storedPersonCounts(db, orgId)).toEqual(await freshPersonCounts(db, orgId));
  const before = await findingsOf(orgId);
  const result = await recomputeOrganisations(db, { today: utcToday(), orgIds: [orgId] });
  expect(result).toMatchObject({ opened: 0, resolved: 0, reopened: 0, expired: 0 });
  expect(await findingsOf(orgId)).toEqual(before);
  return before;
}

describe("findings of a large import", () => {
  it("a first import in small batches stores what the full recompute computes", { timeout: 120_000 }, async () => {
    const portfolio = unshared(generateSnapshot(30, 17));
    const t = await createTenant(db);
    await bulkImport(t.orgId, t.userId, portfolio, 7); // 5 batches, the last one short
    const stored = await expectRecomputeChangesNothing(t.orgId);
    expect(stored.findings.length).toBeGreaterThan(30);
    expect(stored.accounts.every((a) => a.evaluatedOn !== null)).toBe(true);
  });

  it("a re-import touching accounts that share 2SV devices, in batches smaller than the sharing, matches the full recompute", { timeout: 120_000 }, async () => {
    // The whole snapshot first (people, devices, 2SV methods on them); the spreadsheet then keeps each
    // method's device (plan.ts), so device rules look across batches.
    const portfolio = unshared(generateSnapshot(30, 23));
    // One office phone receiving the codes of many people's logins, all over the portfolio.
    const phone = portfolio.devices.find((d) => d.kind === "PHONE")!.id;
    for (const account of portfolio.accounts)
      for (const login of account.logins.slice(0, 2)) {
        const sms = login.twoStep.find((m) => m.kind === "SMS" || m.kind === "VOICE");
        if (sms) sms.deviceId = phone;
      }
    const t = await createTenant(db);
    const first = await upsertSnapshot(await scopeFor(t.userId, t.orgId), portfolio, { source: "IMPORT" });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const [{ shared }] = await db.$queryRawUnsafe<{ shared: number }[]>(
      `SELECT count(*)::int AS shared FROM (SELECT m."deviceId" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId"
       WHERE m."orgId" = $1 AND m."deviceId" IS NOT NULL AND l.status = 'ACTIVE' GROUP BY 1 HAVING count(DISTINCT l."accountId") > 1 AND min(l."personId") <> max(l."personId")) s`,
      t.orgId,
    );
    expect(shared).toBeGreaterThan(0); // the case under test: devices serving several people across accounts

    const next = structuredClone(portfolio);
    for (const account of next.accounts.slice(0, 20)) {
      const login = account.logins[0];
      login.status = login.status === "ACTIVE" ? "DISABLED" : "ACTIVE"; // changes who uses each device
    }
    await bulkImport(t.orgId, t.userId, next, 3);
    await expectRecomputeChangesNothing(t.orgId);
  });
});
