// `npx tsx --conditions=react-server bench/page-cpu.ts`: the CPU a page costs per request, in the app server
// and in PostgreSQL, beside `/signin`, for one or more builds side by side (decision 033, stop 29).
// The profiler's busy share counts a process waiting for a core as busy, so on a shared machine it grows
// with the neighbours' load; the CPU time a process has used (utime + stime in /proc/<pid>/stat) does not.
// Against a database bench:web kept (BENCH_WEB_DATABASE_URL; migrations are applied first, which also makes
// the scoped-work role), for each round and each app directory in CPU_DIRS (default: this one; each needs
// its own built .next), it starts that build's server (scripts/serve.ts, as `npm start` would, without the
// job worker; CPU_PORT, default 4540), signs an Owner of the largest organisation in, and for each of
// CPU_PAGES: its bytes (HTML, inline flight, RSC navigation payload), CPU_WARMUP requests, then CPU_REQUESTS
// sequential requests (or over CPU_CONNECTIONS at once), and prints the server process's CPU per request,
// the CPU of the database's server processes (backends) per request, and each one's ratio to `/signin`'s in
// the same server. Directories alternate within a round, so a before/after comparison sees the same machine.
// Figures, not a test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";
import { deriveActionEncryptionKey } from "@/lib/deploy/action-key";
import { applyMigrations } from "@/lib/db/migrate";
import { benchWebOwner, pageWeight, signInCookie, timedGets, waitForServer } from "./support/page-session";
import { cpuMs } from "./support/process-cpu";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const PORT = Number(process.env.CPU_PORT ?? 4540);
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 40);
const WARMUP = Number(process.env.CPU_WARMUP ?? 20);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 1);
const DIRS = (process.env.CPU_DIRS ?? process.cwd()).split(",");
const PAGES = ["/signin", ...(process.env.CPU_PAGES ?? "/members/outbox,/accounts,/people").split(",").filter((p) => p !== "/signin")];
const base = `http://127.0.0.1:${PORT}`;
/** CPU_EMAIL: the signed-in user, made (and removed after) by this run; by default one per run, so two runs on one
 * kept database (helpers side by side) do not delete each other's user mid-run. */
const EMAIL = process.env.CPU_EMAIL ?? `bench-cpu-${process.pid}@gatehouse.example`;
const SECRET = randomBytes(32).toString("hex");
/** As bench:web's autocannon asks (no compression); CPU_GZIP=1 asks for gzip as a browser does, and pays for it. */
const ENCODING = process.env.CPU_GZIP === "1" ? "gzip" : "identity";
/** CPU_NODE_ARGS: Node flags for the server (e.g. `--max-semi-space-size=32`), to compare runtime settings. An entry of
 * CPU_DIRS may add its own after `@` (`/work/main@--max-semi-space-size=32`), to compare settings on one build. */
const NODE_ARGS = (process.env.CPU_NODE_ARGS ?? "").split(" ").filter(Boolean);
/** CPU_SERVER: the server's entry and loader, as `npm start` runs it by default (`--import tsx scripts/serve.ts`). */
const SERVER = (process.env.CPU_SERVER ?? "--import tsx scripts/serve.ts").split(" ").filter(Boolean);
/** CPU_CONNECTIONS=10: the CPU_REQUESTS go through that many connections at once (autocannon), as bench:web's second column. */
const CONNECTIONS = Number(process.env.CPU_CONNECTIONS ?? 1);
/** CPU_SAVE_DIR: each build's HTML of each page is written there (`<build dir's name><page, slashes as _>.html`), to diff builds. */
const SAVE_DIR = process.env.CPU_SAVE_DIR;
const SLICES = Number(process.env.CPU_SLICES ?? 1);

/**
 * The server's connections name themselves (application_name), so only its own backends are counted: other runs
 * against the same kept database (another helper's page-cpu, the lead's bench:web) no longer add to the figure.
 */
const APP_NAME = `gatehouse-page-cpu-${PORT}`;
const serverUrl = () => {
  const url = new URL(URL_);
  url.searchParams.set("application_name", APP_NAME);
  return url.toString();
};

/** The backends of the server under test and the CPU each has used so far. */
async function backendCpu(monitor: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2", [database, APP_NAME]);
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/** CPU used by the backends between two readings: a backend that started in between counts from zero. */
function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

async function serve(entry: string): Promise<ChildProcess> {
  const [dir, ...ownArgs] = entry.split("@");
  if (!existsSync(`${dir}/.next/BUILD_ID`)) throw new Error(`${dir} has no build (.next/BUILD_ID)`);
  const child = spawn(process.execPath, [...NODE_ARGS, ...ownArgs.join("@").split(" ").filter(Boolean), ...SERVER], {
    cwd: dir,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: serverUrl(), AUTH_SECRET: SECRET, PORT: String(PORT), NODE_ENV: "production", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: deriveActionEncryptionKey(SECRET) },
  });
  await waitForServer(base);
  return child;
}

async function stop(child: ChildProcess) {
  process.kill(-child.pid!, "SIGTERM");
  if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  await sleep(1000);
}

/**
 * CPU_SLICES=n: each page's CPU_REQUESTS are measured in n slices, the pages taking turns (each slice starting one page
 * later), so a page measured while the server is still getting faster, or while a neighbour is busy, is not always
 * the same one: for comparing variants of one page served by one build (`?omit=` ablations, decision 061). Sequential
 * requests only.
 */
async function interleaved(pid: number, monitor: pg.Client, database: string, headersFor: (path: string) => Record<string, string>) {
  if (CONNECTIONS !== 1) throw new Error("CPU_SLICES needs CPU_CONNECTIONS=1");
  const per = Math.max(1, Math.round(REQUESTS / SLICES));
  const totals = new Map(PAGES.map((path) => [path, { app: 0, pg: 0, n: 0, walls: [] as number[] }]));
  for (let slice = 0; slice < SLICES; slice++) {
    const turn = slice % PAGES.length;
    for (const path of [...PAGES.slice(turn), ...PAGES.slice(0, turn)]) {
      const total = totals.get(path)!;
      const pgBefore = await backendCpu(monitor, database);
      const before = cpuMs(pid);
      total.walls.push(...(await timedGets(base, path, headersFor(path), per)));
      total.app += cpuMs(pid) - before;
      total.pg += backendDelta(pgBefore, await backendCpu(monitor, database));
      total.n += per;
    }
  }
  const floor = totals.get("/signin")!;
  for (const [path, total] of totals) {
    const weight = await pageWeight(base, path, headersFor(path));
    const [app, pgCpu] = [total.app / total.n, total.pg / total.n];
    total.walls.sort((a, b) => a - b);
    console.log(
      `| ${path} | ${weight.html} | ${weight.flight} | ${weight.rsc} | ${app.toFixed(1)} | ${(app / (floor.app / floor.n)).toFixed(2)}× | ${pgCpu.toFixed(1)} | ${((app + pgCpu) / ((floor.app + floor.pg) / floor.n)).toFixed(2)}× | ${total.walls[Math.floor(total.walls.length / 2)].toFixed(0)} | – |`,
    );
  }
}

async function main() {
  if (!URL_) throw new Error("set BENCH_WEB_DATABASE_URL to a database bench:web kept");
  await applyMigrations(URL_, undefined, { ...process.env, AUTH_SECRET: SECRET });
  const { db, password } = await benchWebOwner(URL_, EMAIL, "CPU user");
  const database = new URL(URL_).pathname.slice(1);
  const monitor = new pg.Client({ connectionString: URL_ });
  await monitor.connect();
  console.log(`${REQUESTS} requests per page over ${CONNECTIONS} connection(s) (accept-encoding: ${ENCODING}) after ${WARMUP} to warm up; ${ROUNDS} round(s) over ${DIRS.join(", ")}`);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const entry of DIRS) {
        const child = await serve(entry);
        const dir = entry.split("@")[0]!;
        try {
          const cookie = await signInCookie(base, EMAIL, password);
          console.log(`\nround ${round}, ${entry} (build ${readFileSync(`${dir}/.next/BUILD_ID`, "utf8").trim()}), load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
          console.log("| Page | HTML B | inline flight B | RSC B | app CPU ms/req | ÷ `/signin` | PostgreSQL CPU ms/req | app + PG ÷ `/signin` | wall p50 ms | req/s (÷ `/signin`) |");
          console.log("|---|---|---|---|---|---|---|---|---|---|");
          let floor = { app: 0, all: 0, rate: 0 };
          const headersFor = (path: string): Record<string, string> => ({ "accept-encoding": ENCODING, ...(path === "/signin" ? {} : { cookie }) });
          // Every page warms up before any is measured: a fresh server is still compiling hot code (on V8's
          // background threads, whose CPU the process accrues), which would weigh on whichever page came first.
          for (let pass = 0; pass < 2; pass++) for (const path of PAGES) for (let i = 0; i < WARMUP; i++) await (await fetch(base + path, { headers: headersFor(path) })).text();
          if (SLICES > 1) {
            await interleaved(child.pid!, monitor, database, headersFor);
            continue;
          }
          for (const path of PAGES) {
            const headers = headersFor(path);
            const weight = await pageWeight(base, path, headers);
            if (SAVE_DIR) writeFileSync(join(SAVE_DIR, `${basename(dir)}${path.replace(/[/?&=]/g, "_")}.html`), await (await fetch(base + path, { headers })).text());
            for (let i = 0; i < 3; i++) await (await fetch(base + path, { headers })).text();
            let walls: number[] = [];
            const pgBefore = await backendCpu(monitor, database);
            const before = cpuMs(child.pid!);
            const started = performance.now();
            let rate = 0;
            if (CONNECTIONS === 1) {
              walls = await timedGets(base, path, headers, REQUESTS);
              rate = REQUESTS / ((performance.now() - started) / 1000);
            } else {
              const r = await new Promise<{ latency: { p50: number; mean: number }; non2xx: number; errors: number }>((resolve, reject) =>
                autocannon({ url: base + path, connections: CONNECTIONS, amount: REQUESTS, headers }, (e, result) => (e ? reject(e) : resolve(result))),
              );
              if (r.non2xx || r.errors) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
              walls.push(r.latency.p50);
              // Requests per second from the mean latency (Little's law: each connection sends its next request when
              // the last is answered). autocannon reports the end of an `amount` only at its next one-second tick, so
              // the batch's wall time is rounded up to whole seconds: 300 requests in 2–6 s, ±17–50 %.
              rate = (CONNECTIONS * 1000) / r.latency.mean;
            }
            const app = (cpuMs(child.pid!) - before) / REQUESTS;
            const pgCpu = backendDelta(pgBefore, await backendCpu(monitor, database)) / REQUESTS;
            if (path === "/signin") floor = { app, all: app + pgCpu, rate };
            walls.sort((a, b) => a - b);
            console.log(
              `| ${path} | ${weight.html} | ${weight.flight} | ${weight.rsc} | ${app.toFixed(1)} | ${(app / floor.app).toFixed(2)}× | ${pgCpu.toFixed(1)} | ${((app + pgCpu) / floor.all).toFixed(2)}× | ${walls[Math.floor(walls.length / 2)].toFixed(0)} | ${rate.toFixed(1)} (${(rate / floor.rate).toFixed(2)}×) |`,
            );
          }
        } finally {
          await stop(child);
        }
      }
    }
    console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  } finally {
    await monitor.end();
    await db.user.deleteMany({ where: { email: EMAIL } });
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
