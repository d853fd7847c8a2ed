// `npx tsx --conditions=react-server bench/web-profile.ts`: where a page's server time goes (decision 027).
// Against a database bench:web kept (BENCH_WEB_KEEP_DB=1; its URL in BENCH_WEB_DATABASE_URL), it starts the
// built app with `node --cpu-prof` (PROFILE_PORT, default 3392), signs the bench user in, prints each page's
// HTML and flight (RSC) payload sizes, drives each page with autocannon (PROFILE_SECONDS over PROFILE_CONNECTIONS, default 1) and
// stops the server, which writes one .cpuprofile per page under PROFILE_DIR. Summarise with bench/cpuprofile-top.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { deriveActionEncryptionKey } from "@/lib/deploy/action-key";
import { applyMigrations } from "@/lib/db/migrate";
import { benchWebOwner, pageWeight, signInCookie } from "./support/page-session";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const PORT = Number(process.env.PROFILE_PORT ?? 3392);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const DIR = process.env.PROFILE_DIR ?? "/tmp/gatehouse-profiles";
/** PROFILE_CPU_PROF=0: no profiler, only the process CPU time per request (its sampling costs CPU of its own). */
const CPU_PROF = process.env.PROFILE_CPU_PROF !== "0";
/** PROFILE_CONNECTIONS: autocannon's connections (default 1); 10 is the throughput target's load, where GC and queueing differ. */
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 1);

/** User + system CPU time of a process, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const PAGES = (process.env.PROFILE_PAGES ?? "/signin,/accounts").split(",");
const base = `http://127.0.0.1:${PORT}`;
const EMAIL = `bench-profile-${process.pid}@gatehouse.example`; // one user per run (see page-cpu.ts)
const SECRET = randomBytes(32).toString("hex");

async function serve(dir: string) {
  mkdirSync(dir, { recursive: true });
  // The server process scripts/start.ts would start (after its migrations and build check), under --cpu-prof:
  // Node refuses --cpu-prof in NODE_OPTIONS, so `npm start` cannot carry it.
  const child = spawn(process.execPath, [...(CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []), "--import", "tsx", "scripts/serve.ts"], {
    detached: true,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: URL_, AUTH_SECRET: SECRET, PORT: String(PORT), NODE_ENV: "production", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: deriveActionEncryptionKey(SECRET) },
  });
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`${base}/signin`, { signal: AbortSignal.timeout(2000) });
      return child;
    } catch {
      await sleep(500);
    }
  }
  throw new Error("server did not start");
}

async function main() {
  // As page-cpu.ts: the migrations set the scoped-work role's password from this run's AUTH_SECRET (else every page is denied).
  await applyMigrations(URL_, undefined, { ...process.env, AUTH_SECRET: SECRET });
  const { db, password } = await benchWebOwner(URL_, EMAIL, "Profile user");

  for (const path of PAGES) {
    const dir = `${DIR}/${path.replace(/[^a-z0-9]+/gi, "_")}`;
    const child = await serve(dir);
    const cookie = await signInCookie(base, EMAIL, password);
    const headers: Record<string, string> = path === "/signin" ? {} : { cookie };
    const weight = await pageWeight(base, path, headers);
    console.log(`[profile] ${path}: HTML ${weight.html} B (inline flight ${weight.flight} B), RSC navigation payload ${weight.rsc} B`);
    // CPU time the server process (all its threads) spent in the window, which a process waiting for a core
    // does not accrue: comparable across loads, unlike the profile's sampled wall time.
    // Without the profiler the window is for comparing, so the first requests' compiling is left out of it.
    if (!CPU_PROF) await new Promise((resolve, reject) => autocannon({ url: base + path, connections: 1, amount: 20, headers }, (e, result) => (e ? reject(e) : resolve(result))));
    const cpuBefore = cpuMs(child.pid!);
    const r = await new Promise<{ requests: { average: number; total: number }; latency: { p50: number }; non2xx: number }>((resolve, reject) => autocannon({ url: base + path, connections: CONNECTIONS, duration: SECONDS, headers }, (e, result) => (e ? reject(e) : resolve(result))));
    const cpu = cpuMs(child.pid!) - cpuBefore;
    console.log(`[profile] ${path}: @${CONNECTIONS} ${r.requests.average} req/s p50 ${r.latency.p50} ms, non-2xx ${r.non2xx}; process CPU ${cpu} ms for ${r.requests.total} requests = ${(cpu / r.requests.total).toFixed(1)} ms per request`);
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await sleep(2000);
    console.log(`[profile] ${path}: profiles ${readdirSync(dir).join(", ")}`);
  }
  await db.user.deleteMany({ where: { email: EMAIL } });
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
