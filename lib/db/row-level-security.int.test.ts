import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { personListQuerySchema } from "@/lib/validation/people";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/snapshot";
import type { Scope } from "./scope";
import { getAccountDetailOrThrow, listAccounts } from "./accounts";
import { getPortfolioOverview } from "./overview";
import { getPersonDetailOrThrow, listPeople } from "./people";
import { recomputeOrganisations } from "./risk/recompute-all";
import { APP_ROLE, createAppPool, createTenantDb } from "./tenant";

// "A test build with the app's own tenant filter removed": here the row-level-security tenant of
// every scoped query is pinned to organisation A while the data layer's own filter asks for B
// (what a forgotten or wrong filter would do). PostgreSQL must still hand back nothing of B's.
const pin = vi.hoisted(() => ({ orgId: null as string | null }));
vi.mock("./tenant", async (importOriginal) => {
  const real = await importOriginal<typeof import("./tenant")>();
  return { ...real, dbFor: (scope: { orgId: string }) => real.dbFor(pin.orgId ? { orgId: pin.orgId } : scope) };
});

const db = testDb();
const pool = createAppPool(process.env.DATABASE_URL!);
const today = new Date().toISOString().slice(0, 10);
let a: { orgId: string; scope: Scope };
let b: { orgId: string; scope: Scope; accountId: string; personId: string };

/** Every table with an "orgId" column, from the catalogue: a new tenant-owned table is covered without a list to update. */
async function tenantTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT table_name AS table FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'orgId' ORDER BY 1`,
  );
  return rows.map((r) => r.table);
}

beforeAll(async () => {
  const tenantA = await createTenant(db, { name: "Agency A" });
  const tenantB = await createTenant(db, { name: "Agency B" });
  await importSnapshot(db, tenantA.orgId, oneAccountSnapshot("A's store"));
  const idsB = await importSnapshot(db, tenantB.orgId, oneAccountSnapshot("B's store"));
  await recomputeOrganisations(db, { today, orgIds: [tenantA.orgId, tenantB.orgId] });
  a = { orgId: tenantA.orgId, scope: await scopeFor(tenantA.userId) };
  b = { orgId: tenantB.orgId, scope: await scopeFor(tenantB.userId), accountId: idsB("account", "acc"), personId: idsB("person", "p-owner") };
});

afterAll(async () => {
  pin.orgId = null;
  await pool.end();
  await db.$disconnect();
});

describe("row-level security", () => {
  it("is enabled, with the tenant policy, on every table that carries an organisation", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(21);
    const rows = await db.$queryRawUnsafe<{ table: string; rls: boolean; policies: number }[]>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) ORDER BY 1`,
      tables,
    );
    expect(rows).toEqual(tables.map((table) => ({ table, rls: true, policies: 1 })));
  });

  it("runs scoped queries as a role that cannot bypass it and owns no table", async () => {
    const [role] = await db.$queryRawUnsafe<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }[]>(
      `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*)::int FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
      APP_ROLE,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const tenantDb = createTenantDb(pool, a.orgId);
    try {
      const [who] = await tenantDb.$queryRawUnsafe<{ user: string; tenant: string }[]>(`SELECT current_user AS user, current_setting('gatehouse.org_id') AS tenant`);
      expect(who).toEqual({ user: APP_ROLE, tenant: a.orgId });
    } finally {
      await tenantDb.$disconnect();
    }
  });

  it("with no tenant filter at all, shows a tenant only its own rows of every tenant-owned table", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    try {
      let ownRows = 0;
      for (const table of await tenantTables()) {
        const [row] = await tenantDb.$queryRawUnsafe<{ own: number; foreign: number }[]>(
          `SELECT count(*) FILTER (WHERE "orgId" = $1)::int AS own, count(*) FILTER (WHERE "orgId" IS DISTINCT FROM $1)::int AS foreign FROM "${table}"`,
          a.orgId,
        );
        expect({ table, foreign: row.foreign }).toEqual({ table, foreign: 0 });
        ownRows += row.own;
      }
      // The same statements as the owner see B's rows too, so the zero above is the policy's doing.
      const [all] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "SellerAccount" WHERE "orgId" = $1`, b.orgId);
      expect(all.n).toBe(1);
      expect(ownRows).toBeGreaterThan(5);
    } finally {
      await tenantDb.$disconnect();
    }
  });

  it("shows a connection with no tenant set nothing at all", async () => {
    const client = await pool.connect();
    try {
      await client.query(`SELECT set_config('gatehouse.org_id', '', false)`);
      for (const table of await tenantTables()) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    } finally {
      client.release(true);
    }
  });

  it("keeps the search function, which runs as its owner, to the connection's tenant", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    try {
      const search = (org: string) => tenantDb.$queryRawUnsafe<{ id: string }[]>(`SELECT gatehouse_accounts_matching($1, '%') AS id`, org);
      expect((await search(a.orgId)).length).toBe(1);
      expect(await search(b.orgId)).toEqual([]);
    } finally {
      await tenantDb.$disconnect();
    }
    // The owner's system connections set no tenant: the organisation given is the one searched.
    expect(await db.$queryRawUnsafe(`SELECT gatehouse_accounts_matching($1, '%') AS id`, b.orgId)).toEqual([{ id: b.accountId }]);
  });

  it("refuses to write another tenant's rows", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    try {
      await expect(tenantDb.client.create({ data: { orgId: b.orgId, name: "Planted" } })).rejects.toThrow();
      const renamed = await tenantDb.sellerAccount.updateMany({ where: { id: b.accountId }, data: { storeName: "Hijacked" } });
      expect(renamed.count).toBe(0);
      const deleted = await tenantDb.sellerAccount.deleteMany({ where: { orgId: b.orgId } });
      expect(deleted.count).toBe(0);
      const [still] = await db.$queryRawUnsafe<{ storeName: string }[]>(`SELECT "storeName" FROM "SellerAccount" WHERE id = $1`, b.accountId);
      expect(still.storeName).toBe("B's store");
    } finally {
      await tenantDb.$disconnect();
    }
  });

  it("hands nothing of B's to the data layer when its own filter asks for B but the tenant is A", async () => {
    const people = personListQuerySchema.parse({});
    const accounts = accountListQuerySchema.parse({});
    const search = accountListQuerySchema.parse({ q: "owner@shop" });
    // Control: with the tenant matching the filter, B's data is there to be found.
    pin.orgId = b.orgId;
    expect((await listAccounts(b.scope, accounts)).rows.map((r) => r.storeName)).toEqual(["B's store"]);
    expect((await listAccounts(b.scope, search)).rows.map((r) => r.storeName)).toEqual(["B's store"]);
    expect((await getAccountDetailOrThrow(b.scope, b.accountId)).storeName).toBe("B's store");
    expect((await listPeople(b.scope, people)).rows.length).toBe(1);
    pin.orgId = a.orgId;
    try {
      expect((await listAccounts(b.scope, accounts)).rows).toEqual([]);
      // The search runs as the function's owner (see migration 20261130070000) and keeps to the tenant itself.
      expect((await listAccounts(b.scope, search)).rows).toEqual([]);
      await expect(getAccountDetailOrThrow(b.scope, b.accountId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listPeople(b.scope, people)).rows).toEqual([]);
      await expect(getPersonDetailOrThrow(b.scope, b.personId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const overview = await getPortfolioOverview(b.scope, { today, settings: { ...DEFAULT_RISK_SETTINGS } });
      expect(overview.accounts).toBe(0);
      expect(overview.severities.every((s) => s.findings === 0)).toBe(true);
    } finally {
      pin.orgId = null;
    }
  });
});
