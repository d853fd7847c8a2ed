// Smoke test of the zero-setup default: `npm start` with no DATABASE_URL must bring up an embedded
// PostgreSQL, serve the sign-in page and /api/health, and stop cleanly (no PostgreSQL left behind).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PgBoss from "pg-boss";

const port = Number(process.env.SMOKE_PORT ?? 3290); // another port for a run beside CI's (a helper's block)
const dataDir = await mkdtemp(join(tmpdir(), "gatehouse-smoke-"));
await chmod(dataDir, 0o755);
const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), GATEHOUSE_DATA_DIR: dataDir };
delete env.DATABASE_URL;
// As root in a clone the postgres user cannot reach (mode-700 parent), the cluster is relocated and
// pg-location says where (decisions 013, 050); otherwise it is <dataDir>/pg.
const relocatedBase = () => (existsSync(join(dataDir, "pg-location")) ? readFileSync(join(dataDir, "pg-location"), "utf8").trim() : "");
const pgDir = () => join(relocatedBase() || dataDir, "pg");

const app = spawn("npm", ["start"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "inherit", "inherit"], detached: true });
let failures = 0;
const check = (name: string, ok: boolean, detail = "") => {
  console.log(`${ok ? "ok" : "FAIL"} - ${name}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures += 1;
};

// The first start builds the app: a minute on an idle machine, several on a busy 2-core one (seen: over
// four minutes at load 12), so the wait is generous; it ends at once when the launcher exits.
let exited = false;
app.once("exit", () => (exited = true));
async function waitForHealth(): Promise<Response | null> {
  for (let i = 0; i < 900 && !exited; i++) {
    try {
      return await fetch(`http://localhost:${port}/api/health`);
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return null;
}

/** Sends `name` to the launcher's worker through the embedded database and waits (≤ 30 s) for it to finish. */
async function runJobOnEmbedded(name: string): Promise<{ state: string; output: unknown } | null> {
  if (!existsSync(join(dataDir, "pg-port")) || !existsSync(join(dataDir, "pg-password"))) return null;
  const port = readFileSync(join(dataDir, "pg-port"), "utf8").trim();
  const password = encodeURIComponent(readFileSync(join(dataDir, "pg-password"), "utf8").trim());
  const boss = new PgBoss({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/gatehouse`, schema: "pgboss", supervise: false, schedule: false, max: 1 });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    const id = await boss.send(name, {}, { retryLimit: 0 });
    for (let i = 0; id && i < 60; i++) {
      const job = await boss.getJobById<object>(name, id);
      if (job && ["completed", "failed"].includes(job.state)) return { state: job.state, output: job.output };
      await new Promise((r) => setTimeout(r, 500));
    }
    return null;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

try {
  const health = await waitForHealth();
  check("/api/health answers 200 with the database up", health?.status === 200, health ? JSON.stringify(await health.json()) : "no answer");
  const signIn = await fetch(`http://localhost:${port}/signin`);
  const html = await signIn.text();
  check("sign-in page renders", signIn.status === 200 && html.includes('name="password"'), `status ${signIn.status}`);
  check("embedded data directory created", existsSync(join(pgDir(), "PG_VERSION")));
  // The worker runs in the launcher, whose own environment has no DATABASE_URL (decision 088): one job that
  // reads and writes through the data layer must complete on the embedded database.
  const job = await runJobOnEmbedded("reviews.start-due-recurrences");
  check("a background job completes on the embedded database", job?.state === "completed", job ? `${job.state} ${JSON.stringify(job.output)}` : "no answer");
} finally {
  if (!exited) {
    process.kill(-app.pid!, "SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
  // PostgreSQL removes its pid file last, a moment after the launcher has gone (longer on a busy machine).
  const pidFile = join(pgDir(), "postmaster.pid");
  for (let i = 0; i < 60 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 500));
  check("stopped cleanly: no postmaster.pid left", !existsSync(pidFile));
  const relocated = relocatedBase();
  if (relocated) await rm(relocated, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
console.log(failures === 0 ? "smoke: passed" : `smoke: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
