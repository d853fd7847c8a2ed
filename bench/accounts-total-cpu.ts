// `npx tsx --conditions=react-server bench/accounts-total-cpu.ts`: the accounts table's data read as the page sends it,
// the total in the page statement (decision 058) against the page and a count statement side by side (before it), in
// one process against a kept bench:web database (BENCH_WEB_DATABASE_URL), the Owner of the largest organisation. For
// each view and each way, TOTAL_ROUNDS rounds of TOTAL_REQUESTS reads over TOTAL_CONCURRENCY loops at once (ways
// alternated round by round); prints this process's CPU and the scoped pool's PostgreSQL backends' CPU per read (from
// /proc), and checks both ways give the same rows and total. Applies the migrations first (which sets the scoped role's
// password from a fresh AUTH_SECRET): do not run it beside a server on the same database. Figures, not a test.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const REQUESTS = Number(process.env.TOTAL_REQUESTS ?? 300);
const ROUNDS = Number(process.env.TOTAL_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.TOTAL_CONCURRENCY ?? 10);
const VIEWS = (process.env.TOTAL_VIEWS ?? "/accounts,/accounts?severity=critical&sort=score,/accounts?q=Store%201234").split(",");

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main() {
  if (!URL_) throw new Error("set BENCH_WEB_DATABASE_URL to a database bench:web kept");
  const secret = randomBytes(32).toString("hex");
  await applyMigrations(URL_, undefined, { ...process.env, AUTH_SECRET: secret });
  process.env.DATABASE_URL = URL_;
  process.env.AUTH_SECRET = secret;
  const { listAccounts } = await import("@/lib/db/accounts/read-accounts");
  const { countStatement, cursorFits, pageStatement, COUNT_CAP } = await import("@/lib/db/accounts/accounts-sql");
  const { dbFor } = await import("@/lib/db/tenant");
  const { parseAccountListQuery } = await import("@/lib/validation/accounts");
  const monitor = new pg.Client({ connectionString: URL_ });
  await monitor.connect();
  const database = new URL(URL_).pathname.slice(1);
  const { rows: [owner] } = await monitor.query<{ orgId: string }>(
    `SELECT a."orgId" FROM "SellerAccount" a GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  // An Owner sees every client: no client restriction.
  const scope = { userId: "bench", orgId: owner.orgId, membershipOrgId: owner.orgId, orgName: "", portal: null, clientIds: null, role: "OWNER" } as never;

  // Before decision 058: the page and the count as two lone queries at once.
  const twoStatements = async (query: ReturnType<typeof parseAccountListQuery>) => {
    const cursor = cursorFits(query.sort, query.cursor) ? query.cursor : undefined;
    const page = pageStatement(scope, query, query.sort, query.dir, cursor, query.pageSize + 1);
    const count = countStatement(scope, query);
    const [rows, counted] = await Promise.all([
      dbFor(scope).$queryRawUnsafe<{ id: string }[]>(page.sql, ...page.params),
      dbFor(scope).$queryRawUnsafe<{ n: number }[]>(count.sql, ...count.params),
    ]);
    return { ids: rows.slice(0, query.pageSize).map((r) => r.id), total: Math.min(counted[0]?.n ?? 0, COUNT_CAP) };
  };
  const oneStatement = async (query: ReturnType<typeof parseAccountListQuery>) => {
    const page = await listAccounts(scope, query);
    return { ids: page.rows.map((r) => r.id), total: page.total };
  };
  const ways = { two: twoStatements, one: oneStatement } as const;

  const backends = async () => {
    const { rows } = await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename LIKE 'gatehouse_app_%'`, [database]);
    return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
  };
  console.log(`${REQUESTS} reads × ${ROUNDS} rounds per way and view, ${CONCURRENCY} at once; load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("| view | way | round | Node CPU ms/read | PostgreSQL CPU ms/read | wall ms/read |\n|---|---|---|---|---|---|");
  for (const view of VIEWS) {
    const query = parseAccountListQuery(Object.fromEntries(new URL(view, "http://x").searchParams));
    const a = await twoStatements(query);
    const b = await oneStatement(query);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${view}: the two ways differ: ${JSON.stringify(a)} / ${JSON.stringify(b)}`);
    for (const way of Object.keys(ways) as (keyof typeof ways)[]) for (let i = 0; i < 30; i++) await ways[way](query); // warm
    for (let round = 1; round <= ROUNDS; round++) {
      for (const way of (round % 2 ? ["two", "one"] : ["one", "two"]) as (keyof typeof ways)[]) {
        const before = await backends();
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        let left = REQUESTS;
        await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
          while (left-- > 0) await ways[way](query);
        }));
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        const after = await backends();
        let pgMs = 0;
        for (const [pid, ms] of after) pgMs += ms - (before.get(pid) ?? 0);
        console.log(`| ${view} | ${way} | ${round} | ${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(2)} | ${(pgMs / REQUESTS).toFixed(2)} | ${(wall / REQUESTS).toFixed(2)} |`);
      }
    }
  }
  await monitor.end();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
