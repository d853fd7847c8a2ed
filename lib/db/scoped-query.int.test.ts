import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoTenantsWithAStoreEach } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { queryConfig } from "./scoped-query";
import { createAppPool, createTenantDb } from "./tenant";

// A lone scoped query goes to the server as the tenant setting and the query up to one Sync (scoped-query.ts).
// These tests hold the pool to ONE connection, so each assertion about "the connection afterwards" is about
// the very connection the scoped query ran on.
const db = testDb();
const pool = createAppPool(undefined, 1);
let a: { orgId: string };
let b: { orgId: string };

/** What the pool's only connection reads as the tenant when nothing is sent before the query. */
async function settingAfterwards(): Promise<{ tenant: string | null; status: string }> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ tenant: string | null }>(`SELECT current_setting('gatehouse.org_id', true) AS tenant`);
    return { tenant: rows[0].tenant, status: (client as unknown as { _txStatus: string })._txStatus };
  } finally {
    client.release();
  }
}

/** How many times the next scoped query calls `query` on its pooled connection: the round trips it makes. */
async function roundTripsOf(run: () => Promise<unknown>): Promise<{ calls: number; result: unknown }> {
  const client = await pool.connect();
  const original = client.query.bind(client);
  let calls = 0;
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    calls++;
    return (original as (...a: unknown[]) => unknown)(...args);
  };
  client.release();
  try {
    const result = await run();
    return { calls, result };
  } finally {
    const again = await pool.connect();
    delete (again as unknown as { query?: unknown }).query;
    again.release();
  }
}

beforeAll(async () => {
  ({ a, b } = await twoTenantsWithAStoreEach(db));
});

afterAll(async () => {
  await pool.end();
});

describe("a lone scoped query", () => {
  it("runs with its organisation as the tenant, and the setting ends with it", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    const rows = await tenantDb.$queryRawUnsafe<{ tenant: string }[]>(`SELECT current_setting('gatehouse.org_id', true) AS tenant`);
    expect(rows).toEqual([{ tenant: a.orgId }]);
    // Committed at the Sync: the same connection is idle ('I') and has no tenant.
    const after = await settingAfterwards();
    expect(after.status).toBe("I");
    expect(after.tenant === null || after.tenant === "").toBe(true);
  });

  it("reads only its organisation's rows through row-level security, with results as Prisma expects them", async () => {
    const accountsOfA = await createTenantDb(pool, a.orgId).sellerAccount.findMany({ select: { storeName: true, orgId: true } });
    expect(accountsOfA).toEqual([{ storeName: "A's store", orgId: a.orgId }]);
    // No filter at all: the tenant setting alone keeps B's rows out.
    const everything = await createTenantDb(pool, b.orgId).$queryRawUnsafe<{ storeName: string; n: bigint }[]>(
      `SELECT "storeName", count(*) OVER () AS n FROM "SellerAccount"`,
    );
    expect(everything).toEqual([{ storeName: "B's store", n: 1n }]);
  });

  it("is one round trip on its connection", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    const { calls, result } = await roundTripsOf(() => tenantDb.$queryRawUnsafe<{ one: number }[]>(`SELECT 1 AS one`));
    expect(result).toEqual([{ one: 1 }]);
    expect(calls).toBe(1);
  });

  it("on a failing statement rejects with the server's error, rolls back, and leaves the connection reusable and untenanted", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    await expect(tenantDb.$executeRawUnsafe(`UPDATE "SellerAccount" SET "storeName" = 'renamed' WHERE 1 / (SELECT count(*) - 1 FROM "SellerAccount") = 0`)).rejects.toThrow(/division by zero/);
    const after = await settingAfterwards();
    expect(after.status).toBe("I");
    expect(after.tenant === null || after.tenant === "").toBe(true);
    const rows = await tenantDb.sellerAccount.findMany({ select: { storeName: true } });
    expect(rows).toEqual([{ storeName: "A's store" }]);
  });

  it("rolls back a write whose second statement fails: nothing of the transaction stays", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    // One statement that writes, then fails: the implicit transaction ends in a rollback at the Sync.
    await expect(
      tenantDb.$executeRawUnsafe(`WITH w AS (UPDATE "SellerAccount" SET "storeName" = 'half-done' RETURNING 1) SELECT 1 / (SELECT count(*) - count(*) FROM w)`),
    ).rejects.toThrow(/division by zero/);
    expect(await tenantDb.sellerAccount.findMany({ select: { storeName: true } })).toEqual([{ storeName: "A's store" }]);
  });

  it("a write that succeeds is committed at the Sync and seen by the next connection's read", async () => {
    const tenantDb = createTenantDb(pool, b.orgId);
    await tenantDb.$executeRawUnsafe(`UPDATE "SellerAccount" SET "storeName" = 'B renamed'`);
    const direct = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await direct.connect();
    try {
      const { rows } = await direct.query(`SELECT "storeName" FROM "SellerAccount" WHERE "orgId" = $1`, [b.orgId]);
      expect(rows).toEqual([{ storeName: "B renamed" }]);
    } finally {
      await direct.end();
    }
  });

  it("refuses a lone BEGIN, which would leave a transaction open with the tenant set, and does not reuse its connection", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    await expect(tenantDb.$executeRawUnsafe("BEGIN")).rejects.toThrow(/must not leave a transaction open/);
    const after = await settingAfterwards();
    expect(after.status).toBe("I");
    expect(after.tenant === null || after.tenant === "").toBe(true);
  });

  it("rejects when the server ends the connection mid-query, keeps that connection out of the pool, and carries on", async () => {
    const tenantDb = createTenantDb(pool, a.orgId);
    const [{ pid }] = await tenantDb.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
    await expect(tenantDb.$queryRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())")).rejects.toThrow();
    // The pool's only connection is a new one (another backend), and it works.
    const [{ pid: next }] = await tenantDb.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
    expect(next).not.toBe(pid);
    expect(await tenantDb.sellerAccount.findMany({ select: { storeName: true } })).toEqual([{ storeName: "A's store" }]);
  });
});

describe("the config of a scoped query", () => {
  it("takes pool.query's text-and-values form and its object form", () => {
    expect(queryConfig(["SELECT $1", [1]])).toEqual({ text: "SELECT $1", values: [1] });
    expect(queryConfig([{ text: "SELECT 1", rowMode: "array" }])).toEqual({ text: "SELECT 1", rowMode: "array" });
  });

  it("refuses a Submittable (a cursor keeps its portal across round trips) and a config without SQL", () => {
    expect(() => queryConfig([{ text: "SELECT 1", submit: () => undefined }])).toThrow(/Submittable/);
    expect(() => queryConfig([{ values: [] }])).toThrow(/SQL text/);
  });
});
