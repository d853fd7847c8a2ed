import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appLogin } from "./app-role";
import { createAppPool, createTenantDb } from "./tenant";
import { recomputeOrganisations } from "./risk/recompute-all";
import { utcToday } from "@/lib/days";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, oneAccountSnapshot } from "@/tests/support/factories";
import { startPgBouncer } from "@/tests/support/pgbouncer";

// Scoped work through a real PgBouncer in transaction mode with ONE server connection: every client's
// transactions take turns on it, which is exactly where a session-level tenant setting would leak.
const db = testDb();
let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
let pool: pg.Pool;
const orgs: { orgId: string; store: string }[] = [];

beforeAll(async () => {
  const login = appLogin(inject("databaseUrl"), { AUTH_SECRET: process.env.AUTH_SECRET });
  bouncer = await startPgBouncer({ upstreamUrl: inject("databaseUrl"), port: 6441, poolSize: 1, users: [{ name: login.role, password: login.password! }] });
  // Behind PgBouncer 1.18's transaction mode no named statements (decision 049): the README's set-up, with
  // DATABASE_DIRECT_URL elsewhere, turns them off (prepared-statements.ts).
  pool = createAppPool(bouncer.urlFor(login.url!), 8, { preparedStatements: false });
  for (const store of ["Pooled A", "Pooled B"]) {
    const tenant = await createTenant(db, { name: store });
    await importSnapshot(db, tenant.orgId, oneAccountSnapshot(store));
    orgs.push({ orgId: tenant.orgId, store });
  }
  await recomputeOrganisations(db, { today: utcToday(), orgIds: orgs.map((o) => o.orgId) });
});
afterAll(async () => {
  await pool.end();
  await bouncer.stop();
  await db.$disconnect();
});

describe("scoped work behind PgBouncer in transaction mode", () => {
  it("interleaves two organisations on one server connection without either seeing the other's rows", async () => {
    const [a, b] = orgs.map((o) => ({ ...o, db: createTenantDb(pool, o.orgId) }));
    try {
      const backends = new Set<number>();
      const round = async (t: typeof a) => {
        const [who] = await t.db.$queryRawUnsafe<{ pid: number; tenant: string }[]>(`SELECT pg_backend_pid() AS pid, current_setting('gatehouse.org_id') AS tenant`);
        backends.add(who.pid);
        expect(who.tenant).toBe(t.orgId);
        const stores = await t.db.sellerAccount.findMany({ select: { storeName: true } });
        expect(stores.map((s) => s.storeName)).toEqual([t.store]);
        const inTx = await t.db.$transaction(async (tx) => {
          const findings = await tx.finding.findMany({ select: { orgId: true } });
          const accounts = await tx.sellerAccount.count();
          return { orgs: [...new Set(findings.map((f) => f.orgId))], accounts };
        });
        expect(inTx).toEqual({ orgs: [t.orgId], accounts: 1 });
      };
      // Many rounds of both at once: the single server connection passes between them at every COMMIT.
      await Promise.all(Array.from({ length: 20 }, (_, i) => round(i % 2 ? a : b)));
      expect(backends.size).toBe(1);
      // Outside a scoped transaction the same server connection carries no tenant at all.
      const bare = await pool.query<{ tenant: string | null; n: number }>(`SELECT current_setting('gatehouse.org_id', true) AS tenant, (SELECT count(*)::int FROM "SellerAccount") AS n`);
      expect(bare.rows[0].tenant ?? "").toBe("");
      expect(bare.rows[0].n).toBe(0);
    } finally {
      await Promise.all([a.db.$disconnect(), b.db.$disconnect()]);
    }
  });

  it("is needed: a session-level setting made by one client is what the next client of the server connection reads", async () => {
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query(`SELECT set_config('gatehouse.org_id', $1, false)`, [orgs[0].orgId]);
      const leaked = await second.query<{ n: number }>(`SELECT count(*)::int AS n FROM "SellerAccount"`);
      expect(leaked.rows[0].n).toBe(1); // A's account, read by a client that never named A
    } finally {
      await first.query(`RESET gatehouse.org_id`).catch(() => undefined);
      first.release(true);
      second.release(true);
    }
  });
});
