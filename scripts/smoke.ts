// Smoke test of the zero-setup default: `npm start` with no DATABASE_URL must bring up an embedded
// PostgreSQL, serve the sign-in page and /api/health, and stop cleanly (no PostgreSQL left behind).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = 3290;
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

try {
  const health = await waitForHealth();
  check("/api/health answers 200 with the database up", health?.status === 200, health ? JSON.stringify(await health.json()) : "no answer");
  const signIn = await fetch(`http://localhost:${port}/signin`);
  const html = await signIn.text();
  check("sign-in page renders", signIn.status === 200 && html.includes('name="password"'), `status ${signIn.status}`);
  check("embedded data directory created", existsSync(join(pgDir(), "PG_VERSION")));
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
