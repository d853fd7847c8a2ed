// The accounts table's page and count statements over many views, scopes and cursors, as JSON (decision 048): run it in two
// trees against one database and `cmp` the outputs to show two builders return the same rows, order and totals.
//   DUMP_URL=<database> npx tsx --conditions=react-server bench/dump-accounts-sql.ts > out.json
import pg from "pg";
import { countStatement, pageStatement } from "@/lib/db/accounts/accounts-sql";
import { appRoleName } from "@/lib/db/app-role";
import { accountListQuerySchema } from "@/lib/validation/accounts";
const url = process.env.DUMP_URL!;
const c = new pg.Client({ connectionString: url }); await c.connect();
const orgs = (await c.query(`SELECT "orgId" FROM "SellerAccount" GROUP BY 1 ORDER BY count(*) DESC`)).rows.map((r) => r.orgId);
const client = (await c.query(`SELECT id FROM "Client" WHERE "orgId" = $1 ORDER BY id LIMIT 1`, [orgs[0]])).rows[0]?.id;
const views = ["", "severity=critical&sort=score", "q=Store 1234", "q=Store 12", "q=store", "q=example&sort=risk&dir=desc", "sort=passwordAge", "sort=lastLogin&dir=desc", "q=1234&sort=lastLogin",
  "market=JP&plan=INDIVIDUAL", "status=SUSPENDED", `client=${client}`, "client=none", "min=50&max=70&sort=score&dir=desc", "rule=NO_2SV", "severity=low&q=Store 9", "pageSize=100&sort=risk"];
const out: Record<string, unknown> = {};
for (const org of orgs) for (const clientIds of [null, client ? [client] : null]) for (const v of views) {
  const q = accountListQuerySchema.parse(Object.fromEntries(new URLSearchParams(v)));
  const scope = { orgId: org, clientIds } as never;
  for (const cursor of [undefined, { direction: "next" as const, keys: q.sort === "storeName" ? ["Store 5"] : q.sort === "risk" ? [1, 1] : q.sort === "score" ? [50] : [1.7e9], id: "o1-acc-5" },
                        { direction: "prev" as const, keys: q.sort === "storeName" ? ["Store 5"] : q.sort === "risk" ? [1, 1] : q.sort === "score" ? [50] : [1.7e9], id: "o1-acc-5" }]) {
    const p = pageStatement(scope, q, q.sort, q.dir, cursor, q.pageSize + 1);
    const k = countStatement(scope, q);
    await c.query("BEGIN READ ONLY"); await c.query(`SET LOCAL ROLE ${appRoleName(url)}`); await c.query("SELECT set_config('gatehouse.org_id', $1, true)", [org]);
    const rows = (await c.query(p.sql, p.params)).rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));
    const n = (await c.query(k.sql, k.params)).rows[0].n;
    await c.query("ROLLBACK");
    out[`${org} ${clientIds ? "mgr" : "all"} ${v} ${cursor?.direction ?? "first"}`] = { n, rows };
  }
}
console.log(JSON.stringify(out, null, 1));
await c.end();
