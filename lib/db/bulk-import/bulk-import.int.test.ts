import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { generateSnapshot } from "@/lib/risk/generate";
import { readLoginsCsv } from "@/lib/spreadsheets/read-csv";
import { sheetXlsx } from "@/lib/spreadsheets/read-xlsx";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import { parseSnapshot, type Snapshot } from "@/lib/validation/snapshot";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { upsertSnapshot } from "../snapshots/upsert";
import { runBulkImport } from "./import";

// The large-file path must leave exactly what the whole-file import leaves, on the same file: the
// same accounts, people, logins (with their users, 2SV methods and permissions), open findings and
// stored access, named by external ids, and the same summary.

const { db, file } = bulkImportFixture("bulk-import-");

async function stateOf(orgId: string) {
  const q = (text: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(text, orgId);
  return {
    accounts: await q(`SELECT "externalId", "storeName", "sellerId", region, marketplaces, plan::text, status::text, "lastVerifiedAt", score, version FROM "SellerAccount" WHERE "orgId" = $1 ORDER BY 1`),
    people: await q(`SELECT "externalId", name, external, company, "departedAt" FROM "Person" WHERE "orgId" = $1 ORDER BY 1`),
    logins: await q(
      `SELECT a."externalId" AS account, l."externalId", l.role::text, l.email, p."externalId" AS person, l.status::text, l."invitedAt", l."acceptedAt", l."lastLoginAt", l."passwordChangedAt", l."passwordReused",
         (SELECT string_agg(concat_ws('|', g."toolId", g.level::text, g.marketplace), ',' ORDER BY concat_ws('|', g."toolId", g.level::text, g.marketplace)) FROM "PermissionGrant" g WHERE g."loginId" = l.id) AS grants,
         (SELECT string_agg(concat_ws('|', m.kind::text, m.role::text, m."phoneLast4"), ',' ORDER BY concat_ws('|', m.kind::text, m.role::text, m."phoneLast4")) FROM "TwoStepMethod" m WHERE m."loginId" = l.id) AS methods,
         (SELECT string_agg(up."externalId", ',' ORDER BY up."externalId") FROM "LoginUser" u JOIN "Person" up ON up.id = u."personId" WHERE u."loginId" = l.id) AS users
       FROM "Login" l JOIN "SellerAccount" a ON a.id = l."accountId" JOIN "Person" p ON p.id = l."personId" WHERE l."orgId" = $1 ORDER BY 1, 2`,
    ),
    findings: await q(`SELECT a."externalId" AS account, f."ruleId", f.status::text, f.severity::text, f."subjectType"::text, f."subjectId" IS NOT NULL AS subject FROM "Finding" f JOIN "SellerAccount" a ON a.id = f."accountId" WHERE f."orgId" = $1 AND f.status <> 'RESOLVED' ORDER BY 1, 2, 5, 6`),
    access: await q(`SELECT p."externalId", x."activeLogins", x."adminLogins", x.accounts, x.devices FROM "PersonAccess" x JOIN "Person" p ON p.id = x."personId" WHERE x."orgId" = $1 ORDER BY 1`),
    audits: (await q(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "orgId" = $1 AND action = 'snapshot.upserted'`))[0].n,
  };
}

async function wholeFileImport(orgId: string, userId: string, bytes: Uint8Array) {
  const sheet = readLoginsCsv(bytes);
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems));
  const parsed = parseSnapshot(sheet.snapshot);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = await upsertSnapshot(await scopeFor(userId, orgId), parsed.snapshot, { source: "IMPORT", loginsOnly: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.summary;
}

async function bulkImport(orgId: string, userId: string, bytes: Uint8Array, kind: "csv" | "xlsx" = "csv", dryRun = false) {
  const path = file(`${orgId}-${Math.random()}.${kind}`);
  await writeFile(path, bytes);
  const result = await runBulkImport(await scopeFor(userId, orgId), { path, kind, dryRun });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

const csv = (snapshot: Snapshot) => new TextEncoder().encode(`\uFEFF${encodeCsv(snapshotToLoginRows(snapshot, "en"))}`);

/** The next version of the portfolio: a login gone, a permission changed, an account renamed, a new account. */
function edited(snapshot: Snapshot): Snapshot {
  const next = structuredClone(snapshot);
  next.accounts[0].logins.pop();
  next.accounts[1].storeName += " (renamed)";
  const login = next.accounts[2].logins[0];
  login.permissions = login.permissions.length ? login.permissions.slice(1) : [{ tool: "PAYMENTS", level: "VIEW", marketplace: null }];
  login.status = login.status === "ACTIVE" ? "DISABLED" : "ACTIVE";
  next.people[0].name += " Jr.";
  const extra = generateSnapshot(1, 99).accounts[0];
  next.accounts.push({ ...extra, id: "acc-new", sellerId: "ANEWSELLER1", logins: extra.logins.map((l) => ({ ...l, personId: next.people[1].id, usedBy: [next.people[1].id] })) });
  // Shared logins: one loses a user and gains another, one stops being shared, one becomes shared.
  const [a, b] = [next.accounts[0].logins[0], next.accounts[1].logins[0]];
  a.usedBy = [a.personId, next.people.find((p) => p.id !== a.personId && !a.usedBy.includes(p.id))!.id];
  b.usedBy = [b.personId];
  const c = next.accounts[5].logins[0];
  c.usedBy = [c.personId, next.people[0].id];
  return next;
}

/** Shared logins (used_by) naming people whose own rows are elsewhere in the file, some of them far below. */
function shared(snapshot: Snapshot): Snapshot {
  const next = structuredClone(snapshot);
  next.accounts.slice(0, 4).forEach((account, i) => {
    const login = account.logins[0];
    const others = next.people.filter((p) => p.id !== login.personId);
    login.usedBy = [login.personId, others.at(-1 - i)!.id, ...(i % 2 ? [] : [others[i].id])];
  });
  return next;
}

/** The portfolio without shared logins. */
function unshared(snapshot: Snapshot): Snapshot {
  const next = structuredClone(snapshot);
  for (const account of next.accounts) for (const login of account.logins) login.usedBy = [login.personId];
  return next;
}

describe("bulk import of a logins spreadsheet", () => {
  it("leaves what the whole-file import leaves, shared logins and their users included: on a first import, on an edited re-import, and the same file twice", { timeout: 120_000 }, async () => {
    const portfolio = shared(generateSnapshot(40, 7));
    const a = await createTenant(db);
    const b = await createTenant(db);

    const first = csv(portfolio);
    const summaryA = await wholeFileImport(a.orgId, a.userId, first);
    const preview = await bulkImport(b.orgId, b.userId, first, "csv", true);
    expect(preview.written).toBe(false);
    expect((await stateOf(b.orgId)).accounts).toEqual([]); // a dry run writes nothing
    const resultB = await bulkImport(b.orgId, b.userId, first);
    const users = await db.loginUser.count({ where: { orgId: b.orgId } });
    const logins = await db.login.count({ where: { orgId: b.orgId } });
    expect(users - logins).toBeGreaterThanOrEqual(6); // the used_by people above, besides each login's own
    expect(resultB.plan.summary).toEqual(summaryA);
    expect(preview.plan.summary).toEqual(summaryA);
    const strip = (s: Awaited<ReturnType<typeof stateOf>>) => s;
    expect(strip(await stateOf(b.orgId))).toEqual(strip(await stateOf(a.orgId)));

    const second = csv(edited(portfolio));
    const editedA = await wholeFileImport(a.orgId, a.userId, second);
    const editedB = await bulkImport(b.orgId, b.userId, second);
    expect(editedB.plan.summary).toEqual(editedA);
    expect(editedA.accounts.updated).toBeGreaterThan(0);
    expect(await stateOf(b.orgId)).toEqual(await stateOf(a.orgId));

    // The same file again: nothing written, no audit event.
    const before = await stateOf(b.orgId);
    const again = await bulkImport(b.orgId, b.userId, second);
    expect(again.written).toBe(false);
    expect(again.plan.summary.accounts.unchanged).toBe(again.plan.summary.accounts.created + again.plan.summary.accounts.updated + again.plan.summary.accounts.unchanged);
    expect(await stateOf(b.orgId)).toEqual(before);
  });

  it("reads an XLSX file as a stream with the same result as its CSV", { timeout: 60_000 }, async () => {
    const portfolio = generateSnapshot(10, 3);
    const a = await createTenant(db);
    const b = await createTenant(db);
    await bulkImport(a.orgId, a.userId, csv(portfolio));
    await bulkImport(b.orgId, b.userId, await sheetXlsx(snapshotToLoginRows(portfolio, "ja")), "xlsx");
    expect(await stateOf(b.orgId)).toEqual(await stateOf(a.orgId));
  });

  it("refuses a file with bad rows with the whole-file import's problems, and writes nothing", async () => {
    const a = await createTenant(db);
    const rows = snapshotToLoginRows(generateSnapshot(3, 5), "en");
    rows[2][rows[0].indexOf("role")] = "BOSS";
    rows[3][rows[0].indexOf("last_login_at")] = "yesterday";
    const bytes = new TextEncoder().encode(encodeCsv(rows));
    const whole = readLoginsCsv(bytes);
    const path = file("bad.csv");
    await writeFile(path, bytes);
    const result = await runBulkImport(await scopeFor(a.userId, a.orgId), { path, kind: "csv", dryRun: false });
    expect(whole.ok).toBe(false);
    expect(result.ok).toBe(false);
    if (whole.ok || result.ok || !("problems" in result)) throw new Error("unreachable");
    expect(result.problems.map((p) => ("sheet" in p ? p.sheet : p))).toEqual(whole.problems);
    expect((await stateOf(a.orgId)).accounts).toEqual([]);
  });
  it("refuses a used_by naming nobody in the file on its row and column, as the whole-file import does, and writes nothing", { timeout: 120_000 }, async () => {
    const rows = snapshotToLoginRows(unshared(generateSnapshot(3, 11)), "en");
    const [loginCol, usedByCol] = [rows[0].indexOf("login_id"), rows[0].indexOf("used_by")];
    // A login's first row (a login's further rows only add permissions, and their used_by is not read).
    const at = rows.findIndex((row, i) => i > 2 && row[loginCol] !== rows[i - 1][loginCol]);
    rows[at][usedByCol] = "nobody-here";
    const bytes = new TextEncoder().encode(encodeCsv(rows));
    const whole = readLoginsCsv(bytes);
    if (!whole.ok) throw new Error("the sheet itself is valid");
    const parsed = parseSnapshot(whole.snapshot);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) throw new Error("unreachable");
    const b = await createTenant(db);
    const path = file(`${b.orgId}-unknown-user.csv`);
    await writeFile(path, bytes);
    const result = await runBulkImport(await scopeFor(b.userId, b.orgId), { path, kind: "csv", dryRun: false });
    expect(result).toEqual({ ok: false, problemCount: 1, problems: [{ row: at + 1, column: "used_by", error: { path: "used_by", message: parsed.errors[0].message, reason: parsed.errors[0].reason } }] });
    expect(parsed.errors[0].reason).toEqual({ key: "unknownRef", vars: { list: "people", id: "nobody-here" } });
    expect(await stateOf(b.orgId)).toEqual({ accounts: [], people: [], logins: [], findings: [], access: [], audits: 0 });
  });
});
