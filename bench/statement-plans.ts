// `npx tsx --conditions=react-server bench/statement-plans.ts`: planning and execution time of the account
// page's statement (decision 047; two statements before it), as the scoped role with the tenant set, the way the
// page sends it (unnamed, so planned at every execution), with an Owner's parameters (forms, reports, labels). Against a kept bench:web database (BENCH_WEB_DATABASE_URL),
// PLAN_ACCOUNT (default o1-acc-5499), PLAN_RUNS runs each (default 15), the statements alternated; prints the
// medians of `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)`'s planning and execution times and of the wall time of
// the statement itself at the client. Figures, not a test.
import { loadavg } from "node:os";
import pg from "pg";
import { ACCOUNT_PAGE_SQL } from "@/lib/db/accounts/accounts-sql";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const ACCOUNT = process.env.PLAN_ACCOUNT ?? "o1-acc-5499";
const RUNS = Number(process.env.PLAN_RUNS ?? 15);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const database = new URL(URL_).pathname.slice(1);
  const { rows: [acc] } = await client.query<{ orgId: string }>(`SELECT "orgId" FROM "SellerAccount" WHERE id = $1`, [ACCOUNT]);
  const role = `gatehouse_app_${database}`;
  const today = new Date().toISOString().slice(0, 10);
  const since = new Date(Date.now() - 90 * 86_400_000);
  const page = [acc.orgId, null, ACCOUNT, today, since, 50, true, true, true];

  async function scoped<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<{ rows: T[]; ms: number }> {
    await client.query("BEGIN");
    await client.query(`SET LOCAL ROLE "${role}"`);
    await client.query("SELECT set_config('gatehouse.org_id', $1, true)", [acc.orgId]);
    const t0 = performance.now();
    const r = await client.query<T>(sql, params);
    const ms = performance.now() - t0;
    await client.query("COMMIT");
    return { rows: r.rows, ms };
  }

  const statements: [string, string, unknown[]][] = [["ACCOUNT_PAGE_SQL (Owner: forms, reports, labels)", ACCOUNT_PAGE_SQL, page]];
  const results = new Map<string, { plan: number[]; exec: number[]; wall: number[] }>(statements.map(([name]) => [name, { plan: [], exec: [], wall: [] }]));
  for (let i = 0; i < 3; i++) for (const [, sql, params] of statements) await scoped(sql, params);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, sql, params] of statements) {
      const r = results.get(name)!;
      const { rows } = await scoped<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${sql}`, params);
      const text = rows.map((x) => x["QUERY PLAN"]).join("\n");
      r.plan.push(Number(/Planning Time: ([\d.]+)/.exec(text)![1]));
      r.exec.push(Number(/Execution Time: ([\d.]+)/.exec(text)![1]));
      r.wall.push((await scoped(sql, params)).ms);
    }
  }
  console.log(`${ACCOUNT}, ${RUNS} runs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("| Statement | planning ms | execution ms | wall at the client ms |\n|---|---|---|---|");
  for (const [name, r] of results) console.log(`| ${name} | ${median(r.plan).toFixed(2)} | ${median(r.exec).toFixed(2)} | ${median(r.wall).toFixed(2)} |`);
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
