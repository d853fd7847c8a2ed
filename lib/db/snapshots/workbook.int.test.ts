import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { generateSnapshot } from "@/lib/risk/generate";
import { readBulkFiles } from "@/lib/spreadsheets/read-bulk";
import { applyPasteToAccount, readSellerCentralPaste } from "@/lib/spreadsheets/seller-central-paste";
import { workbookXlsx } from "@/lib/spreadsheets/read-xlsx";
import { snapshotToWorkbook } from "@/lib/spreadsheets/snapshot-to-workbook";
import { parseSnapshot, snapshotSchema, type Snapshot } from "@/lib/validation/snapshot";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import type { Scope } from "../scope";
import { syncToolCatalogue } from "../tools";
import { exportSnapshot } from "./export";
import { upsertSnapshot } from "./upsert";

// The bulk workbook (decision 022) against a real database: export → import into an empty
// organisation → the same findings account by account; the same workbook twice changes nothing.

const db = testDb();
beforeAll(() => syncToolCatalogue(db));
afterAll(() => db.$disconnect());

const today = () => new Date().toISOString().slice(0, 10);

/** Every finding not resolved, named by external ids (account, rule, severity, subject). */
async function findingsOf(orgId: string): Promise<string[]> {
  const ext = new Map<string, string>();
  const where = { orgId };
  const select = { id: true, externalId: true } as const;
  for (const r of await db.sellerAccount.findMany({ where, select })) ext.set(`account:${r.id}`, r.externalId);
  for (const r of await db.login.findMany({ where, select })) ext.set(`login:${r.id}`, r.externalId);
  for (const r of await db.person.findMany({ where, select })) ext.set(`person:${r.id}`, r.externalId);
  for (const r of await db.device.findMany({ where, select })) ext.set(`device:${r.id}`, r.externalId);
  for (const r of await db.authorizedPartner.findMany({ where, select })) ext.set(`partner:${r.id}`, r.externalId);
  for (const r of await db.appAuthorization.findMany({ where, select })) ext.set(`app:${r.id}`, r.externalId);
  const rows = await db.finding.findMany({ where: { orgId, status: { not: "RESOLVED" } } });
  return rows.map((f) => `${ext.get(`account:${f.accountId}`)} ${f.ruleId} ${f.severity} ${f.subjectType}:${ext.get(`${f.subjectType}:${f.subjectId}`)}`).sort();
}

async function importWorkbook(scope: Scope, bytes: Uint8Array, dryRun = false) {
  const book = await readBulkFiles([{ name: "export.xlsx", bytes }]);
  if (!book.ok) throw new Error(JSON.stringify(book.problems.slice(0, 3)));
  const parsed = parseSnapshot(book.snapshot);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return upsertSnapshot(scope, parsed.snapshot, { source: "IMPORT", loginsOnly: true, listed: book.listed, dryRun });
}

describe("the bulk workbook", () => {
  it("round-trips: export → import into an empty organisation → the same findings; the same file again changes nothing", async () => {
    for (const input of [snapshotSchema.parse(buildDemoPortfolio(today()).snapshot), generateSnapshot(30, 11, { asOf: today() })] as Snapshot[]) {
      const source = await createTenant(db);
      const sourceScope = await scopeFor(source.userId);
      await upsertSnapshot(sourceScope, input, { source: "IMPORT" });
      const exported = await exportSnapshot(sourceScope);
      const bytes = await workbookXlsx(snapshotToWorkbook(exported, "ja"));

      const target = await createTenant(db);
      const scope = await scopeFor(target.userId);
      const first = await importWorkbook(scope, bytes);
      expect(first.ok && first.summary.accounts.created).toBe(exported.accounts.length);
      expect(await findingsOf(target.orgId)).toEqual(await findingsOf(source.orgId));

      const audits = await db.auditEvent.count({ where: { orgId: target.orgId } });
      const again = await importWorkbook(scope, bytes);
      expect(again.ok && again.summary.accounts).toEqual({ created: 0, updated: 0, unchanged: exported.accounts.length });
      expect(await db.auditEvent.count({ where: { orgId: target.orgId } })).toBe(audits);
      // Its own export, in English this time, imports back with no changes either.
      const back = await importWorkbook(scope, await workbookXlsx(snapshotToWorkbook(await exportSnapshot(scope), "en")), true);
      expect(back.ok && back.preview.accounts.filter((a) => a.status !== "unchanged")).toEqual([]);
    }
  });

  it("an accounts sheet alone updates the accounts' details and leaves their logins, partners and apps as stored", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const input = generateSnapshot(3, 4, { asOf: today() });
    await upsertSnapshot(scope, input, { source: "IMPORT" });
    const before = await db.login.count({ where: { orgId: tenant.orgId } });
    const [accounts] = snapshotToWorkbook(await exportSnapshot(scope), "en");
    accounts.rows[1][accounts.rows[0].indexOf("store_name")] = "Renamed in Excel";
    const result = await importWorkbook(scope, await workbookXlsx([accounts]));
    expect(result.ok && result.summary).toMatchObject({ accounts: { updated: 1, unchanged: 2 }, removed: { logins: 0, partners: 0, apps: 0 } });
    expect(await db.login.count({ where: { orgId: tenant.orgId } })).toBe(before);
    expect(await db.sellerAccount.count({ where: { orgId: tenant.orgId, storeName: "Renamed in Excel" } })).toBe(1);
  });

  it("a Seller Central paste becomes one account's logins through the same upsert; the same paste twice changes nothing", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    const input = generateSnapshot(2, 9, { asOf: today() });
    await upsertSnapshot(scope, input, { source: "IMPORT" });
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, externalId: input.accounts[0].id }, include: { logins: true } });
    const primary = account.logins.find((l) => l.role === "PRIMARY")!;
    const counts = async () => [await db.sellerAccount.count({ where: { orgId: tenant.orgId } }), await db.login.count({ where: { orgId: tenant.orgId } }), await db.person.count({ where: { orgId: tenant.orgId } })];
    const paste = readSellerCentralPaste(`名前\tEメールアドレス\tステータス\nOwner\t${primary.email}\t有効\n新人 一郎\tnew@paste.example\t招待中\n`);
    if (!paste.ok) throw new Error("paste should read");
    const before = await counts();
    const next = applyPasteToAccount(await exportSnapshot(scope, { accountIds: [account.id] }), paste.users);
    const dry = await upsertSnapshot(scope, next, { source: "IMPORT", dryRun: true });
    expect(dry.ok && dry.summary.accounts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await counts()).toEqual(before);
    await upsertSnapshot(scope, next, { source: "IMPORT" });
    const after = await db.login.findMany({ where: { accountId: account.id } });
    expect(after.find((l) => l.email === "new@paste.example")?.status).toBe("INVITED");
    expect(after.filter((l) => l.role === "SECONDARY" && l.email !== "new@paste.example").every((l) => l.status === "REMOVED")).toBe(true);
    const again = applyPasteToAccount(await exportSnapshot(scope, { accountIds: [account.id] }), paste.users);
    const second = await upsertSnapshot(scope, again, { source: "IMPORT" });
    expect(second.ok && second.summary.accounts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    // Another organisation's account is not there for the paste to start from (the page then says it was not found).
    const other = await createTenant(db);
    expect((await exportSnapshot(await scopeFor(other.userId), { accountIds: [account.id] })).accounts).toEqual([]);
  });

  it("property: a workbook export with one cell poisoned anywhere is either read and applied whole, or refused with nothing written", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId);
    await upsertSnapshot(scope, generateSnapshot(4, 21, { asOf: today() }), { source: "IMPORT" });
    const sheets = snapshotToWorkbook(await exportSnapshot(scope), "ja");
    const counts = async () => {
      const where = { orgId: tenant.orgId };
      return [
        await db.sellerAccount.count({ where }), await db.login.count({ where }), await db.person.count({ where }), await db.device.count({ where }), await db.twoStepMethod.count({ where }),
        await db.permissionGrant.count({ where }), await db.authorizedPartner.count({ where }), await db.appAuthorization.count({ where }), await db.otherAccess.count({ where }), await db.auditEvent.count({ where }),
      ];
    };
    const poison = fc.constantFrom("__proto__", "=HYPERLINK(\"x\")", "", "2026/02/30", "EVERYTHING", "x".repeat(5_000), "acc-none", "\u0000", "-1", "password");
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), poison, async (s, r, c, value) => {
        const book = sheets.map((x) => ({ name: x.name, rows: x.rows.map((row) => [...row]) }));
        const target = book[s % book.length];
        const rowIndex = r % target.rows.length;
        target.rows[rowIndex][c % target.rows[rowIndex].length] = value;
        const before = await counts();
        const read = await readBulkFiles([{ name: "poisoned.xlsx", bytes: await workbookXlsx(book) }]);
        const parsed = read.ok ? parseSnapshot(read.snapshot) : null;
        const result = read.ok && parsed?.ok ? await upsertSnapshot(scope, parsed.snapshot, { source: "IMPORT", loginsOnly: true, listed: read.listed }) : null;
        if (!result?.ok) {
          refused++;
          expect(await counts()).toEqual(before);
        }
        // Put the organisation back as it was for the next run (the original export, applied whole).
        if (result?.ok && result.summary.accounts.updated + result.summary.accounts.created > 0) await importWorkbook(scope, await workbookXlsx(sheets));
      }),
      { numRuns: 40, seed: 16 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});
