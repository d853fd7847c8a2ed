import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { appLogin } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/registry";
import { JOBS_SCHEMA } from "@/lib/jobs/worker";
import { startPgBouncer } from "@/tests/support/pgbouncer";
import { createTenant, tenantSnapshot, type Tenant } from "./fixtures";

// Issue 14: two app processes, started as `npm start` starts one, behind one real PgBouncer in transaction
// mode with a pool of ONE server connection, on the suite's database (DATABASE_DIRECT_URL direct, for
// migrations and pg-boss). They share AUTH_SECRET, so a session and a server action made on one hold on
// the other; they share the database, so the sign-in limit counts both. Both reuse the suite's build.
const SECRET = "e2e-only-secret-0123456789abcdefghijklmnop";
// Beside the suite's own server (E2E_PORT; day-one uses +50): E2E_PORT 4200 → apps 4210 and 4220, PgBouncer 6450.
const suitePort = Number(process.env.E2E_PORT ?? 3210);
const PORTS = [suitePort + 10, suitePort + 20] as const;
const BOUNCER_PORT = suitePort + 2250;
const bases = PORTS.map((p) => `http://localhost:${p}`);

let bouncer: Awaited<ReturnType<typeof startPgBouncer>> | undefined;
const apps: { child: ChildProcess; output: string; dataDir: string }[] = [];

/** Whether nothing listens on the port: a taken one (E2E_PORT 3296 puts app A on MariaDB's 3306) would otherwise
 * fail as an app that never answers, with no word of why. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer().once("error", () => resolve(false));
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(200_000);
  for (const port of [...PORTS, BOUNCER_PORT])
    expect(await portIsFree(port), `port ${port} (E2E_PORT ${suitePort} + 10, + 20, + 2250) is already in use: choose another E2E_PORT`).toBe(true);
  const direct = process.env.E2E_DATABASE_URL!;
  const login = appLogin(direct, { AUTH_SECRET: SECRET });
  const owner = new URL(direct);
  bouncer = await startPgBouncer({
    upstreamUrl: direct, port: BOUNCER_PORT, poolSize: 1,
    users: [{ name: decodeURIComponent(owner.username), password: decodeURIComponent(owner.password) }, { name: login.role, password: login.password! }],
  });
  for (const port of PORTS) {
    const dataDir = mkdtempSync(join(tmpdir(), "gh-scale-out-"));
    const child = spawn("npm", ["start"], {
      detached: true, // its own process group: npm, the launcher, next and the worker stop together
      env: { ...process.env, NODE_OPTIONS: "", PORT: String(port), DATABASE_URL: bouncer.urlFor(direct), DATABASE_DIRECT_URL: direct,
        GATEHOUSE_SEED: "none", GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_REUSE_BUILD: "1", AUTH_SECRET: SECRET },
    });
    const app = { child, output: "", dataDir };
    child.stdout!.on("data", (chunk: Buffer) => (app.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (app.output += chunk.toString()));
    apps.push(app);
  }
  for (const [i, base] of bases.entries())
    await expect.poll(async () => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 150_000, intervals: [500], message: apps[i]!.output }).toBe(200);
});

test.afterAll(async () => {
  for (const { child } of apps) {
    if (!child.pid || child.exitCode !== null) continue;
    process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
  for (const { dataDir } of apps) rmSync(dataDir, { recursive: true, force: true });
  await bouncer?.stop();
});

async function signInOn(browser: Browser, base: string, tenant: Tenant): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel("メールアドレス").fill(tenant.email);
  await page.getByLabel("パスワード").fill(tenant.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.search === "");
  await page.close();
  return context;
}

/** One wrong-password attempt through Auth.js's endpoint of one process (CSRF token included). */
async function wrongPassword(base: string, email: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual", body: new URLSearchParams({ email, password: "wrong password", csrfToken }),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
  });
  return response.status;
}

function snapshotWithStore(store: string) {
  const snapshot = tenantSnapshot();
  snapshot.accounts[0]!.storeName = store;
  return snapshot;
}

test("signed in on one process, the same cookie continues on the other", async ({ browser }) => {
  const store = `Ferry Books ${randomUUID().slice(0, 6)}`;
  const tenant = await createTenant("OWNER", snapshotWithStore(store));
  const context = await signInOn(browser, bases[0]!, tenant);
  const page = await context.newPage();
  await page.goto(`${bases[1]}/accounts`);
  await expect(page).toHaveURL(`${bases[1]}/accounts`);
  await expect(page.getByText(store).first()).toBeVisible();
  await context.close();
});

test("the sign-in limit counts failures on both processes together", async () => {
  const email = `nobody-${randomUUID()}@test.example`;
  // Five per e-mail (lib/auth/rate-limit.ts): three on A, two on B, then both refuse.
  for (const base of [bases[0], bases[0], bases[0], bases[1], bases[1]]) expect(await wrongPassword(base!, email)).toBe(302);
  expect(await wrongPassword(bases[0]!, email)).toBe(429);
  expect(await wrongPassword(bases[1]!, email)).toBe(429);
});

test("two organisations interleave across both processes on one server connection, each seeing only its own accounts", async ({ browser }) => {
  const stores = [`Harbour Goods ${randomUUID().slice(0, 6)}`, `Maple Crafts ${randomUUID().slice(0, 6)}`];
  const tenants = await Promise.all(stores.map((s) => createTenant("OWNER", snapshotWithStore(s))));
  const contexts = await Promise.all(tenants.map((t, i) => signInOn(browser, bases[i]!, t)));
  // Sixteen requests at once: each organisation on both processes, all through PgBouncer's single connection.
  const requests = Array.from({ length: 16 }, (_, i) => ({ org: i % 2, base: bases[Math.floor(i / 2) % 2]! }));
  const pages = await Promise.all(requests.map(({ org, base }) => contexts[org]!.request.get(`${base}/accounts`).then(async (r) => ({ org, status: r.status(), html: await r.text() }))));
  for (const { org, status, html } of pages) {
    expect(status).toBe(200);
    expect(html).toContain(stores[org]);
    expect(html).not.toContain(stores[1 - org]);
  }
  await Promise.all(contexts.map((c) => c.close()));
});

test("a server action from a form rendered by one process succeeds on the other, and the job it queues runs once", async ({ browser }) => {
  const tenant = await createTenant();
  const context = await signInOn(browser, bases[0]!, tenant);
  const page = await context.newPage();
  await page.goto(`${bases[0]}/settings`);
  // Every POST of this page (the server action) goes to B instead, as a load balancer would send it. Behind
  // a balancer both share one origin; here they differ by port, so the Origin is B's, as the balancer's host.
  const rerouted: number[] = [];
  await page.route((url) => url.port === String(PORTS[0]), async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const url = new URL(route.request().url());
    url.port = String(PORTS[1]);
    const response = await route.fetch({ url: url.toString(), headers: { ...route.request().headers(), origin: bases[1]! } });
    rerouted.push(response.status());
    await route.fulfill({ response });
  });
  const form = page.getByTestId("risk-settings-form");
  await form.getByLabel("管理者の上限人数").fill("4");
  await form.getByRole("button", { name: "保存して再計算" }).click();
  await expect.poll(() => rerouted).toEqual([200]);
  await page.unrouteAll();
  // Saved: B, read afresh, shows the new value.
  await expect(async () => {
    await page.goto(`${bases[1]}/settings`);
    await expect(page.getByTestId("risk-settings-form").getByLabel("管理者の上限人数")).toHaveValue("4", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // The save queued one recompute for this organisation; three workers (A, B, the suite's own server)
  // poll the queue, and pg-boss hands it to one: it completes once, never retried nor duplicated.
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const runs = () => db.$queryRawUnsafe<{ state: string; retryCount: number }[]>(
      `SELECT state::text, retry_count AS "retryCount" FROM ${JOBS_SCHEMA}.job WHERE name = 'risk.recompute-organisation' AND data->>'orgId' = $1`, tenant.orgId);
    await expect.poll(runs, { timeout: 30_000 }).toEqual([{ state: "completed", retryCount: 0 }]);
  } finally {
    await db.$disconnect();
  }
  await context.close();
});

test("a scheduled job fires once a minute, whichever of the workers sees the schedule first", async () => {
  test.setTimeout(200_000);
  const db = createDb(process.env.E2E_DATABASE_URL!);
  const name = "acceptances.reopen-expired" as const; // idempotent, and harmless to run more often here
  // pg-boss turns a due schedule into a "send it" job keyed by the schedule's name and its minute (singleton_on),
  // then a worker inserts the job itself. The job's own created_on is when that worker got to it, which can fall
  // in the next minute (a tick at :58 sent at :01, beside that minute's own): so each run is counted per
  // scheduled minute, through the "send it" job that made it, not by the minute it happened to be created in.
  const minutes = () => db.$queryRawUnsafe<{ minute: string; sends: number; completed: number }[]>(
    `SELECT singleton_on::text AS minute, count(*)::int AS sends, count(*) FILTER (WHERE state = 'completed')::int AS completed
     FROM ${JOBS_SCHEMA}.job WHERE name = '__pgboss__send-it' AND data->>'name' = $1 AND created_on > $2 GROUP BY 1 ORDER BY 1`, name, since);
  const runs = () => db.$queryRawUnsafe<{ runs: number; completed: number }[]>(
    `SELECT count(*)::int AS runs, count(*) FILTER (WHERE state = 'completed' AND retry_count = 0)::int AS completed
     FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND created_on > $2`, name, since);
  const cronTick = async () => (await db.$queryRawUnsafe<{ at: string | null }[]>(`SELECT cron_on::text AS at FROM ${JOBS_SCHEMA}.version`))[0]?.at ?? null;
  const since = new Date();
  try {
    // Every minute instead of hourly: the workers' cron monitors (every 30 s, one of them per tick) pick it up.
    await db.$executeRawUnsafe(`UPDATE ${JOBS_SCHEMA}.schedule SET cron = '* * * * *' WHERE name = $1`, name);
    await expect.poll(async () => (await runs())[0]!.completed, { timeout: 100_000, intervals: [1_000] }).toBeGreaterThan(0);
    // One more cron tick after it (any worker's), so a duplicate for that minute would have been made by now.
    const tick = await cronTick();
    // A monitor moves the tick only when the last is 30 s old, and each checks every 30 s: a check just short of
    // 30 s waits for its next, so the next tick can take up to ~60 s.
    await expect.poll(cronTick, { timeout: 70_000, intervals: [1_000] }).not.toBe(tick);
    // Every "send it" inserted becomes its job within the send-it worker's poll (5 s): wait for them all.
    await expect.poll(async () => (await minutes()).every((m) => m.completed === m.sends), { timeout: 30_000, intervals: [1_000] }).toBe(true);
    const scheduled = await minutes();
    expect(scheduled.length).toBeGreaterThan(0);
    // Once per scheduled minute, however many workers ticked in it ...
    for (const minute of scheduled) expect(minute.sends, minute.minute).toBe(1);
    // ... and each send made exactly one run, none doubled by two workers fetching it. The schedule keeps
    // ticking meanwhile, so the runs are read between two readings of the sends: at least those completed
    // before, at most those sent after.
    const made = (await runs())[0]!.runs;
    const after = await minutes();
    expect(made).toBeGreaterThanOrEqual(scheduled.reduce((n, m) => n + m.completed, 0));
    expect(made).toBeLessThanOrEqual(after.reduce((n, m) => n + m.sends, 0));
  } finally {
    await db.$executeRawUnsafe(`UPDATE ${JOBS_SCHEMA}.schedule SET cron = $2 WHERE name = $1`, name, JOBS[name].cron);
    await db.$disconnect();
  }
});
