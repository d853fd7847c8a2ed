// `npx tsx --conditions=react-server bench/chrome-statements.ts`: the SQL statements one signed-in page sends,
// counted at the wire (bench/web-sql-proxy.ts), for each build in CPU_DIRS (decision 037). Against a database
// bench:web kept (BENCH_WEB_DATABASE_URL); the server is scripts/serve.ts (no job worker, so no polling in the
// count) on CPU_PORT. Prints, per page, the fewest statements of STATEMENT_SAMPLES requests and their SQL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { deriveActionEncryptionKey } from "@/lib/deploy/action-key";
import { benchWebOwner, signInCookie, waitForServer } from "./support/page-session";
import { startSqlProxy } from "./web-sql-proxy";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const PORT = Number(process.env.CPU_PORT ?? 4540);
const DIRS = (process.env.CPU_DIRS ?? process.cwd()).split(",");
const PAGES = (process.env.CPU_PAGES ?? "/members/outbox,/accounts").split(",");
const SAMPLES = Number(process.env.STATEMENT_SAMPLES ?? 3);
const SECRET = randomBytes(32).toString("hex");
const base = `http://127.0.0.1:${PORT}`;

async function main() {
  if (!URL_) throw new Error("set BENCH_WEB_DATABASE_URL to a database bench:web kept");
  const target = new URL(URL_);
  const proxy = await startSqlProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(URL_);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const { db, password } = await benchWebOwner(URL_, "bench-statements@gatehouse.example", "Statements user");
  try {
    for (const dir of DIRS) {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
        cwd: dir,
        detached: true,
        stdio: "ignore",
        env: { ...process.env, DATABASE_URL: viaProxy.toString(), AUTH_SECRET: SECRET, PORT: String(PORT), NODE_ENV: "production", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: deriveActionEncryptionKey(SECRET) },
      });
      await waitForServer(base);
      try {
        const cookie = await signInCookie(base, "bench-statements@gatehouse.example", password);
        for (const path of PAGES) {
          const runs: string[][] = [];
          for (let i = 0; i < SAMPLES + 1; i++) {
            await sleep(300);
            const from = proxy.statements.length;
            const res = await fetch(base + path, { headers: { cookie } });
            await res.text();
            await sleep(300);
            if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
            if (i > 0) runs.push(proxy.statements.slice(from).map((s) => s.sql.replace(/\s+/g, " ").slice(0, 90)));
          }
          runs.sort((a, b) => a.length - b.length);
          console.log(`\n${dir} ${path}: ${runs.map((r) => r.length).join(", ")} statements in ${SAMPLES} requests; the fewest:`);
          for (const sql of runs[0]) console.log(`  ${sql}`);
        }
      } finally {
        process.kill(-child.pid!, "SIGTERM");
        await sleep(1500);
      }
    }
  } finally {
    await proxy.close();
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
