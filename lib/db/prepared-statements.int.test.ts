import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { appDatabaseUrl } from "./app-role";
import { statementName } from "./prepared-statements";
import { createAppPool, createTenantDb } from "./tenant";

// Lone scoped queries as named statements (decision 049), on pools of ONE connection, so "the connection" in
// each assertion is the very one the queries ran on. What a connection holds is read with a plain query on it
// (pg_prepared_statements lists the session's named statements).
const db = testDb();
const pools: import("pg").Pool[] = [];
let a: { orgId: string };
let b: { orgId: string };

function poolOfOne(options: Parameters<typeof createAppPool>[2], connectionString?: string) {
  const pool = createAppPool(connectionString, 1, options);
  pools.push(pool);
  return pool;
}

async function held(pool: import("pg").Pool): Promise<{ name: string; generic: number; custom: number }[]> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ name: string; generic: string; custom: string }>(`SELECT name, generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements ORDER BY name`);
    return rows.map((r) => ({ name: r.name, generic: Number(r.generic), custom: Number(r.custom) }));
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  a = await createTenant(db);
  b = await createTenant(db);
  await importSnapshot(db, a.orgId, oneAccountSnapshot("A's prepared store"));
  await importSnapshot(db, b.orgId, oneAccountSnapshot("B's prepared store"));
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

const STORES = `SELECT "storeName" FROM "SellerAccount" ORDER BY "storeName"`;

describe("lone scoped queries as named statements", () => {
  it("prepare a text once per connection, and each execution reads only its own tenant's rows, past the custom plans", async () => {
    const pool = poolOfOne({ preparedStatements: true });
    for (let i = 0; i < 8; i++) {
      expect(await createTenantDb(pool, a.orgId).$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
      expect(await createTenantDb(pool, b.orgId).$queryRawUnsafe(STORES)).toEqual([{ storeName: "B's prepared store" }]);
    }
    const statements = await held(pool);
    expect(statements.map((s) => s.name)).toEqual([statementName(STORES)]);
    expect(statements[0].generic + statements[0].custom).toBe(16);
  });

  it("keep the tenant out of a generic plan: with every plan generic, each tenant still reads only its rows", async () => {
    // The app role's URL, with plan_cache_mode forced for its sessions.
    const appUrl = new URL(appDatabaseUrl());
    appUrl.searchParams.set("options", "-c plan_cache_mode=force_generic_plan");
    const forced = poolOfOne({ preparedStatements: true }, appUrl.toString());
    for (let i = 0; i < 3; i++) {
      expect(await createTenantDb(forced, b.orgId).$queryRawUnsafe(STORES)).toEqual([{ storeName: "B's prepared store" }]);
      expect(await createTenantDb(forced, a.orgId).$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
    }
    const [statement] = await held(forced);
    expect(statement).toMatchObject({ name: statementName(STORES), custom: 0, generic: 6 });
  });

  it("are not used when the pool is told not to (behind PgBouncer's transaction mode)", async () => {
    const pool = poolOfOne({ preparedStatements: false });
    expect(await createTenantDb(pool, a.orgId).$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
    expect(await held(pool)).toEqual([]);
  });

  it("a text that does not parse is not kept: it fails the same way again, and the connection carries on", async () => {
    const pool = poolOfOne({ preparedStatements: true });
    const tenantDb = createTenantDb(pool, a.orgId);
    await expect(tenantDb.$queryRawUnsafe(`SELECT FROM WHERE`)).rejects.toThrow(/syntax error/);
    await expect(tenantDb.$queryRawUnsafe(`SELECT FROM WHERE`)).rejects.toThrow(/syntax error/);
    expect(await tenantDb.$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
    expect((await held(pool)).map((s) => s.name)).toEqual([statementName(STORES)]);
  });

  it("a statement whose execution fails stays prepared and runs again with other values", async () => {
    const pool = poolOfOne({ preparedStatements: true });
    const tenantDb = createTenantDb(pool, a.orgId);
    const text = `SELECT 10 / $1::int AS x`;
    await expect(tenantDb.$queryRawUnsafe(text, 0)).rejects.toThrow(/division by zero/);
    expect(await tenantDb.$queryRawUnsafe(text, 5)).toEqual([{ x: 2 }]);
    expect((await held(pool)).map((s) => s.name)).toEqual([statementName(text)]);
  });

  it("past the connection's limit, new texts run unnamed", async () => {
    const pool = poolOfOne({ preparedStatements: true, maxPerConnection: 2 });
    const tenantDb = createTenantDb(pool, a.orgId);
    const texts = [1, 2, 3, 4].map((n) => `SELECT ${n} AS n`);
    for (const [i, text] of texts.entries()) expect(await tenantDb.$queryRawUnsafe(text)).toEqual([{ n: i + 1 }]);
    expect((await held(pool)).map((s) => s.name).sort()).toEqual(texts.slice(0, 2).map(statementName).sort());
    // The ones it holds are still used by name.
    expect(await tenantDb.$queryRawUnsafe(texts[0])).toEqual([{ n: 1 }]);
  });
});
