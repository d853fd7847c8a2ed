import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { generateSnapshot } from "@/lib/risk/generate";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import type { Snapshot } from "@/lib/validation/snapshot";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { CLEARED_MARK } from "./digest";
import { runBulkImport } from "./import";

// The unchanged shortcuts (the stored digests of stored-digest.ts, then unchanged.ts) may only save time: on every file it answers either nothing
// (the whole plan then runs) or exactly the plan that plan.ts works out. Each case below is one edit of
// an imported portfolio, previewed twice — with the shortcut and with the whole plan — and the two
// summaries must be equal; the cases where nothing changed must be answered by the shortcut.

const { db, file } = bulkImportFixture("bulk-unchanged-");

type Rows = string[][];
const bytes = (rows: Rows) => new TextEncoder().encode(encodeCsv(rows));

async function importFile(tenant: { orgId: string; userId: string }, rows: Rows, options: { dryRun?: boolean; checkUnchanged?: boolean; clientId?: string | null } = {}) {
  const path = file(`${tenant.orgId}-${Math.random()}.csv`);
  await writeFile(path, bytes(rows));
  const result = await runBulkImport(await scopeFor(tenant.userId, tenant.orgId), { path, kind: "csv", dryRun: options.dryRun ?? false, checkUnchanged: options.checkUnchanged, clientId: options.clientId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

function unshared(snapshot: Snapshot): Snapshot {
  const next = structuredClone(snapshot);
  for (const account of next.accounts) for (const login of account.logins) login.usedBy = [login.personId];
  return next;
}

/** Edits of the file as a person makes them in a spreadsheet; `same`: nothing the import would change. */
function cases(rows: Rows): { name: string; rows: Rows; same: boolean }[] {
  const col = (name: string) => rows[0].indexOf(name);
  const edit = (name: string, fn: (r: Rows) => void) => {
    const copy = rows.map((r) => [...r]);
    fn(copy);
    return copy;
  };
  // A data row that carries its login's details (a login's further rows only carry more permissions).
  const full = rows.findIndex((r, i) => i > 0 && r[col("seller_id")] !== "");
  const withMethods = rows.findIndex((r, i) => i > 0 && r[col("two_step")].includes(";"));
  const isGrant = (cell: string, k: number) => k > col("permission_marketplace") && cell !== "";
  const granted = rows.findIndex((r, i) => i > 0 && r.some(isGrant));
  const withDate = rows.findIndex((r, i) => i > 0 && /^\d{4}-\d{2}-\d{2}$/.test(r[col("last_login_at")]));
  return [
    { name: "the same file", rows, same: true },
    { name: "accounts in another order", rows: [rows[0], ...accountsReversed(rows.slice(1), col("account_id"))], same: true },
    { name: "a date written another way", rows: edit("date", (r) => (r[withDate][col("last_login_at")] = r[withDate][col("last_login_at")].replaceAll("-", "/"))), same: true },
    { name: "a permission level", rows: edit("level", (r) => (r[full][col("ORDERS")] = r[full][col("ORDERS")] === "ADMIN" ? "VIEW" : "ADMIN")), same: false },
    { name: "a permission removed", rows: edit("grant", (r) => (r[granted][r[granted].findIndex(isGrant)] = "")), same: false },
    { name: "a last login a day later", rows: edit("day", (r) => (r[withDate][col("last_login_at")] = r[withDate][col("last_login_at")].replace(/\d{2}$/, (d) => String(((Number(d) % 28) + 1)).padStart(2, "0")))), same: false },
    { name: "a login's status", rows: edit("status", (r) => (r[full][col("login_status")] = r[full][col("login_status")] === "ACTIVE" ? "DISABLED" : "ACTIVE")), same: false },
    { name: "an e-mail's case", rows: edit("email", (r) => (r[full][col("email")] = r[full][col("email")].toUpperCase())), same: false },
    { name: "2SV methods swapped", rows: edit("2sv", (r) => (r[withMethods][col("two_step")] = r[withMethods][col("two_step")].split("; ").reverse().join("; "))), same: false },
    { name: "a store renamed", rows: edit("store", (r) => { for (const row of r) if (row[col("account_id")] === rows[full][col("account_id")]) row[col("store_name")] += " (new)"; }), same: false },
    { name: "a person renamed", rows: edit("person", (r) => { for (const row of r) if (row[col("person_id")] === rows[full][col("person_id")] && row[col("name")]) row[col("name")] += " Jr."; }), same: false },
    { name: "a login removed", rows: edit("removed", (r) => r.splice(full, 1)), same: false },
    { name: "a login listed again for another marketplace", rows: edit("again", (r) => r.push([...r[granted]].map((c, k) => (k === col("permission_marketplace") ? "US" : c)))), same: false },
    { name: "an account listed by another id with its seller ID", rows: edit("ext", (r) => { for (const row of r) if (row[col("account_id")] === rows[full][col("account_id")]) row[col("account_id")] = "renamed-ext"; }), same: false },
  ];
}

/** The accounts' blocks of rows in reverse order, each block as it was (a login's first row carries its details). */
function accountsReversed(data: Rows, accountColumn: number): Rows {
  const blocks: Rows[] = [];
  for (const row of data) {
    const last = blocks.at(-1);
    if (last && last[0][accountColumn] === row[accountColumn]) last.push(row);
    else blocks.push([row]);
  }
  return blocks.reverse().flat();
}

describe("the unchanged shortcut of a large import", () => {
  // 29 imports of a small portfolio: ~3 minutes under load 20 on this shared machine.
  it("answers only when nothing changed, and then exactly as the whole plan", { timeout: 600_000 }, async () => {
    const tenant = await createTenant(db);
    const rows = snapshotToLoginRows(unshared(generateSnapshot(12, 21)), "en");
    const first = await importFile(tenant, rows);
    expect(first.written).toBe(true);
    const all = cases(rows);
    expect(new Set(all.map((c) => JSON.stringify(c.rows))).size).toBe(all.length); // every edit changes the file
    for (const c of all) {
      const quick = await importFile(tenant, c.rows, { dryRun: true });
      const whole = await importFile(tenant, c.rows, { dryRun: true, checkUnchanged: false });
      expect({ name: c.name, summary: quick.plan }).toEqual({ name: c.name, summary: whole.plan });
      expect({ name: c.name, shortcut: quick.unchanged !== undefined }).toEqual({ name: c.name, shortcut: c.same });
      const { accounts, people, removed } = whole.plan.summary;
      const nothing = accounts.created + accounts.updated + people.created + people.updated + removed.logins === 0;
      if (c.same) expect(nothing).toBe(true);
    }
  });

  it("does not answer when the import moves the accounts to another client", { timeout: 120_000 }, async () => {
    const tenant = await createTenant(db);
    const rows = snapshotToLoginRows(unshared(generateSnapshot(3, 5)), "en");
    await importFile(tenant, rows);
    const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Moved here" } });
    const quick = await importFile(tenant, rows, { dryRun: true, clientId: client.id });
    const whole = await importFile(tenant, rows, { dryRun: true, clientId: client.id, checkUnchanged: false });
    expect(quick.unchanged).toBeUndefined();
    expect(quick.plan).toEqual(whole.plan);
    expect(whole.plan.summary.accounts.updated).toBeGreaterThan(0);
    // The same file under no client (undefined: accounts stay where they are) is unchanged.
    expect((await importFile(tenant, rows, { dryRun: true })).unchanged).toBe("stored");
  });

  // A login's other users (LoginUser, "used by") are not in unchanged.ts's digests: plan.ts leaves a
  // login whose person stays unchanged whoever else uses it (and the write keeps those users). Added by
  // the app, a user clears the stored digest (its trigger), so unchanged.ts answers, as plan.ts would.
  it("answers a login with another user added elsewhere as unchanged, as the whole plan does, and keeps the user", { timeout: 120_000 }, async () => {
    const tenant = await createTenant(db);
    const rows = snapshotToLoginRows(unshared(generateSnapshot(3, 5)), "en");
    await importFile(tenant, rows);
    const login = await db.login.findFirstOrThrow({ where: { orgId: tenant.orgId }, orderBy: { externalId: "asc" } });
    const other = await db.person.findFirstOrThrow({ where: { orgId: tenant.orgId, id: { not: login.personId } } });
    await db.loginUser.create({ data: { orgId: tenant.orgId, loginId: login.id, personId: other.id } });
    expect((await db.sellerAccount.findFirstOrThrow({ where: { id: login.accountId } })).importDigest).toMatch(new RegExp(`^${CLEARED_MARK}\\d+$`));
    const quick = await importFile(tenant, rows, { dryRun: true });
    const whole = await importFile(tenant, rows, { dryRun: true, checkUnchanged: false });
    expect(quick.unchanged).toBe("staged");
    expect(quick.plan).toEqual(whole.plan);
    expect(whole.plan.summary.accounts.updated + whole.plan.summary.removed.logins).toBe(0);
    expect((await importFile(tenant, rows)).unchanged).toBe("staged");
    const users = await db.loginUser.findMany({ where: { loginId: login.id }, select: { personId: true } });
    expect(users.map((u) => u.personId).sort()).toEqual([login.personId, other.id].sort());
    expect((await importFile(tenant, rows)).unchanged).toBe("stored");
  });

  // Shared logins (decision 023, stop 29): a used_by listing the same people in another order, or emptied
  // (its users are then kept, as plan.ts keeps them), changes nothing; another person in it does.
  it("answers a file with shared logins only when their users are the stored ones, and then exactly as the whole plan", { timeout: 300_000 }, async () => {
    const tenant = await createTenant(db);
    const portfolio = unshared(generateSnapshot(6, 23));
    const login = portfolio.accounts[0].logins[0];
    const others = portfolio.people.filter((p) => p.id !== login.personId).map((p) => p.id);
    login.usedBy = [login.personId, others[0], others.at(-1)!];
    const rows = snapshotToLoginRows(portfolio, "en");
    expect((await importFile(tenant, rows)).written).toBe(true);
    const col = rows[0].indexOf("used_by");
    const at = rows.findIndex((r) => r[col] !== "" && r !== rows[0]);
    const edit = (cell: string) => rows.map((r, i) => (i === at ? r.map((c, k) => (k === col ? cell : c)) : r));
    const all = [
      { name: "the same file", rows, same: true },
      { name: "used_by in another order", rows: edit(`${others.at(-1)} ${others[0]}`), same: true },
      { name: "used_by emptied (users kept)", rows: edit(""), same: true },
      { name: "another person in used_by", rows: edit(`${others[0]} ${others[1]}`), same: false },
    ];
    for (const c of all) {
      const quick = await importFile(tenant, c.rows, { dryRun: true });
      const whole = await importFile(tenant, c.rows, { dryRun: true, checkUnchanged: false });
      expect({ name: c.name, summary: quick.plan }).toEqual({ name: c.name, summary: whole.plan });
      expect({ name: c.name, shortcut: quick.unchanged !== undefined }).toEqual({ name: c.name, shortcut: c.same });
      expect({ name: c.name, updated: whole.plan.summary.accounts.updated }).toEqual({ name: c.name, updated: c.same ? 0 : 1 });
    }
  });
});
