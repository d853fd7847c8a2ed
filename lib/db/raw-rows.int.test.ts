import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoTenantsWithAStoreEach } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { getDb, ownerRows } from "./client";
import { dbFor, scopedRows } from "./tenant";

// scopedRows and ownerRows run a raw read without Prisma (decision 059): the rows must be the ones
// `$queryRawUnsafe` gives, type for type, and a scoped read must see only its organisation.
const db = testDb();
let a: { orgId: string };
let b: { orgId: string };

// Every type Gatehouse's reads return, and parameters of each kind the reads send.
const WIDE = `SELECT '2026-12-06 15:04:05.123'::timestamp(3) AS ts, '2026-12-06 15:04:05.123+09'::timestamptz AS tstz, '2026-12-06'::date AS d,
  1::int AS i, 2::smallint AS s, 3::bigint AS b, count(*) AS c, 1.5::float8 AS f, 2.5::real AS r,
  '{"a":1,"d":"2026-01-01"}'::jsonb AS jb, '[1,{"x":null}]'::json AS j, ARRAY['x','y'] AS ta, ARRAY[1,2] AS ia, ARRAY[4::bigint] AS ba,
  ARRAY['2026-12-06 15:04:05.123'::timestamp(3), NULL] AS tsa, ARRAY['2026-12-06'::date] AS da, true AS bo, NULL::text AS n, NULL::int AS ni,
  '6aad8d00-fe4f-4e0d-a5d9-c581e303bd48'::uuid AS u, 'ACTIVE'::"LoginStatus" AS e, 'x'::varchar(3) AS vc, ARRAY[]::text[] AS empty, 'a'::name AS nm,
  $1::text AS p1, $2::int AS p2, $3::timestamp(3) AS p3, $4::text[] AS p4, $5::boolean AS p5, $6::timestamptz AS p6, $7::text AS p7`;
const PARAMS = ["héllo 'quoted'", 7, new Date("2026-01-02T03:04:05.678Z"), ["a", "b,c"], false, new Date("2026-01-02T03:04:05.678Z"), null];

beforeAll(async () => {
  ({ a, b } = await twoTenantsWithAStoreEach(db));
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a raw read without Prisma", () => {
  it("gives, in scope, exactly the row Prisma's $queryRawUnsafe gives", async () => {
    const viaPrisma = await dbFor(a).$queryRawUnsafe<Record<string, unknown>[]>(WIDE, ...PARAMS);
    const direct = await scopedRows<Record<string, unknown>>(a, WIDE, PARAMS);
    expect(direct).toEqual(viaPrisma);
    // toEqual would pass 3n against 3: the types themselves.
    expect(Object.fromEntries(Object.entries(direct[0]).map(([k, v]) => [k, v === null ? "null" : v instanceof Date ? "Date" : typeof v]))).toEqual(
      Object.fromEntries(Object.entries(viaPrisma[0]).map(([k, v]) => [k, v === null ? "null" : v instanceof Date ? "Date" : typeof v])),
    );
    expect(typeof direct[0].c).toBe("bigint");
    expect((direct[0].p3 as Date).toISOString()).toBe("2026-01-02T03:04:05.678Z");
  });

  it("gives, on the owner's connection, exactly the row Prisma's $queryRawUnsafe gives", async () => {
    const viaPrisma = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(WIDE, ...PARAMS);
    expect(await ownerRows<Record<string, unknown>>(WIDE, PARAMS)).toEqual(viaPrisma);
  });

  it("sees only its organisation's rows, as any scoped read", async () => {
    const stores = (scope: { orgId: string }) => scopedRows<{ storeName: string }>(scope, `SELECT "storeName" FROM "SellerAccount" ORDER BY 1`, []);
    expect(await stores(a)).toEqual([{ storeName: "A's store" }]);
    expect(await stores(b)).toEqual([{ storeName: "B's store" }]);
    // Even asked for the other organisation by id, row-level security answers nothing.
    expect(await scopedRows(a, `SELECT id FROM "SellerAccount" WHERE "orgId" = $1`, [b.orgId])).toEqual([]);
  });

  it("fails as Prisma would on bad SQL, and the pool goes on", async () => {
    await expect(scopedRows(a, "SELECT no_such_column FROM \"SellerAccount\"", [])).rejects.toThrow(/no_such_column/);
    expect(await scopedRows<{ one: number }>(a, "SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
  });
});
