// `npx tsx --conditions=react-server bench/chrome-session-cpu.ts`: the app-side CPU of the chrome's two
// per-request steps, measured in one process without a server around them (decision 037): reading the session
// cookie (Auth.js's session action as next-auth's auth() runs it in a server component, against decoding the
// cookie with next-auth/jwt, the first time and when this process has decoded it before), and the session check with the scope read (two statements in parallel, as before,
// against the one statement of lib/db/session-scope.ts). CPU from process.cpuUsage (user + system) over N
// calls after a warm-up, the two variants alternated CHROME_ROUNDS times. Against a database bench:web kept
// (BENCH_WEB_DATABASE_URL), as the bench user's Owner. Figures, not a test.
import { Auth, createActionURL, type AuthConfig } from "@auth/core";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { decodedSessionTokens, readSessionClaims } from "@/lib/auth/session-token";
import { createDb } from "@/lib/db/client";
import { resolveScope } from "@/lib/db/scope";
import { readLiveSessionWithScope } from "@/lib/db/session-scope";
import { createUserSession, validateUserSession } from "@/lib/db/sessions";
import { cpuMs } from "./support/process-cpu";

const URL_ = process.env.BENCH_WEB_DATABASE_URL;
const N = Number(process.env.CHROME_CALLS ?? 400);
const ROUNDS = Number(process.env.CHROME_ROUNDS ?? 3);
const SECRET = "chrome-session-cpu-bench-secret-0123456789";
const COOKIE = "authjs.session-token";

/** The CPU ms the database's backends (the monitor's own left out) have used so far, by pid. */
async function backends(monitor: pg.Client): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/** Mean CPU ms per call of `fn` of this process (user + system) and of the database's backends, over N sequential calls after N/4 to warm up. */
async function cpuPerCall(monitor: pg.Client, fn: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < N / 4; i++) await fn();
  const pgBefore = await backends(monitor);
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) await fn();
  const used = process.cpuUsage(before);
  let pgMs = 0;
  for (const [pid, ms] of await backends(monitor)) pgMs += ms - (pgBefore.get(pid) ?? 0);
  return [(used.user + used.system) / 1000 / N, pgMs / N];
}

async function main() {
  if (!URL_) throw new Error("set BENCH_WEB_DATABASE_URL to a database bench:web kept");
  process.env.DATABASE_URL = URL_;
  const db = createDb(URL_);
  const monitor = new pg.Client({ connectionString: URL_ });
  await monitor.connect();
  const owner = await db.membership.findFirstOrThrow({ where: { role: "OWNER", org: { name: { startsWith: "Bench agency " } } }, orderBy: { createdAt: "asc" }, select: { userId: true, orgId: true } });
  const sid = await createUserSession(owner.userId, { userAgent: "chrome-session-cpu" });
  const token = await encode({ token: { uid: owner.userId, sid, name: "Bench", email: "bench@gatehouse.example" }, secret: SECRET, salt: COOKIE, maxAge: 12 * 3600 });
  const headers = new Headers({ cookie: `${COOKIE}=${token}; gh_org=${owner.orgId}`, host: "127.0.0.1:3000", "x-forwarded-proto": "http" });

  // auth.ts's configuration as far as a session read goes (its callbacks, wrapped as next-auth's auth() wraps them).
  const config: AuthConfig = {
    secret: SECRET,
    basePath: "/api/auth",
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    providers: [],
    callbacks: {
      jwt: ({ token: t }) => t,
      session: ({ session, token: t }) => ({ ...session, user: { ...session.user, id: String(t.uid) }, sid: t.sid }),
    },
  };
  // next-auth's getSession() in a server component: a Request to its own session action, the JSON parsed back.
  const viaAuth = async () => {
    const url = createActionURL("session", headers.get("x-forwarded-proto")!, headers, process.env, config);
    const response = await Auth(new Request(url, { headers: { cookie: headers.get("cookie") ?? "" } }), config);
    return response.ok ? response.json() : null;
  };
  const viaDecode = () => readSessionClaims(headers, config);
  // The first request with a cookie: nothing kept yet, so it is decrypted.
  const viaDecrypt = () => {
    decodedSessionTokens.clear();
    return readSessionClaims(headers, config);
  };
  if ((await viaDecode())?.sid !== sid || ((await viaAuth()) as { sid?: string }).sid !== sid) throw new Error("the two readers disagree");

  const twoStatements = () => Promise.all([validateUserSession(sid, owner.userId), resolveScope(owner.userId, owner.orgId)]);
  const oneStatement = () => readLiveSessionWithScope(sid, owner.userId, owner.orgId);

  console.log(`${N} calls each after ${N / 4} to warm up, ${ROUNDS} rounds alternated; CPU ms per call: this process (user + system), and the database's backends for the statements (/proc, 10 ms ticks)`);
  console.log("| round | auth() session action | decrypt the cookie | the cookie, decoded before | session check + scope: two statements (app / PostgreSQL) | one statement (app / PostgreSQL) |");
  console.log("|---|---|---|---|---|---|");
  for (let round = 1; round <= ROUNDS; round++) {
    const [auth] = await cpuPerCall(monitor, viaAuth);
    const [decrypted] = await cpuPerCall(monitor, viaDecrypt);
    const [decoded] = await cpuPerCall(monitor, viaDecode);
    const two = await cpuPerCall(monitor, twoStatements);
    const one = await cpuPerCall(monitor, oneStatement);
    console.log(`| ${round} | ${auth.toFixed(3)} | ${decrypted.toFixed(3)} | ${decoded.toFixed(3)} | ${two.map((f) => f.toFixed(3)).join(" / ")} | ${one.map((f) => f.toFixed(3)).join(" / ")} |`);
  }
  await monitor.end();
  await db.userSession.delete({ where: { id: sid } });
  await db.$disconnect();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
