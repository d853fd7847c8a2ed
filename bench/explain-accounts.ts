// Planning and execution time of every statement the accounts table's views send (decision 048): each
// statement under EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON), as the app's role with the tenant set as
// the app sets it (row-level security on), in a read-only transaction that is rolled back; EXPLAIN_RUNS runs
// each (medians), the views interleaved. Figures, not a test.
//   EXPLAIN_DATABASE_URL=<kept bench:web database> npx tsx --conditions=react-server bench/explain-accounts.ts
import pg from "pg";
import { countStatement, pageStatement } from "@/lib/db/accounts/accounts-sql";
import { MEMBERSHIPS_SQL, type Scope } from "@/lib/db/scope";
import { appRoleName } from "@/lib/db/app-role";
import { accountListQuerySchema } from "@/lib/validation/accounts";

const url = process.env.EXPLAIN_DATABASE_URL;
if (!url) throw new Error("EXPLAIN_DATABASE_URL");
const RUNS = Number(process.env.EXPLAIN_RUNS ?? 11);
const client = new pg.Client({ connectionString: url });
await client.connect();
const role = appRoleName(url);
const [{ orgId }] = (await client.query(`SELECT "orgId" FROM "SellerAccount" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
const [user] = (await client.query(`SELECT s."userId", s.id FROM "UserSession" s JOIN "Membership" m ON m."userId" = s."userId" AND m."orgId" = $1 ORDER BY s."createdAt" DESC LIMIT 1`, [orgId])).rows;
const [deep] = (await client.query(`SELECT id, "storeName" FROM "SellerAccount" WHERE "orgId" = $1 ORDER BY "storeName", id OFFSET $2 LIMIT 1`, [orgId, 398 * 25 - 1])).rows;
const scope = { orgId, clientIds: null } as unknown as Scope;

interface Stmt { name: string; sql: string; params: unknown[]; tenant: boolean }
const views: Record<string, URLSearchParams> = {
  accounts: new URLSearchParams(),
  critical: new URLSearchParams("severity=critical&sort=score"),
  deep: new URLSearchParams(),
  search: new URLSearchParams({ q: process.env.EXPLAIN_SEARCH ?? "Store 1234" }),
};
const stmts: Stmt[] = [
  { name: "session+scope", tenant: false, params: [user?.userId ?? "x", user?.id ?? "x"],
    sql: `SELECT s."expiresAt", s."lastSeenAt", ms.* FROM "UserSession" s LEFT JOIN (${MEMBERSHIPS_SQL}) ms ON true
     WHERE s.id = $2 AND s."userId" = $1 AND s."revokedAt" IS NULL ORDER BY ms."joinedAt" ASC, ms."membershipId" ASC` },
  { name: "tenant setting", tenant: false, params: [orgId], sql: `SELECT set_config('gatehouse.org_id', $1, true)` },
  { name: "saved views", tenant: true, params: [orgId, user?.userId ?? "x", 50, 0],
    sql: `SELECT "public"."SavedView"."id", "public"."SavedView"."name", "public"."SavedView"."query" FROM "public"."SavedView" WHERE ("public"."SavedView"."orgId" = $1 AND "public"."SavedView"."userId" = $2) ORDER BY "public"."SavedView"."name" ASC, "public"."SavedView"."id" ASC LIMIT $3 OFFSET $4` },
];
for (const [view, sp] of Object.entries(views)) {
  const q = accountListQuerySchema.parse(Object.fromEntries(sp));
  const cursor = view === "deep" ? { direction: "next" as const, keys: [deep.storeName], id: deep.id } : undefined;
  const p = pageStatement(scope, q, q.sort, q.dir, cursor, q.pageSize + 1);
  const c = countStatement(scope, q);
  stmts.push({ name: `${view}: page`, tenant: true, sql: p.sql, params: p.params }, { name: `${view}: count`, tenant: true, sql: c.sql, params: c.params });
}

// EXPLAIN_ONLY=search: only the statements whose name starts so (e.g. on a database without AccountCount).
if (process.env.EXPLAIN_ONLY) stmts.splice(0, stmts.length, ...stmts.filter((s) => s.name.startsWith(process.env.EXPLAIN_ONLY!)));
const times = new Map<string, { plan: number[]; exec: number[]; wall: number[]; rows: string; buffers: string }>();
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (let run = 0; run < RUNS; run++) {
  for (const s of stmts) {
    await client.query("BEGIN READ ONLY");
    // The session statement runs on the system (owner) connection, as getDb() does; scoped reads as the app's role.
    if (s.tenant) await client.query(`SET LOCAL ROLE ${role}`);
    if (s.tenant) await client.query(`SELECT set_config('gatehouse.org_id', $1, true)`, [orgId]);
    const t0 = performance.now();
    const plain = await client.query(s.sql, s.params);
    const wall = performance.now() - t0;
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON, FORMAT JSON) ${s.sql}`, s.params);
    await client.query("ROLLBACK");
    const [top] = rows[0]["QUERY PLAN"];
    const t = times.get(s.name) ?? { plan: [], exec: [], wall: [], rows: "", buffers: "" };
    t.plan.push(top["Planning Time"]);
    t.exec.push(top["Execution Time"]);
    t.wall.push(wall);
    t.rows = String(plain.rowCount);
    t.buffers = `hit ${top.Plan["Shared Hit Blocks"]} read ${top.Plan["Shared Read Blocks"]}` + (top.Planning ? `; planning hit ${top.Planning["Shared Hit Blocks"]}` : "");
    times.set(s.name, t);
  }
}
console.log(`${RUNS} runs, medians (ms); role ${role}; org ${orgId}`);
console.log("| statement | rows | planning | execution | wall at client (plain) | buffers |");
console.log("|---|---|---|---|---|---|");
for (const [name, t] of times) console.log(`| ${name} | ${t.rows} | ${median(t.plan).toFixed(2)} | ${median(t.exec).toFixed(2)} | ${median(t.wall).toFixed(2)} | ${t.buffers} |`);
if (process.env.EXPLAIN_SHOW) {
  for (const s of stmts.filter((x) => x.name.startsWith(process.env.EXPLAIN_SHOW!))) {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL ROLE ${role}`);
    await client.query(`SELECT set_config('gatehouse.org_id', $1, true)`, [orgId]);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY ON) ${s.sql}`, s.params);
    await client.query("ROLLBACK");
    console.log(`--- ${s.name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
}
await client.end();
