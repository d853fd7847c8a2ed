import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoTenantsWithAStoreEach } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { appDatabaseUrl } from "./app-role";
import { createDb } from "./client";
import { SESSION_SCOPE_SQL } from "./session-scope";
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
  ({ a, b } = await twoTenantsWithAStoreEach(db, ["A's prepared store", "B's prepared store"]));
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

  it("past the connection's maximum, close the least recently used statement; the ones in use stay named", async () => {
    const pool = poolOfOne({ preparedStatements: true, maxPerConnection: 2 });
    const tenantDb = createTenantDb(pool, a.orgId);
    const texts = [1, 2, 3, 4].map((n) => `SELECT ${n} AS n`);
    const run = async (i: number) => expect(await tenantDb.$queryRawUnsafe(texts[i])).toEqual([{ n: i + 1 }]);
    await run(0);
    await run(1);
    await run(0); // 1 is now the least recently used
    await run(2);
    let statements = await held(pool);
    expect(statements.map((s) => s.name).sort()).toEqual([texts[0], texts[2]].map(statementName).sort());
    const runs = (name: string) => statements.filter((s) => s.name === name).map((s) => s.generic + s.custom)[0];
    expect(runs(statementName(texts[0]))).toBe(2);
    await run(0);
    await run(3); // closes texts[2]
    statements = await held(pool);
    expect(statements.map((s) => s.name).sort()).toEqual([texts[0], texts[3]].map(statementName).sort());
    expect(runs(statementName(texts[0]))).toBe(3);
  });

  it("a statement gone stale under a schema change by someone else runs again, unnamed, on another connection", async () => {
    const pool = poolOfOne({ preparedStatements: true });
    const tenantDb = createTenantDb(pool, a.orgId);
    const role = new URL(appDatabaseUrl()).username;
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS prepared_stale_probe`);
    await db.$executeRawUnsafe(`CREATE TABLE prepared_stale_probe (x int)`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO prepared_stale_probe VALUES (7)`);
      await db.$executeRawUnsafe(`GRANT SELECT ON prepared_stale_probe TO "${role}"`);
      const text = `SELECT x FROM prepared_stale_probe`;
      expect(await tenantDb.$queryRawUnsafe(text)).toEqual([{ x: 7 }]);
      // Another process changes the column's type: the cached plan's result type no longer holds (0A000).
      await db.$executeRawUnsafe(`ALTER TABLE prepared_stale_probe ALTER COLUMN x TYPE bigint`);
      expect(await tenantDb.$queryRawUnsafe(text)).toEqual([{ x: 7n }]);
      // The connection's statements dropped by someone (26000 on the next Bind).
      expect(await tenantDb.$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
      const client = await pool.connect();
      await client.query("DEALLOCATE ALL");
      client.release();
      expect(await tenantDb.$queryRawUnsafe(STORES)).toEqual([{ storeName: "A's prepared store" }]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE prepared_stale_probe`);
    }
  });

  it("nothing that reads the tenant is IMMUTABLE, so no cached plan can fold one tenant's value into another's", async () => {
    // A STABLE current_setting() is read when a plan runs; an IMMUTABLE wrapper could be folded into a generic plan.
    const rows = await db.$queryRawUnsafe<{ proname: string }[]>(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.provolatile = 'i' AND p.prosrc ILIKE '%gatehouse.org_id%'`,
    );
    expect(rows).toEqual([]);
    // The policies themselves read the setting directly (STABLE), as the test above relies on.
    const policies = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pg_policies WHERE qual ILIKE '%gatehouse.org_id%'`);
    expect(Number(policies[0].n)).toBeGreaterThan(10);
  });
});

describe("the owner's pool", () => {
  it("runs the chrome's session statement by name, and nothing unregistered", async () => {
    const owner = createDb(process.env.DATABASE_URL!, 1);
    try {
      await owner.$queryRawUnsafe(SESSION_SCOPE_SQL, "no-such-user", "no-such-session");
      await owner.$queryRawUnsafe(`SELECT 1 AS one`);
      const rows = await owner.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pg_prepared_statements ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual([statementName(SESSION_SCOPE_SQL)]);
    } finally {
      await owner.$disconnect();
    }
  });
});
