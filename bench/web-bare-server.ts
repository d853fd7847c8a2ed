// The baseline for bench/web.ts: a bare node:http + pg endpoint serving the same data as each page,
// returning JSON. For each benchmarked URL it runs exactly the SQL statements (text and parameters) the
// app sent to PostgreSQL for that URL, captured at the wire by bench/web-sql-proxy.ts, with the same
// dependency shape (a statement starts when the statement it waited for in the app finished; statements
// the app ran concurrently run concurrently here). Writes and transaction control are left out.
//   BARE_PLANS=<file.json> DATABASE_URL=... PORT=... tsx bench/web-bare-server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";

export interface PlannedStatement {
  sql: string;
  params: (string | null | { b64: string })[];
  /** Index of the statement this one waited for, or -1 (starts with the request). */
  after: number;
}
export type Plans = Record<string, PlannedStatement[]>;

const plans = JSON.parse(readFileSync(process.env.BARE_PLANS!, "utf8")) as Plans;
// The same pool size as the app's client (lib/db/client.ts: max 10).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function run(plan: PlannedStatement[]): Promise<unknown[][]> {
  const done: Promise<unknown[]>[] = [];
  plan.forEach((s, i) => {
    const params = s.params.map((p) => (p !== null && typeof p === "object" ? Buffer.from(p.b64, "base64") : p));
    const start = s.after < 0 ? Promise.resolve() : done[s.after];
    done[i] = start.then(() => pool.query(s.sql, params)).then((r) => r.rows as unknown[]);
  });
  return Promise.all(done);
}

const server = createServer((req, res) => {
  const plan = plans[(req.url ?? "/").slice(1)];
  if (!plan) {
    res.writeHead(404).end();
    return;
  }
  run(plan).then(
    (results) => {
      const body = JSON.stringify(results);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    },
    (error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? error.message : String(error));
    },
  );
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`bare server on ${process.env.PORT}`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
