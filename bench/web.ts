// `npm run bench:web`: the web pages' speed, as figures (not a test).
// Loads 50,000 generated accounts over three organisations (40k, 5k, 5k; logins padded to
// BENCH_LOGINS_PER_ACCOUNT per account, default 10 ≈ 500k logins) into a throwaway database, runs ANALYZE,
// recomputes findings, starts the production server (`npm start`), signs a user of the 40k organisation
// in through the real form (Playwright), then:
//  1. SQL statements per request, counted at the wire by a proxy in front of PostgreSQL (app restarted
//     behind it), for the measured pages and the accounts table at 25/50/100 rows; the slowest statement;
//  2. the JS the accounts page ships (gzip sizes of its <script src> chunks);
//  3. autocannon throughput and p50/p95 latency at 1 and 10 connections (BENCH_WEB_SECONDS each,
//     default 10) of each page, and of a bare node:http + pg endpoint running the same SQL
//     (bench/web-bare-server.ts), with each page's ratio to it; and beside it each page's ratio to the same
//     server's `/signin` (the framework floor: no session, no SQL), the targets of issue 15: p50 at 1
//     connection ≤ 3× `/signin`'s, throughput at 10 connections ≥ 0.33× `/signin`'s;
//  4. the CPU time per request of each page and of `/signin` at 1 and at 10 connections: utime + stime of the
//     `npm start` process tree and of the database's PostgreSQL backends (from /proc, sampled through each run),
//     divided by the requests completed, with each page's ratio to `/signin`'s. A process waiting for a core
//     accrues none, so this ratio moves far less with the machine's other load than the wall-clock ones; and on
//     saturated cores throughput ≈ cores ÷ CPU per request, so its inverse predicts the throughput ratio
//     (decision 036).
// BENCH_WEB_KEEP_DB=1 keeps the throwaway database (its URL is printed) for statement-level study;
// BENCH_WEB_DATABASE_URL=<that URL> measures it again without loading (migrations are applied first).
// BENCH_WEB_ROUNDS=<n> (default 3): rounds over every page; in each, a page is measured right after `/signin` at the same
// connections, and its ratios are to that adjacent floor. The verdicts are the medians of the rounds' ratios (a
// single 5 s window on a shared 2-core host moved `/signin` itself by up to 2× between runs: stop 34).
// BENCH_WEB_WARMUP=<seconds> warms each page up longer (default 2). BENCH_WEB_DB_PREFIX names the throwaway database (default gatehouse_benchweb), for sessions told to keep their own names.
// Uses TEST_DATABASE_URL (a local server; a throwaway database is created and dropped) or an embedded
// PostgreSQL. Port BENCH_WEB_PORT (default 3250; the bare server uses the next one).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import { pageStatement } from "@/lib/db/accounts/accounts-sql";
import { bulkLoadSnapshot } from "@/lib/db/bulk-load";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import type { Scope } from "@/lib/db/scope";
import { syncToolCatalogue } from "@/lib/db/tools";
import { generateSnapshot } from "@/lib/risk/generate";
import { encodeCursor, parseAccountListQuery } from "@/lib/validation/accounts";
import type { Snapshot } from "@/lib/validation/snapshot";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import type { Plans, PlannedStatement } from "./web-bare-server";
import { startSqlProxy, type CapturedStatement, type SqlProxy } from "./web-sql-proxy";
import { backendsOf, CpuMeter, postmasterOf, processTree } from "./support/process-cpu";

const ORG_SIZES = (process.env.BENCH_WEB_ORGS ?? "40000,5000,5000").split(",").map(Number);
const LOGINS_PER_ACCOUNT = Number(process.env.BENCH_LOGINS_PER_ACCOUNT ?? 10);
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3250);
/** BENCH_PAGES=accounts,account,…: measure only these pages (keys as in `pages` below). */
const ONLY = process.env.BENCH_PAGES?.split(",");
const FLOOR = process.env.BENCH_WEB_FLOOR === "1";
const KEEP_DB = process.env.BENCH_WEB_KEEP_DB === "1";
const REUSE_URL = process.env.BENCH_WEB_DATABASE_URL;
/** Seconds of warm-up per page before it is measured (4 connections). Under load, 2 s left the first page measured cold. */
const WARMUP = Number(process.env.BENCH_WEB_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_WEB_ROUNDS ?? 3));
const BARE_PORT = PORT + 1;
const DATA_DIR = ".gatehouse/bench-web";
const DEEP_PAGE = Math.min(1000, Math.floor(ORG_SIZES[0] / 25) - 1); // at 25 rows: the 24,976th row onwards
const USER = { email: "bench-web@gatehouse.example", password: `bench-${randomBytes(8).toString("hex")}` };
const today = new Date().toISOString().slice(0, 10);
const base = `http://127.0.0.1:${PORT}`;
const bareBase = `http://127.0.0.1:${BARE_PORT}`;

const log = (line: string) => console.log(`[bench:web ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => percentile(xs, 50);
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const oneLine = (sql: string, max = 160) => {
  const s = sql.replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

/** Pads every account to `perAccount` logins with copies of its secondary logins (new ids and emails). */
function padLogins(snapshot: Snapshot, perAccount: number): void {
  for (const account of snapshot.accounts) {
    const secondaries = account.logins.filter((l) => l.role !== "PRIMARY");
    const source = secondaries.length ? secondaries : account.logins;
    for (let k = 0; account.logins.length < perAccount && source.length; k++) {
      const l = source[k % source.length];
      account.logins.push({ ...l, id: `${l.id}-x${k}`, role: "SECONDARY", email: l.email ? `x${k}.${l.email}` : null });
    }
  }
}

// ---- processes -------------------------------------------------------------------------------------

interface App {
  child: ChildProcess;
  logFile: string;
}

function startApp(databaseUrl: string, authSecret: string, label: string): App {
  const logFile = `${DATA_DIR}/app-${label}.log`;
  const out = createWriteStream(logFile);
  // Its own process group, so npm, tsx and `next start` all stop together.
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, PORT: String(PORT), GATEHOUSE_SEED: "none", GATEHOUSE_DATA_DIR: DATA_DIR },
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { child, logFile };
}

function startBare(databaseUrl: string, plansFile: string): App {
  const logFile = `${DATA_DIR}/bare.log`;
  const out = createWriteStream(logFile);
  const child = spawn("npx", ["tsx", "--conditions=react-server", "bench/web-bare-server.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BARE_PORT), BARE_PLANS: plansFile },
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { child, logFile };
}

const tail = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no log)";
  }
};

async function stopProcess(app: App | undefined, url: string): Promise<void> {
  const pid = app?.child.pid;
  if (!app || !pid || app.child.exitCode !== null || app.child.signalCode !== null) return;
  const exited = new Promise((r) => app.child.once("exit", r));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  if ((await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])) === false) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  // `next start` may outlive npm by a moment: wait until the port is free.
  for (let i = 0; i < 30 && (await responds(url)); i++) await sleep(500);
}

async function responds(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function waitReady(app: App, url: string, minutes: number): Promise<void> {
  const deadline = Date.now() + minutes * 60_000;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`server exited with code ${app.child.exitCode}; last lines of ${app.logFile}:\n${tail(app.logFile)}`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await sleep(1000);
  }
  throw new Error(`server not ready after ${minutes} min; last lines of ${app.logFile}:\n${tail(app.logFile)}`);
}

// ---- HTTP ------------------------------------------------------------------------------------------

let cookie = "";

async function get(path: string, origin = base): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(origin + path, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - t0 };
}

interface Measured {
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  bad: number;
  /** CPU ms per completed request of the server's process tree and of its PostgreSQL backends (decision 036). */
  cpu?: { app: number; db: number };
}

/** One round's measurement of a page, beside `/signin` measured just before it at the same connections. */
interface Round {
  app1: Measured;
  app10: Measured;
  floor1: Measured;
  floor10: Measured;
}

/** Each figure's median over several runs (a page's rounds, or the floors); errors are summed, not hidden. */
function medianOf(runs: Measured[]): Measured {
  const of = (pick: (m: Measured) => number) => median(runs.map(pick));
  const withCpu = runs.every((m) => m.cpu);
  return {
    rps: of((m) => m.rps),
    p50: of((m) => m.p50),
    p95: of((m) => m.p95),
    requests: of((m) => m.requests),
    bad: runs.reduce((n, m) => n + m.bad, 0),
    ...(withCpu ? { cpu: { app: of((m) => m.cpu!.app), db: of((m) => m.cpu!.db) } } : {}),
  };
}

let meter: CpuMeter | undefined;

/** `measure` with the CPU of the app and its database over the run, per completed request. */
async function measureCpu(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<Measured> {
  if (!meter) return measure(url, connections, seconds, headers);
  const { result, cpu } = await meter.around(() => measure(url, connections, seconds, headers));
  const per = (ms: number) => (result.requests > 0 ? ms / result.requests : NaN);
  return { ...result, cpu: { app: per(cpu.app), db: per(cpu.db) } };
}

function measure(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        requests: latencies.length,
        bad: result.non2xx + result.errors + result.timeouts,
      });
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

const cpuText = (m: Measured) => (m.cpu ? `; CPU ${m.cpu.app.toFixed(1)} + ${Number.isFinite(m.cpu.db) ? m.cpu.db.toFixed(1) : "?"} ms (app + PostgreSQL) per request` : "");

// ---- statement capture → bare plans ----------------------------------------------------------------

// The tenant setting a scoped query sends before its statement (decision 045) frames the read, as BEGIN did: not a read.
const isTenantSetting = (sql: string) => /^\s*SELECT set_config\('gatehouse\.org_id'/i.test(sql);
const isRead = (sql: string) =>
  /^\s*(SELECT|WITH)\b/i.test(sql) && !isTenantSetting(sql) && !/\b(INSERT|UPDATE|DELETE)\b\s/i.test(sql.replace(/'[^']*'/g, ""));

/** The read statements of one request, each waiting for the statement that finished last before it started. */
function planOf(statements: CapturedStatement[]): PlannedStatement[] {
  const reads = statements.filter((s) => isRead(s.sql)).sort((a, b) => a.start - b.start);
  return reads.map((s, i) => {
    let after = -1;
    for (let j = 0; j < i; j++) {
      const end = reads[j].end ?? Infinity;
      if (end <= s.start && (after < 0 || end > (reads[after].end ?? 0))) after = j;
    }
    return { sql: s.sql, params: s.params, after };
  });
}

// ---- main ------------------------------------------------------------------------------------------

let adminUrl = process.env.TEST_DATABASE_URL;
let embedded: EmbeddedDatabase | undefined;
let database: { url: string; drop: () => Promise<void> } | undefined;
let db: Db | undefined;
let app: App | undefined;
let bare: App | undefined;
let proxy: SqlProxy | undefined;
let browser: Browser | undefined;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => undefined);
  await stopProcess(app, base).catch(() => undefined);
  await stopProcess(bare, bareBase).catch(() => undefined);
  await proxy?.close().catch(() => undefined);
  await db?.$disconnect().catch(() => undefined);
  if (database && (KEEP_DB || REUSE_URL)) log(`database kept: ${database.url}`);
  else if (database) {
    await database.drop().then(() => log("throwaway database dropped"), (e: unknown) => console.error(`could not drop the throwaway database: ${String(e)}`));
  }
  await embedded?.stop().catch(() => undefined);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  if (FLOOR && !existsSync("app/floor")) throw new Error("BENCH_WEB_FLOOR=1 needs the floor pages copied into app/floor of a scratch worktree: see bench/floor/README.md");
  if (await responds(base)) throw new Error(`port ${PORT} is already in use: set BENCH_WEB_PORT`);
  if (await responds(bareBase)) throw new Error(`port ${BARE_PORT} is already in use: set BENCH_WEB_PORT`);
  const machine = `${cpus().length}× ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  log(`Gatehouse web benchmark — ${new Date().toISOString()} — ${machine}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  embedded = adminUrl ? undefined : await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "postgres" });
  adminUrl ??= embedded!.url;
  database = REUSE_URL ? { url: REUSE_URL, drop: async () => undefined } : await createThrowawayDatabase(adminUrl, process.env.BENCH_WEB_DB_PREFIX ?? "gatehouse_benchweb");
  await applyMigrations(database.url);
  db = createDb(database.url);
  await syncToolCatalogue(db);

  let accounts = 0;
  let logins = 0;
  let findings = 0;
  const orgIds: string[] = [];
  if (REUSE_URL) {
    // A database an earlier run kept (BENCH_WEB_KEEP_DB=1): its organisations, and a fresh bench user.
    for (const o of await db.organization.findMany({ where: { name: { startsWith: "Bench agency " } }, orderBy: { name: "asc" }, select: { id: true } })) orgIds.push(o.id);
    [{ accounts, logins, findings }] = await db.$queryRawUnsafe<{ accounts: number; logins: number; findings: number }[]>(
      `SELECT (SELECT count(*)::int FROM "SellerAccount") AS accounts, (SELECT count(*)::int FROM "Login") AS logins, (SELECT count(*)::int FROM "Finding" WHERE status = 'OPEN') AS findings`,
    );
    await db.user.deleteMany({ where: { email: USER.email } });
    log(`reusing ${database.url}: ${accounts.toLocaleString("en")} accounts, ${findings.toLocaleString("en")} open findings`);
  } else {
  // ---- data
  let t0 = performance.now();
  for (const [i, size] of ORG_SIZES.entries()) {
    const snapshot = generateSnapshot(size, 101 + i, { asOf: today });
    if (LOGINS_PER_ACCOUNT > 0) padLogins(snapshot, LOGINS_PER_ACCOUNT);
    const org = await db.organization.create({ data: { name: `Bench agency ${i + 1} (${size} accounts)` } });
    const clients = await db.client.createManyAndReturn({ data: Array.from({ length: Math.ceil(size / 25) }, (_, c) => ({ orgId: org.id, name: `Client ${c + 1}` })), select: { id: true } });
    await bulkLoadSnapshot(db, org.id, snapshot, { idPrefix: `o${i + 1}-`, clientIdFor: (n) => clients[n % clients.length].id });
    orgIds.push(org.id);
    accounts += snapshot.accounts.length;
    logins += snapshot.accounts.reduce((n, a) => n + a.logins.length, 0);
  }
  await db.$executeRawUnsafe("ANALYZE");
  log(`loaded ${accounts.toLocaleString("en")} accounts, ${logins.toLocaleString("en")} logins in ${((performance.now() - t0) / 1000).toFixed(0)} s; ANALYZE done`);
  t0 = performance.now();
  const recomputed = await recomputeOrganisations(db, { today });
  // VACUUM too: the first recompute rewrites every account row (score, open counts), and until autovacuum
  // has passed, the accounts table's counts cannot use index-only scans (the visibility map is empty).
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  [{ findings }] = await db.$queryRawUnsafe<{ findings: number }[]>(`SELECT count(*)::int AS findings FROM "Finding" WHERE status = 'OPEN'`);
  log(`recomputed ${recomputed.accounts.toLocaleString("en")} accounts (${findings.toLocaleString("en")} open findings) in ${((performance.now() - t0) / 1000).toFixed(0)} s; VACUUM ANALYZE done`);
  }

  // ---- the user and the pages
  const orgId = orgIds[0];
  const user = await db.user.create({ data: { email: USER.email, name: "Bench user", passwordHash: await hashPassword(USER.password) } });
  await db.membership.create({ data: { orgId, userId: user.id, role: "OWNER" } });
  const ordered = (offset: number) =>
    db!.$queryRawUnsafe<{ id: string; storeName: string }[]>(`SELECT id, "storeName" FROM "SellerAccount" WHERE "orgId" = $1 ORDER BY "storeName", id OFFSET $2 LIMIT 1`, orgId, offset);
  const [beforeDeep] = await ordered((DEEP_PAGE - 1) * 25 - 1);
  const [firstDeep] = await ordered((DEEP_PAGE - 1) * 25);
  const [account] = await ordered(Math.floor(ORG_SIZES[0] / 2));
  const cursor = encodeCursor({ direction: "next", keys: [beforeDeep.storeName], id: beforeDeep.id });
  const staff = await db.$queryRawUnsafe<{ personId: string; n: number }[]>(
    `SELECT "personId", count(*)::int AS n FROM "Login" WHERE "orgId" = $1 AND "personId" LIKE 'o1-p-ag%' GROUP BY 1 ORDER BY 2, 1`,
    orgId,
  );
  const person = staff[Math.floor(staff.length / 2)];
  const [accountLogins] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Login" WHERE "accountId" = $1`, account.id);
  const SEARCH = "Store 1234";
  const pages = [
    // Not a target of its own: what every signed-in page pays before its body (session, scope, layout), so
    // each page's ratio can be read as the chrome's plus its own (decision 039).
    { key: "chrome", label: "Reference: the chrome alone (an Owner's empty outbox, /members/outbox)", path: "/members/outbox", expect: 'id="main"' },
    { key: "accounts", label: "Accounts table, page 1 (25 rows)", path: "/accounts", expect: 'data-testid="accounts-total"' },
    { key: "critical", label: "Accounts table, severity=critical, sort=score", path: "/accounts?severity=critical&sort=score", expect: 'data-testid="accounts-total"' },
    { key: "deep", label: `Accounts table, page ${DEEP_PAGE.toLocaleString("en")} (keyset cursor)`, path: `/accounts?cursor=${cursor}`, expect: `>${firstDeep.storeName}<` },
    { key: "search", label: `Accounts table, search q=${SEARCH}`, path: `/accounts?q=${encodeURIComponent(SEARCH)}`, expect: 'data-testid="accounts-total"' },
    { key: "account", label: `Account page (${accountLogins.n} logins)`, path: `/accounts/${account.id}`, expect: `>${account.storeName}<` },
    { key: "person", label: `Person page (agency staff, ${person.n} logins)`, path: `/people/${person.personId}`, expect: `Person ${person.personId.slice(3)}` },
    { key: "people", label: "People list, most access first (135k people)", path: "/people", expect: 'href="/people/' },
    // BENCH_WEB_FLOOR=1: the framework-floor experiment's pages (bench/floor/README.md; never part of the app).
    ...(FLOOR
      ? [
          { key: "floorTable", label: "Floor: accounts data via listAccounts + AccountsTable, no session or chrome", path: `/floor/table?org=${orgId}`, expect: 'data-testid="accounts-total"' },
          { key: "floorPlain", label: "Floor: accounts data via listAccounts, plain table", path: `/floor/plain?org=${orgId}`, expect: 'data-testid="accounts-total"' },
          { key: "floorRaw", label: "Floor: the same SQL via a bare pg pool, plain table", path: `/floor/raw?org=${orgId}`, expect: 'data-testid="accounts-total"' },
          { key: "floorTotal", label: "Floor: the same SQL via a bare pg pool, only the total rendered", path: `/floor/total?org=${orgId}`, expect: 'data-testid="accounts-total"' },
        ]
      : []),
  ].filter((p) => ONLY === undefined || ONLY.includes(p.key));
  const pageSizes = [25, 50, 100].map((n) => ({ key: `size${n}`, label: `Accounts table, ${n} rows`, path: n === 25 ? "/accounts" : `/accounts?pageSize=${n}`, expect: 'data-testid="accounts-total"' }));

  // ---- phase 1: the app behind the counting proxy
  const authSecret = randomBytes(32).toString("base64url");
  const target = new URL(adminUrl);
  proxy = await startSqlProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(database.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  log(`starting the app behind the SQL proxy on port ${PORT} (builds first if .next is stale; log in ${DATA_DIR}/app-counting.log)`);
  app = startApp(viaProxy.toString(), authSecret, "counting");
  await waitReady(app, `${base}/signin`, 20);

  log("signing in through the form with Playwright");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const context = await browser.newContext({ baseURL: base });
  const tab = await context.newPage();
  await tab.goto("/signin");
  await tab.locator("#email").fill(USER.email);
  await tab.locator("#password").fill(USER.password);
  await tab.locator('form:has(#password) button[type="submit"]').click();
  // Signed in: the form sends the user on (the overview, or the accounts table in older versions).
  await tab.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 120_000 });
  cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();
  browser = undefined;

  for (const p of [...pages, ...pageSizes]) {
    const res = await get(p.path);
    if (res.status !== 200 || !res.body.includes(p.expect)) throw new Error(`${p.path}: HTTP ${res.status}, ${res.body.includes(p.expect) ? "" : `no "${p.expect}" in the page`}`);
  }

  // The job worker (pg-boss, in `npm start`'s launcher) polls through the same proxy: its statements are not the page's.
  const isWorker = (sql: string) => /\bpgboss\./.test(sql);
  const counts: Record<string, { min: number; max: number; reads: number; settings: number; statements: CapturedStatement[] }> = {};
  for (const p of [...pages, ...pageSizes]) {
    await get(p.path);
    await sleep(300);
    const samples: CapturedStatement[][] = [];
    for (let i = 0; i < 3; i++) {
      const from = proxy.statements.length;
      await get(p.path);
      await sleep(300);
      samples.push(proxy.statements.slice(from).filter((st) => !isWorker(st.sql)));
    }
    samples.sort((a, b) => a.length - b.length);
    const settings = samples[0].filter((s) => isTenantSetting(s.sql)).length;
    counts[p.key] = { min: samples[0].length, max: samples[2].length, reads: samples[0].filter((s) => isRead(s.sql)).length, settings, statements: samples[0] };
  }
  const all = [...pages, ...pageSizes].flatMap((p) => counts[p.key].statements.map((s) => ({ page: p.label, ms: (s.end ?? s.start) - s.start, sql: s.sql })));
  const slowest = all.sort((a, b) => b.ms - a.ms).slice(0, 3);
  const plans: Plans = Object.fromEntries(pages.map((p) => [p.key, planOf(counts[p.key].statements)]));
  writeFileSync(`${DATA_DIR}/bare-plans.json`, JSON.stringify(plans));
  writeFileSync(`${DATA_DIR}/statements.json`, JSON.stringify(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.statements.map((s) => ({ ms: (s.end ?? s.start) - s.start, sql: oneLine(s.sql, 400), params: s.params }))])), null, 1));

  // The accounts table's statements are the ones lib/db/accounts/accounts-sql.ts builds.
  const scope = { orgId, clientIds: null } as unknown as Scope;
  const q1 = parseAccountListQuery(new URLSearchParams());
  // One statement since decision 058: the page carries its total (countStatement's only when the page is empty).
  const builderSqlMatches = [pageStatement(scope, q1, q1.sort, q1.dir, undefined, q1.pageSize + 1, { withTotal: true }).sql].every((sql) =>
    (counts.accounts ?? counts.size25).statements.some((s) => s.sql === sql),
  );

  // JS shipped by the accounts page: its <script src> chunks, gzipped.
  const html = (await get("/accounts")).body;
  // `nomodule` scripts (Next's polyfills) are fetched only by browsers without ES modules: counted apart.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].flatMap((m) => {
    const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
    return src ? [{ src: src.replace(/&amp;/g, "&"), noModule: /\bnomodule\b/i.test(m[1]) }] : [];
  });
  const srcs = [...new Set(tags.map((t) => t.src))];
  let jsRaw = 0;
  let jsGzip = 0;
  let noModuleGzip = 0;
  for (const src of srcs) {
    const res = await fetch(new URL(src, base));
    if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
    const buf = Buffer.from(await res.arrayBuffer());
    if (tags.some((t) => t.src === src && t.noModule)) {
      noModuleGzip += gzipSync(buf).length;
      continue;
    }
    jsRaw += buf.length;
    jsGzip += gzipSync(buf).length;
  }

  await stopProcess(app, base);
  app = undefined;
  await proxy.close();
  proxy = undefined;

  // ---- phase 2: throughput, the app connected directly
  log("restarting the app connected to PostgreSQL directly; starting the bare server");
  app = startApp(database.url, authSecret, "direct");
  bare = startBare(database.url, `${DATA_DIR}/bare-plans.json`);
  await waitReady(app, `${base}/signin`, 20);
  await waitReady(bare, `${bareBase}/`, 2);
  // The processes whose CPU is counted: `npm start` and everything under it (the launcher, its job worker, the
  // Next server); and the backends of this database (the postmaster is the parent of ours).
  const appPids = processTree(app.child.pid!);
  const [{ pid: ownBackend }] = await db.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
  const postmaster = postmasterOf(ownBackend);
  const dbName = new URL(database.url).pathname.slice(1);
  meter = new CpuMeter({ app: () => appPids, db: postmaster ? () => backendsOf(postmaster, dbName) : null });
  log(`CPU per request: ${appPids.length} app processes${postmaster ? `, the backends of ${dbName} under postmaster ${postmaster}` : "; PostgreSQL not on this machine (its CPU not counted)"}`);
  for (const p of pages) {
    const res = await get(`/${p.key}`, bareBase);
    if (res.status !== 200) throw new Error(`bare /${p.key}: HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  }

  // Each round measures every page right after `/signin` (its adjacent floor), at 1 and then 10 connections; the
  // bare endpoint once, in the first round.
  const rounds: Record<string, Round[]> = {};
  const bareRuns: Record<string, { bare1: Measured; bare10: Measured }> = {};
  const headers = { cookie };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const p of pages) {
      if (round === 1) {
        // Warm-up: the first requests of a route compile and fill caches.
        await measure(base + p.path, 4, WARMUP, headers);
        await measure(`${bareBase}/${p.key}`, 4, 1, {});
      }
      // autocannon ends its run with requests still in flight: one request after it waits for them, so the
      // measured run does not start behind them (at load 14–16 the account page's run at 1 connection then
      // completed no request in 5 s, decision 034; and its CPU window would hold the warm-up's).
      await fetch(`${base}/signin`).then((r) => r.text());
      const floor1 = await measureCpu(`${base}/signin`, 1, SECONDS, {});
      await get(p.path);
      const app1 = await measureCpu(base + p.path, 1, SECONDS, headers);
      await fetch(`${base}/signin`).then((r) => r.text());
      const floor10 = await measureCpu(`${base}/signin`, 10, SECONDS, {});
      await get(p.path);
      const app10 = await measureCpu(base + p.path, 10, SECONDS, headers);
      (rounds[p.key] ??= []).push({ app1, app10, floor1, floor10 });
      if (round === 1) bareRuns[p.key] = { bare1: await measure(`${bareBase}/${p.key}`, 1, SECONDS, {}), bare10: await measure(`${bareBase}/${p.key}`, 10, SECONDS, {}) };
      for (const [c, a, f] of [[1, app1, floor1], [10, app10, floor10]] as const) {
        log(`round ${round}/${ROUNDS}, ${p.label} @${c}: app ${a.rps.toFixed(1)} req/s p50 ${a.p50.toFixed(0)} p95 ${a.p95.toFixed(0)} ms${a.bad ? ` (${a.bad} errors/non-2xx!)` : ""}${cpuText(a)}; /signin just before ${f.rps.toFixed(1)} req/s p50 ${f.p50.toFixed(0)} ms${cpuText(f)}`);
      }
    }
  }
  // The figures shown are medians over the rounds; every ratio is the median of the rounds' ratios to their adjacent floor.
  const results: Record<string, Record<"app1" | "app10" | "bare1" | "bare10", Measured>> = {};
  for (const p of pages) results[p.key] = { app1: medianOf(rounds[p.key].map((r) => r.app1)), app10: medianOf(rounds[p.key].map((r) => r.app10)), ...bareRuns[p.key] };
  const allRounds = Object.values(rounds).flat();
  const floor = { app1: medianOf(allRounds.map((r) => r.floor1)), app10: medianOf(allRounds.map((r) => r.floor10)) };
  log(`floor /signin, median of ${allRounds.length} adjacent runs: @1 ${floor.app1.rps.toFixed(1)} req/s p50 ${floor.app1.p50.toFixed(0)} ms${cpuText(floor.app1)}; @10 ${floor.app10.rps.toFixed(1)} req/s p50 ${floor.app10.p50.toFixed(0)} ms${cpuText(floor.app10)}`);
  const cpuOf = (m: Measured) => (m.cpu ? m.cpu.app + (Number.isFinite(m.cpu.db) ? m.cpu.db : 0) : NaN);
  /** A page's ratios in each round (to that round's adjacent `/signin`) and their medians. */
  const ratios = (key: string) => {
    const each = {
      p50: rounds[key].map((r) => r.app1.p50 / r.floor1.p50),
      rps10: rounds[key].map((r) => r.app10.rps / r.floor10.rps),
      cpu1: rounds[key].map((r) => cpuOf(r.app1) / cpuOf(r.floor1)),
      cpu10: rounds[key].map((r) => cpuOf(r.app10) / cpuOf(r.floor10)),
    };
    return { each, p50: median(each.p50), rps10: median(each.rps10), cpu1: median(each.cpu1), cpu10: median(each.cpu10) };
  };
  const listed = (xs: number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(" / ");

  // ---- report
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
  const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "—");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const lines: string[] = [];
  lines.push(`Data: ${accounts.toLocaleString("en")} accounts (orgs of ${ORG_SIZES.map((n) => n.toLocaleString("en")).join(", ")}), ${logins.toLocaleString("en")} logins (generator's ~4/account padded to ${LOGINS_PER_ACCOUNT}/account with copies of secondary logins), ${findings.toLocaleString("en")} open findings; signed in as an Owner of the 40k organisation (interface in Japanese, the default). ${SECONDS} s per measurement; no Accept-Encoding (no compression) on either side.`);
  lines.push(`Load average at the end of the measurements: ${loadavg().map((l) => l.toFixed(1)).join(" ")} (${cpus().length} cores).`);
  lines.push("");
  lines.push("| Page | Conns | App req/s | App p50 / p95 ms | Bare req/s | Bare p50 / p95 ms | Throughput ÷ bare (old, ≥ 0.5) | p95 ÷ bare (old, ≤ 2.5) | p50 ÷ `/signin` p50 @1 (≤ 3) | req/s ÷ `/signin` @10 (≥ 0.33) |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const p of pages) {
    const r = ratios(p.key);
    for (const c of [1, 10] as const) {
      const a = results[p.key][`app${c}`];
      const b = results[p.key][`bare${c}`];
      const tr = a.rps / b.rps;
      const pr = a.p95 / b.p95;
      const vsSignin = c === 1 ? `${r.p50.toFixed(1)}× ${met(r.p50 <= 3)} | —` : `— | ${r.rps10.toFixed(2)}× ${met(r.rps10 >= 0.33)}`;
      lines.push(`| ${p.label} | ${c} | ${f1(a.rps)}${a.bad ? ` (${a.bad} bad)` : ""} | ${f0(a.p50)} / ${f0(a.p95)} | ${f1(b.rps)}${b.bad ? ` (${b.bad} bad)` : ""} | ${f0(b.p50)} / ${f0(b.p95)} | ${tr.toFixed(2)} ${met(tr >= 0.5)} | ${pr.toFixed(1)} ${met(pr <= 2.5)} | ${vsSignin} |`);
    }
  }
  lines.push(`| \`/signin\` (floor, median of the adjacent runs) | 1 / 10 | ${f1(floor.app1.rps)} / ${f1(floor.app10.rps)} | ${f1(floor.app1.p50)} / ${f1(floor.app10.p50)} (p50 @1 / @10) | | | | | 1× | 1× |`);
  lines.push("");
  lines.push(`Each page's ratios to the \`/signin\` measured just before it, round by round (${ROUNDS} round${ROUNDS > 1 ? "s" : ""}; the verdicts above and below are their medians):`);
  lines.push("");
  lines.push("| Page | p50 ÷ `/signin` @1, per round | req/s ÷ `/signin` @10, per round | CPU ÷ `/signin` @1, per round | CPU ÷ `/signin` @10, per round |");
  lines.push("|---|---|---|---|---|");
  for (const p of pages) {
    const { each } = ratios(p.key);
    lines.push(`| ${p.label} | ${listed(each.p50, 1)} | ${listed(each.rps10, 2)} | ${listed(each.cpu1, 1)} | ${listed(each.cpu10, 1)} |`);
  }
  lines.push("");
  // CPU per request beside the wall-clock ratios (decision 036): the load-robust figure.
  lines.push(`CPU time per request (utime + stime of the \`npm start\` process tree + this database's PostgreSQL backends, from /proc, over each run ÷ requests completed; ${Number.isFinite(floor.app1.cpu?.db ?? NaN) ? "PostgreSQL counted" : "**PostgreSQL not visible: app only**"}). On saturated cores throughput ≈ cores ÷ CPU per request, so "÷ \`/signin\`" at 10 connections predicts the throughput ratio as its inverse.`);
  lines.push("");
  lines.push("| Page | CPU ms / request @1: app + PostgreSQL | ÷ `/signin` @1 (≤ 3) | CPU ms / request @10 | ÷ `/signin` @10 | 1 ÷ that (predicted req/s ratio, ≥ 0.33) | measured req/s ÷ `/signin` @10 | wall p50 ÷ `/signin` @1 |");
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const p of pages) {
    const a1 = results[p.key].app1;
    const a10 = results[p.key].app10;
    const r = ratios(p.key);
    lines.push(`| ${p.label} | ${f1(a1.cpu?.app ?? NaN)} + ${f1(a1.cpu?.db ?? NaN)} = ${f1(cpuOf(a1))} | ${r.cpu1.toFixed(1)}× ${met(r.cpu1 <= 3)} | ${f1(cpuOf(a10))} | ${r.cpu10.toFixed(1)}× | ${(1 / r.cpu10).toFixed(2)}× ${met(1 / r.cpu10 >= 0.33)} | ${r.rps10.toFixed(2)}× | ${r.p50.toFixed(1)}× |`);
  }
  lines.push(`| \`/signin\` (floor) | ${f1(floor.app1.cpu?.app ?? NaN)} + ${f1(floor.app1.cpu?.db ?? NaN)} = ${f1(cpuOf(floor.app1))} | 1× | ${f1(cpuOf(floor.app10))} | 1× | | | |`);
  lines.push("");
  // "All" is what the proxy saw in the request's window, the job worker's polling left out; a range means a write
  // fell in some windows (the session's lastSeenAt, at most once a minute). The tenant setting goes out in the same
  // round trip as its scoped read (decision 045), so the verdict is given both ways.
  lines.push("| SQL statements per request | All on the wire (fewest–most of 3) | of which tenant settings | reads | ≤ 5 on the wire? | ≤ 5 without the settings? |");
  lines.push("|---|---|---|---|---|---|");
  for (const p of [...pageSizes, ...pages.filter((p) => p.key !== "accounts")]) {
    const c = counts[p.key];
    lines.push(`| ${p.label} | ${c.min}${c.max !== c.min ? `–${c.max}` : ""} | ${c.settings} | ${c.reads} | ${met(c.min <= 5)} | ${met(c.min - c.settings <= 5)} |`);
  }
  lines.push("");
  if (results.deep && results.accounts) {
    const deep1 = median(rounds.deep.map((r, i) => r.app1.p50 / rounds.accounts[i].app1.p50));
    const deep10 = median(rounds.deep.map((r, i) => r.app10.rps / rounds.accounts[i].app10.rps));
    lines.push(`- Deep page (page ${DEEP_PAGE}) vs page 1, p50 at 1 connection: ${f0(results.deep.app1.p50)} vs ${f0(results.accounts.app1.p50)} ms = ${deep1.toFixed(2)}× (target ≤ 2×: ${met(deep1 <= 2)}); throughput at 10 connections ${deep10.toFixed(2)}× page 1's.`);
  }
  lines.push(
    `- JS shipped by the accounts page: ${srcs.length} \`<script src>\` chunks; the module scripts a current browser runs: ${(jsRaw / 1024).toFixed(0)} kB raw, **${(jsGzip / 1024).toFixed(1)} kB gzip** ` +
      `(target ≤ 150 kB: ${met(jsGzip / 1024 <= 150)}); plus ${(noModuleGzip / 1024).toFixed(1)} kB gzip of \`nomodule\` polyfills, fetched only by browsers without ES modules ` +
      `(${((jsGzip + noModuleGzip) / 1024).toFixed(1)} kB counting them, as runs before 2026-12-04 (issue 15) did).`,
  );
  lines.push(`- Slowest statements (wire time at the proxy, single sequential requests): ${slowest.map((s) => `${s.ms.toFixed(1)} ms on "${s.page}": \`${oneLine(s.sql, 110)}\``).join("; ")}.`);
  lines.push(
    `- Framework floor: \`/signin\` (no session, no SQL, the same server, proxy and CSP nonce) serves ${f1(floor.app1.rps)} req/s at 1 connection ` +
      `(p50 ${f0(floor.app1.p50)} ms) and ${f1(floor.app10.rps)} req/s at 10 (p50 ${f0(floor.app10.p50)} ms). Pages whose bare endpoint answers more than ` +
      `twice that (${f1(2 * floor.app1.rps)} / ${f1(2 * floor.app10.rps)} req/s) cannot reach 0.5× with any amount of work removed from the page: ` +
      `${pages.filter((p) => results[p.key].bare1.rps > 2 * floor.app1.rps || results[p.key].bare10.rps > 2 * floor.app10.rps).map((p) => p.label).join("; ") || "none"}.`,
  );
  lines.push(`- The bare endpoint's accounts statements are the ones \`lib/db/accounts/accounts-sql.ts\` builds (pageStatement with its total): ${builderSqlMatches ? "verified identical" : "**NOT identical — check**"}.`);
  console.log(`\n${lines.join("\n")}\n`);
  writeFileSync(`${DATA_DIR}/last-run.md`, `${lines.join("\n")}\n`);
  log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  log(`report also written to ${DATA_DIR}/last-run.md; statements per page in ${DATA_DIR}/statements.json`);
}

try {
  await main();
} catch (error) {
  console.error(`bench:web failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
