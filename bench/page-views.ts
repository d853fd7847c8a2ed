// `npx tsx --conditions=react-server bench/page-views.ts`: what one page *view* in a real browser asks of the
// server, beside what bench:web measures (one request per page). Against a database bench:web kept
// (BENCH_WEB_DATABASE_URL), it serves each build in VIEWS_DIRS in turn (scripts/serve.ts, as page-cpu.ts does;
// VIEWS_PORT, default 4560), signs an Owner in with Chromium, and for each of VIEWS_PAGES loads the page
// VIEWS_ROUNDS times, waiting VIEWS_SETTLE_MS after each load: the requests the view made to the server (and of
// them the router's prefetches, which carry Next-Router-Prefetch) and the server process's CPU over the view
// (utime + stime from /proc). Decision 040. Figures, not a test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "@playwright/test";
import { deriveActionEncryptionKey } from "@/lib/deploy/action-key";
import { benchWebOwner, signInTab, waitForServer } from "./support/page-session";
import { cpuMs } from "./support/process-cpu";

const URL_ = process.env.BENCH_WEB_DATABASE_URL;
const PORT = Number(process.env.VIEWS_PORT ?? 4560);
const DIRS = (process.env.VIEWS_DIRS ?? process.cwd()).split(",");
const PAGES = (process.env.VIEWS_PAGES ?? "/accounts,/people").split(",");
const ROUNDS = Number(process.env.VIEWS_ROUNDS ?? 3);
const SETTLE_MS = Number(process.env.VIEWS_SETTLE_MS ?? 3000);
const base = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench-views@gatehouse.example";
const SECRET = randomBytes(32).toString("hex");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function serve(dir: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: URL_, AUTH_SECRET: SECRET, PORT: String(PORT), NODE_ENV: "production", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: deriveActionEncryptionKey(SECRET) },
  });
}

async function main() {
  const { db, password } = await benchWebOwner(URL_, EMAIL, "Views user");
  console.log(`${ROUNDS} views per page, ${SETTLE_MS} ms after each load; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("| Build | Page | requests per view | of them prefetches | server CPU per view, ms (median; all) |");
  console.log("|---|---|---|---|---|");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const dir of DIRS) {
      const child = serve(dir);
      try {
        await waitForServer(base);
        const context = await browser.newContext({ baseURL: base });
        const tab = await context.newPage();
        await signInTab(tab, EMAIL, password);
        const seen: { prefetch: boolean }[] = [];
        tab.on("request", (r) => {
          if (r.url().startsWith(base) && !r.url().includes("/_next/static/")) seen.push({ prefetch: r.headers()["next-router-prefetch"] !== undefined });
        });
        for (const path of PAGES) {
          const requests: number[] = [];
          const prefetches: number[] = [];
          const cpu: number[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            seen.length = 0;
            const before = cpuMs(child.pid!);
            await tab.goto(path);
            await sleep(SETTLE_MS);
            cpu.push(cpuMs(child.pid!) - before);
            requests.push(seen.length);
            prefetches.push(seen.filter((s) => s.prefetch).length);
          }
          console.log(`| ${dir} | ${path} | ${median(requests)} | ${median(prefetches)} | ${median(cpu)} (${cpu.join(", ")}) |`);
        }
        await context.close();
      } finally {
        child.kill("SIGTERM");
        if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
      }
    }
  } finally {
    await browser.close();
    await db.user.deleteMany({ where: { email: EMAIL } });
    await db.$disconnect();
  }
  console.log(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
