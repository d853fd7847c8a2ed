import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { at, makeAccounts } from "@/tests/support/account-grid";
import { accountListQuerySchema, encodeCursor, parseAccountListPage, parseAccountListQuery, type AccountListQuery } from "@/lib/validation/accounts";
import { createAppPool, createTenantDb, dbFor } from "../tenant";
import { clientFilterReaches, getAccountDetailOrThrow, getAccountPageOrThrow, listAccountFilterOptions, listAccounts, listAccountsOfLink, listAllAccounts } from "./read-accounts";
import { createSavedView, deleteSavedView, listSavedViews } from "../saved-views";
import { syncToolCatalogue } from "../tools";
import { countStatement, SEARCH_BY_KEY_MAX } from "./accounts-sql";

const db = testDb();
const query = (q: Record<string, unknown> = {}) => accountListQuerySchema.parse(q);

let own: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let ownAccountId: string;
let otherAccountId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  own = await createTenant(db);
  other = await createTenant(db);
  ownAccountId = (await importSnapshot(db, own.orgId, oneAccountSnapshot("Own Store")))("account", "acc");
  otherAccountId = (await importSnapshot(db, other.orgId, oneAccountSnapshot("Other Store")))("account", "acc");
});
afterAll(() => db.$disconnect());

describe("accounts data access is scoped to the caller's organisation", () => {
  it("lists only the caller's accounts", async () => {
    const page = await listAccounts(await scopeFor(own.userId), query());
    expect(page.rows.map((r) => r.storeName)).toEqual(["Own Store"]);
    expect(page.total).toBe(1);
  });

  it("answers another tenant's account id with NOT_FOUND", async () => {
    const scope = await scopeFor(own.userId);
    await expect(getAccountDetailOrThrow(scope, otherAccountId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAccountDetailOrThrow(scope, otherAccountId)).rejects.toBeInstanceOf(AppError);
  });

  it("returns an account's logins, methods, devices and permissions", async () => {
    const account = await getAccountDetailOrThrow(await scopeFor(own.userId), ownAccountId);
    expect(account.logins).toHaveLength(1);
    expect(account.logins[0].twoStepMethods[0]).toMatchObject({ kind: "SMS", phoneLast4: "1234" });
    expect(account.logins[0].twoStepMethods[0].device?.holder?.name).toBe("Owner");
    expect(account.logins[0].permissions).toEqual([{ toolId: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }]);
  });

  it("reads NULL array columns as empty lists, as Prisma does", async () => {
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: ownAccountId } });
    await db.$executeRawUnsafe(
      `INSERT INTO "AppAuthorization" (id, "orgId", "accountId", "appName", roles) VALUES ($1, $2, $3, 'Null roles app', NULL)`,
      `${ownAccountId}-null-roles`, account.orgId, ownAccountId,
    );
    try {
      const detail = await getAccountDetailOrThrow(await scopeFor(own.userId), ownAccountId);
      expect(detail.apps.find((a) => a.appName === "Null roles app")?.roles).toEqual([]);
    } finally {
      await db.appAuthorization.deleteMany({ where: { id: `${ownAccountId}-null-roles` } });
    }
  });

  it("searches by store name, seller id and login e-mail", async () => {
    const scope = await scopeFor(own.userId);
    expect((await listAccounts(scope, query({ q: "own st" }))).total).toBe(1);
    expect((await listAccounts(scope, query({ q: "owner@shop" }))).total).toBe(1);
    expect((await listAccounts(scope, query({ q: "Other" }))).total).toBe(0);
    // Case-insensitive, and the search's own % and _ are plain characters, not wildcards.
    expect((await listAccounts(scope, query({ q: "OWNER@SHOP" }))).total).toBe(1);
    expect((await listAccounts(scope, query({ q: "%" }))).total).toBe(0);
    expect((await listAccounts(scope, query({ q: "owner_shop" }))).total).toBe(0);
    expect((await listAccounts(scope, query({ q: "o%r@shop" }))).total).toBe(0);
  });

  it("shows a Manager only the clients they are assigned to", async () => {
    const tenant = await createTenant(db, { role: "MANAGER" });
    const [a, b] = await Promise.all([
      db.client.create({ data: { orgId: tenant.orgId, name: "Assigned" } }),
      db.client.create({ data: { orgId: tenant.orgId, name: "Unassigned" } }),
    ]);
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Assigned Store"), () => a.id);
    const hidden = (await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Hidden Store"), () => b.id))("account", "acc");
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: tenant.membershipId, clientId: a.id } });
    const scope = await scopeFor(tenant.userId);
    expect((await listAccounts(scope, query())).rows.map((r) => r.storeName)).toEqual(["Assigned Store"]);
    await expect(getAccountDetailOrThrow(scope, hidden)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages with a stable order", async () => {
    const tenant = await createTenant(db);
    for (const name of ["C", "A", "B"]) await importSnapshot(db, tenant.orgId, oneAccountSnapshot(name));
    const scope = await scopeFor(tenant.userId);
    const all = await listAccounts(scope, query({ pageSize: 25 }));
    expect(all.rows.map((r) => r.storeName)).toEqual(["A", "B", "C"]);
    const desc = await listAccounts(scope, query({ dir: "desc" }));
    expect(desc.rows.map((r) => r.storeName)).toEqual(["C", "B", "A"]);
    expect(all.next).toBeUndefined();
    expect(all.prev).toBeUndefined();
  });
});


describe("the accounts table: filters, sorts and keyset pages", () => {
  let scope: Awaited<ReturnType<typeof scopeFor>>;
  let clientA: string;
  let clientB: string;
  const names = (rows: { storeName: string }[]) => rows.map((r) => r.storeName);
  const list = (q: Record<string, unknown>) => listAccounts(scope, query(q));

  beforeAll(async () => {
    const tenant = await createTenant(db);
    [clientA, clientB] = await Promise.all([
      db.client.create({ data: { orgId: tenant.orgId, name: "Client A" } }).then((c) => c.id),
      db.client.create({ data: { orgId: tenant.orgId, name: "Client B" } }).then((c) => c.id),
    ]);
    await makeAccounts(db, tenant.orgId, [
      { storeName: "Alpha", score: 40, clientId: clientA, marketplaces: ["JP"], passwordChangedAt: at("2026-01-10"), lastLoginAt: at("2026-11-01"),
        findings: [["NO_2SV", "critical"], ["SUSPENDED", "critical"], ["SINGLE_2SV_METHOD", "high"]] },
      { storeName: "Bravo", score: 40, clientId: clientA, marketplaces: ["US", "CA"], plan: "INDIVIDUAL", passwordChangedAt: at("2026-06-01"), lastLoginAt: at("2026-11-20"),
        findings: [["SINGLE_2SV_METHOD", "high"], ["SMS_ONLY", "medium"]] },
      { storeName: "Charlie", score: 75, clientId: clientB, status: "SUSPENDED", email: "ops@charlie.example", passwordChangedAt: null, lastLoginAt: null,
        findings: [["NO_2SV", "critical"], ["STALE_INVITE", "low", "RESOLVED"]] },
      { storeName: "Delta", score: 90, clientId: null, marketplaces: ["DE"], passwordChangedAt: at("2026-09-15"), lastLoginAt: at("2026-10-01"),
        findings: [["STALE_INVITE", "low"], ["SINGLE_2SV_METHOD", "high", "ACCEPTED"]] },
      { storeName: "Echo", score: 100, clientId: clientB, passwordChangedAt: at("2026-03-03"), lastLoginAt: at("2026-11-20") },
    ]);
    scope = await scopeFor(tenant.userId);
  });

  it("filters by client (and by no client), marketplace, plan and status", async () => {
    expect(names((await list({ client: clientA })).rows)).toEqual(["Alpha", "Bravo"]);
    expect(names((await list({ client: "none" })).rows)).toEqual(["Delta"]);
    expect(names((await list({ market: "CA" })).rows)).toEqual(["Bravo"]);
    expect(names((await list({ plan: "INDIVIDUAL" })).rows)).toEqual(["Bravo"]);
    expect(names((await list({ status: "SUSPENDED" })).rows)).toEqual(["Charlie"]);
  });

  it("filters by an open finding's severity or rule, ignoring resolved and accepted ones", async () => {
    expect(names((await list({ severity: "critical" })).rows)).toEqual(["Alpha", "Charlie"]);
    expect(names((await list({ severity: "high" })).rows)).toEqual(["Alpha", "Bravo"]);
    expect(names((await list({ severity: "low" })).rows)).toEqual(["Delta"]);
    expect(names((await list({ rule: "SINGLE_2SV_METHOD" })).rows)).toEqual(["Alpha", "Bravo"]);
    expect(names((await list({ rule: "SINGLE_2SV_METHOD", client: clientA, plan: "INDIVIDUAL" })).rows)).toEqual(["Bravo"]);
  });

  it("filters by score range and search, and combines filters", async () => {
    expect(names((await list({ min: 75 })).rows)).toEqual(["Charlie", "Delta", "Echo"]);
    expect(names((await list({ max: 40 })).rows)).toEqual(["Alpha", "Bravo"]);
    expect(names((await list({ min: 50, max: 95 })).rows)).toEqual(["Charlie", "Delta"]);
    expect(names((await list({ q: "ops@charlie" })).rows)).toEqual(["Charlie"]);
    expect(names((await list({ q: "ELT" })).rows)).toEqual(["Delta"]);
    const none = await list({ severity: "critical", min: 95 });
    expect(none.rows).toEqual([]);
    expect(none.total).toBe(0);
  });

  it("ignores malformed parameters instead of failing", async () => {
    const q = parseAccountListQuery({ severity: "urgent", rule: "NOPE", min: "x", max: "", market: "jp!", plan: "", sort: "evil", dir: "up", pageSize: "7", cursor: "garbage", cols: "bogus" });
    expect(q).toMatchObject({ severity: undefined, rule: undefined, min: undefined, max: undefined, market: undefined, plan: undefined, sort: "storeName", dir: "asc", pageSize: 25, cursor: undefined });
    expect((await listAccounts(scope, q)).total).toBe(5);
  });

  it("returns open critical/high counts, password change and last login per row", async () => {
    const rows = (await list({})).rows;
    const alpha = rows.find((r) => r.storeName === "Alpha")!;
    expect(alpha).toMatchObject({ openCritical: 2, openHigh: 1, openFindings: 3, loginCount: 1, clientName: "Client A" });
    expect(alpha.passwordChangedAt?.slice(0, 10)).toBe("2026-01-10");
    expect(rows.find((r) => r.storeName === "Charlie")).toMatchObject({ openCritical: 1, openFindings: 1, passwordChangedAt: null, lastLoginAt: null });
  });

  it("sorts by score, store name, critical/high risk, password age and last login, ties broken by id", async () => {
    const byScore = names((await list({ sort: "score" })).rows);
    expect(byScore.slice(2)).toEqual(["Charlie", "Delta", "Echo"]);
    expect(byScore.slice(0, 2).sort()).toEqual(["Alpha", "Bravo"]);
    expect(names((await list({ sort: "score", dir: "desc" })).rows).slice(0, 3)).toEqual(["Echo", "Delta", "Charlie"]);
    expect(names((await list({ sort: "storeName", dir: "desc" })).rows)).toEqual(["Echo", "Delta", "Charlie", "Bravo", "Alpha"]);
    // Most critical first, then most high; Delta and Echo tie at (0, 0).
    const risk = names((await list({ sort: "risk", dir: "desc" })).rows);
    expect(risk.slice(0, 3)).toEqual(["Alpha", "Charlie", "Bravo"]);
    // Oldest password first; an unknown date counts as oldest.
    expect(names((await list({ sort: "passwordAge", dir: "desc" })).rows)).toEqual(["Charlie", "Alpha", "Echo", "Bravo", "Delta"]);
    expect(names((await list({ sort: "passwordAge", dir: "asc" })).rows)).toEqual(["Delta", "Bravo", "Echo", "Alpha", "Charlie"]);
    const lastLogin = names((await list({ sort: "lastLogin", dir: "asc" })).rows);
    expect(lastLogin.slice(0, 3)).toEqual(["Charlie", "Delta", "Alpha"]);
    expect(lastLogin.slice(3).sort()).toEqual(["Bravo", "Echo"]);
  });

  it("walks every sort forwards and backwards by cursor without gaps or repeats, across ties", async () => {
    for (const sort of ["storeName", "score", "risk", "passwordAge", "lastLogin"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const full = names((await list({ sort, dir })).rows);
        const seen: string[] = [];
        const pages: AccountListQuery[] = [];
        let q: AccountListQuery = { ...query({ sort, dir }), pageSize: 2 };
        for (;;) {
          pages.push(q);
          const page = await listAccounts(scope, q);
          seen.push(...names(page.rows));
          expect(page.total).toBe(5);
          if (!page.next) break;
          q = { ...q, cursor: page.next };
        }
        expect(seen, `${sort} ${dir}`).toEqual(full);
        expect(pages).toHaveLength(3);
        // From the last page back to the first by "previous" cursors.
        const last = await listAccounts(scope, pages[2]);
        expect(last.next).toBeUndefined();
        expect(last.prev).toBeDefined();
        const middle = await listAccounts(scope, { ...q, cursor: last.prev });
        expect(names(middle.rows)).toEqual(full.slice(2, 4));
        const first = await listAccounts(scope, { ...q, cursor: middle.prev });
        expect(names(first.rows)).toEqual(full.slice(0, 2));
        expect(first.prev).toBeUndefined();
        expect(first.next).toBeDefined();
      }
    }
  });

  it("keeps the position when the page size changes, and ignores a cursor of another sort", async () => {
    const first = await listAccounts(scope, { ...query({ sort: "score" }), pageSize: 2 });
    const wider = await listAccounts(scope, { ...query({ sort: "score" }), pageSize: 50, cursor: first.next });
    expect(names(wider.rows)).toEqual(["Charlie", "Delta", "Echo"]);
    expect(wider.next).toBeUndefined();
    const otherSort = await listAccounts(scope, { ...query({ sort: "storeName" }), cursor: first.next });
    expect(otherSort.rows).toHaveLength(5);
    // It says it did not read that cursor, so the page can say it shows the first page (decision 093); one it read, not.
    expect([otherSort.cursorDropped, wider.cursorDropped, first.cursorDropped]).toEqual([true, false, false]);
    const cursorText = encodeCursor(first.next!);
    expect(parseAccountListQuery({ sort: "score", cursor: cursorText }).cursor).toEqual(first.next);
  });

  it("answers an empty page past the end without failing", async () => {
    const end = await listAccounts(scope, { ...query({ sort: "storeName" }), cursor: { direction: "next", keys: ["Zulu"], id: "zzz" } });
    expect(end.rows).toEqual([]);
    expect(end.next).toBeUndefined();
    // A page with no rows carries no total: it is counted apart, and is still the view's.
    expect(end.total).toBe(5);
    const filteredEnd = await listAccounts(scope, { ...query({ sort: "score", severity: "critical" }), cursor: { direction: "next", keys: [1000], id: "zzz" } });
    expect([filteredEnd.rows, filteredEnd.total]).toEqual([[], 2]);
  });

  it("gives the total the count statement gives, for every view, first page and by cursor (decision 058)", async () => {
    const views: Record<string, unknown>[] = [
      {}, { sort: "score" }, { severity: "critical" }, { severity: "critical", sort: "score" }, { client: clientA }, { client: "none" },
      { market: "US" }, { plan: "INDIVIDUAL" }, { status: "SUSPENDED" }, { rule: "NO_2SV" }, { min: 50 }, { min: 50, max: 95, sort: "lastLogin" },
      { q: "a" }, { q: "charlie.example" }, { q: "nothing matches" }, { q: "o", sort: "passwordAge", dir: "desc" }, { q: "a", client: clientB },
    ];
    for (const v of views) {
      const count = countStatement(scope, query(v));
      const [{ n }] = await dbFor(scope).$queryRawUnsafe<{ n: number }[]>(count.sql, ...count.params);
      const first = await listAccounts(scope, { ...query(v), pageSize: 2 });
      expect([v, first.total]).toEqual([v, n]);
      if (first.next) expect([v, (await listAccounts(scope, { ...query(v), pageSize: 2, cursor: first.next })).total]).toEqual([v, n]);
    }
    // A Manager's (some clients) totals are counted live, in the same statement.
    const manager = { ...scope, clientIds: [clientA] };
    expect((await listAccounts(manager, query())).total).toBe(2);
    expect((await listAccounts(manager, query({ q: "a" }))).total).toBe(2);
  });

  it("exports every matching row in table order, in batches", async () => {
    const batches: string[][] = [];
    for await (const batch of listAllAccounts(scope, query({ sort: "risk", dir: "desc", severity: "high" }), 1)) batches.push(names(batch));
    expect(batches).toEqual([["Alpha"], ["Bravo"]]);
  });

  it("offers the clients and marketplaces in scope as filter choices", async () => {
    const options = await listAccountFilterOptions(scope);
    expect(options.clients.map((c) => c.name)).toEqual(["Client A", "Client B"]);
    expect(options.marketplaces).toEqual(["CA", "DE", "JP", "US"]);
  });

  it("never shows another tenant's accounts, whatever the filters", async () => {
    const foreign = await list({ q: "Own Store" });
    expect(foreign.total).toBe(0);
    const ownScope = await scopeFor(own.userId);
    expect((await listAccounts(ownScope, query({ client: clientA }))).rows).toEqual([]);
  });

  it("reads a page in one SQL statement (two when it has no rows), whatever the page size", async () => {
    const pool = createAppPool();
    let statements = 0;
    const counting = createTenantDb(pool, scope.orgId, { onStatement: () => void statements++ });
    const previous = dbFor(scope); // also makes sure the cache exists
    const holder = (globalThis as unknown as { gatehouseTenantDbs: Map<string, unknown> }).gatehouseTenantDbs;
    holder.set(scope.orgId, counting);
    try {
      for (const pageSize of [25, 50, 100]) {
        statements = 0;
        const page = await listAccounts(scope, { ...query({ sort: "risk", severity: "high", q: "a" }), pageSize });
        expect(page.rows.length).toBeGreaterThan(0);
        expect(statements).toBe(1);
      }
      // Nothing to show: the page, then its total apart.
      statements = 0;
      expect((await listAccounts(scope, query({ q: "nothing matches" }))).total).toBe(0);
      expect(statements).toBe(2);
      // The account page: everything in one statement once its findings are evaluated for today.
      const [{ id }] = (await listAccounts(scope, query())).rows;
      await getAccountPageOrThrow(scope, id);
      statements = 0;
      const page = await getAccountPageOrThrow(scope, id);
      expect(page.account.id).toBe(id);
      expect(statements).toBe(1);
      // Filter choices are kept for a while per organisation and client set.
      await listAccountFilterOptions(scope);
      statements = 0;
      await listAccountFilterOptions(scope);
      expect(statements).toBe(0);
    } finally {
      holder.set(scope.orgId, previous);
      await counting.$disconnect();
      await pool.end();
    }
  });
});

describe("a client filter naming no client the reader can reach (decision 093)", () => {
  it("is dropped and named alike for an id nobody has, another organisation's client and one not assigned; the table lists without it", async () => {
    const tenant = await createTenant(db, { role: "MANAGER" });
    const [assigned, unassigned, empty] = await Promise.all(
      ["Assigned", "Unassigned", "Empty"].map((name) => db.client.create({ data: { orgId: tenant.orgId, name } })),
    );
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Assigned Store"), () => assigned.id);
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Hidden Store"), () => unassigned.id);
    await db.membershipClient.createMany({ data: [assigned, empty].map((c) => ({ orgId: tenant.orgId, membershipId: tenant.membershipId, clientId: c.id })) });
    const theirs = await db.client.create({ data: { orgId: other.orgId, name: "Theirs" } });
    const scope = await scopeFor(tenant.userId);
    const link = async (client: string) => listAccountsOfLink(scope, parseAccountListPage({ client }));
    for (const id of ["no-such-client", theirs.id, unassigned.id]) {
      expect(await clientFilterReaches(scope, id), id).toBe(false);
      const page = await link(id);
      expect(page.query.client, id).toBeUndefined();
      expect(page.ignored, id).toEqual([{ name: "client", value: id, reason: { kind: "noSuchClient" } }]);
      expect(page.result.rows.map((r) => r.storeName), id).toEqual(["Assigned Store"]);
    }
    // A client of theirs with no account is a filter applied: an empty table, and nothing named.
    const kept = await link(empty.id);
    expect([kept.query.client, kept.ignored, kept.result.rows, kept.result.total]).toEqual([empty.id, [], [], 0]);
    expect((await link(assigned.id)).result.rows.map((r) => r.storeName)).toEqual(["Assigned Store"]);
    // "No client" is always a filter, and no filter needs no look-up.
    expect(await clientFilterReaches(scope, "none")).toBe(true);
    expect(await clientFilterReaches(scope, undefined)).toBe(true);
    // An Owner reaches every client of the organisation, and none of another's.
    const owner = await scopeFor(other.userId);
    expect(await clientFilterReaches(owner, theirs.id)).toBe(true);
    expect(await clientFilterReaches(owner, assigned.id)).toBe(false);
  });
});

describe("the search, with few matches and with more than SEARCH_BY_KEY_MAX", () => {
  // The statement looks few matches up by key and tests many against the organisation's accounts (decision 048):
  // both ways must give the rows, order, pages and totals of the unsearched table with the non-matches left out.
  const SHOPS = SEARCH_BY_KEY_MAX + 30;
  let scope: Awaited<ReturnType<typeof scopeFor>>;
  const names = (rows: { storeName: string }[]) => rows.map((r) => r.storeName);

  beforeAll(async () => {
    const tenant = await createTenant(db);
    const person = await db.person.create({ data: { orgId: tenant.orgId, name: "Search Owner" } });
    const stores = [
      ...Array.from({ length: SHOPS }, (_, i) => ({ storeName: `Shop ${String(i).padStart(4, "0")}`, email: `p${i}@grid.example`, score: (i * 37) % 101 })),
      // Found by a login's e-mail only, and not found at all.
      ...[1, 2, 3].map((i) => ({ storeName: `Market ${i}`, email: `ops${i}@SHOPmail.example`, score: i * 30 })),
      ...[1, 2].map((i) => ({ storeName: `Other ${i}`, email: `o${i}@grid.example`, score: i * 45 })),
    ];
    await db.sellerAccount.createMany({
      data: stores.map((a, i) => ({ id: `srch-${tenant.orgId.slice(0, 8)}-${i}`, orgId: tenant.orgId, storeName: a.storeName, score: a.score, region: "JP", sellerId: `SRCH${i}` })),
    });
    await db.login.createMany({
      data: stores.map((a, i) => ({ orgId: tenant.orgId, accountId: `srch-${tenant.orgId.slice(0, 8)}-${i}`, role: "PRIMARY" as const, personId: person.id, email: a.email })),
    });
    scope = await scopeFor(tenant.userId);
  });

  async function walk(q: Record<string, unknown>) {
    const seen: string[] = [];
    const totals = new Set<number>();
    let page = await listAccounts(scope, { ...query(q), pageSize: 100 });
    for (;;) {
      seen.push(...names(page.rows));
      totals.add(page.total);
      if (!page.next) return { seen, totals: [...totals] };
      page = await listAccounts(scope, { ...query(q), pageSize: 100, cursor: page.next });
    }
  }

  it("finds the same accounts in the same order on every page as the table without the search", async () => {
    for (const sort of ["storeName", "score"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const all = (await walk({ sort, dir })).seen;
        expect(all).toHaveLength(SHOPS + 5);
        for (const [q, keep] of [
          ["shop", (n: string) => !n.startsWith("Other")], // SHOPS + 3 matches: more than SEARCH_BY_KEY_MAX
          ["SHOP 00", (n: string) => n.startsWith("Shop 00")], // 100 matches
          ["ops2@shopmail", (n: string) => n === "Market 2"], // one, by e-mail
        ] as const) {
          const expected = all.filter(keep);
          const found = await walk({ sort, dir, q });
          expect(found.seen, `${q} ${sort} ${dir}`).toEqual(expected);
          expect(found.totals).toEqual([expected.length]);
        }
        // Combined with another filter.
        const scored = (await walk({ sort, dir, min: 50 })).seen.filter((n) => !n.startsWith("Other"));
        expect(scored.length).toBeGreaterThan(SEARCH_BY_KEY_MAX / 4);
        const filtered = await walk({ sort, dir, q: "shop", min: 50 });
        expect(filtered.seen).toEqual(scored);
        expect(filtered.totals).toEqual([scored.length]);
      }
    }
    expect(SHOPS + 3).toBeGreaterThan(SEARCH_BY_KEY_MAX);
  });
});

describe("saved views belong to one user", () => {
  it("saves, lists and deletes a user's views; nobody else sees or deletes them", async () => {
    const tenant = await createTenant(db);
    const colleague = await db.user.create({ data: { email: `${tenant.orgId}-b@test.example`, name: "B", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: tenant.orgId, userId: colleague.id, role: "ADMIN" } });
    const mine = await scopeFor(tenant.userId);
    const theirs = await scopeFor(colleague.id);
    const view = await createSavedView(mine, { name: "Critical", query: "severity=critical&sort=score" });
    expect(await listSavedViews(mine)).toEqual([{ id: view.id, name: "Critical", query: "severity=critical&sort=score" }]);
    expect(await listSavedViews(theirs)).toEqual([]);
    await expect(deleteSavedView(theirs, view.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteSavedView(mine, view.id);
    expect(await listSavedViews(mine)).toEqual([]);
  });

  it("refuses a second view of the same name (any case) for the same user, keeping the first; a colleague may use it", async () => {
    const tenant = await createTenant(db);
    const colleague = await db.user.create({ data: { email: `${tenant.orgId}-c@test.example`, name: "C", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: tenant.orgId, userId: colleague.id, role: "ADMIN" } });
    const mine = await scopeFor(tenant.userId);
    await createSavedView(mine, { name: "Critical JP", query: "severity=critical" });
    await expect(createSavedView(mine, { name: "critical jp", query: "market=JP" })).rejects.toMatchObject({ code: "CONFLICT", details: { name: "validation.viewNameTaken" } });
    expect((await listSavedViews(mine)).map((v) => [v.name, v.query])).toEqual([["Critical JP", "severity=critical"]]);
    await createSavedView(await scopeFor(colleague.id), { name: "Critical JP", query: "market=JP" });
  });
});
