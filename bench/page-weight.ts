// `npx tsx --conditions=react-server bench/page-weight.ts`: what each page weighs, in bytes and in server
// CPU, beside `/signin` (decision 034). Against a database bench:web kept (BENCH_WEB_DATABASE_URL), it starts
// the built app (WEIGHT_PORT, default 3442), signs an Owner of the largest organisation in, and for each of
// WEIGHT_PAGES prints the HTML, the flight (RSC) payload inlined in it, the RSC navigation payload, and
// the server's CPU time per request over WEIGHT_REQUESTS sequential requests (utime + stime of the server
// process from /proc, so other load on the machine moves it far less than it moves latency) with its
// ratio to `/signin`'s, measured in the same run. Figures, not a test. WEIGHT_SAVE_DIR=<dir> also writes each
// page's HTML and RSC payload there, to read what the bytes are.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { deriveActionEncryptionKey } from "@/lib/deploy/action-key";
import { benchWebOwner, pageWeight, signInCookie, timedGets, waitForServer } from "./support/page-session";
import { cpuMs } from "./support/process-cpu";

const URL_ = process.env.BENCH_WEB_DATABASE_URL!;
const PORT = Number(process.env.WEIGHT_PORT ?? 3442);
const REQUESTS = Number(process.env.WEIGHT_REQUESTS ?? 40);
const PAGES = ["/signin", ...(process.env.WEIGHT_PAGES ?? "/accounts").split(",")];
const base = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench-weight@gatehouse.example";
const SECRET = randomBytes(32).toString("hex");


async function main() {
  const { db, password } = await benchWebOwner(URL_, EMAIL, "Weight user");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: URL_, AUTH_SECRET: SECRET, PORT: String(PORT), NODE_ENV: "production", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: deriveActionEncryptionKey(SECRET) },
  });
  try {
    await waitForServer(base);
    const cookie = await signInCookie(base, EMAIL, password);
    console.log(`load average at start ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${REQUESTS} sequential requests per page`);
    console.log("| Page | HTML B | inline flight B | RSC navigation B | server CPU ms / request | ÷ `/signin` | wall p50 ms |");
    console.log("|---|---|---|---|---|---|---|");
    let floor = 0;
    for (const path of PAGES) {
      const headers: Record<string, string> = path === "/signin" ? {} : { cookie };
      const weight = await pageWeight(base, path, headers);
      if (process.env.WEIGHT_SAVE_DIR) {
        const dir = process.env.WEIGHT_SAVE_DIR;
        const name = path.replace(/[^a-z0-9]+/gi, "_");
        mkdirSync(dir, { recursive: true });
        writeFileSync(`${dir}/${name}.html`, await (await fetch(base + path, { headers })).text());
        writeFileSync(`${dir}/${name}.rsc`, await (await fetch(base + path, { headers: { ...headers, RSC: "1" } })).text());
      }
      for (let i = 0; i < 3; i++) await (await fetch(base + path, { headers })).text(); // warm-up
      const before = cpuMs(child.pid!);
      const walls = await timedGets(base, path, headers, REQUESTS);
      const cpu = (cpuMs(child.pid!) - before) / REQUESTS;
      if (path === "/signin") floor = cpu;
      walls.sort((a, b) => a - b);
      console.log(`| ${path} | ${weight.html} | ${weight.flight} | ${weight.rsc} | ${cpu.toFixed(1)} | ${(cpu / floor).toFixed(1)}× | ${walls[Math.floor(walls.length / 2)].toFixed(0)} |`);
    }
    console.log(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await db.user.deleteMany({ where: { email: EMAIL } });
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
