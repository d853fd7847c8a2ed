// `npm start`: the one command that brings Gatehouse up. With DATABASE_URL it uses that PostgreSQL;
// without it, an embedded PostgreSQL under .gatehouse/ (kept across restarts). Then it migrates,
// seeds the demo into an empty database, builds if the build is missing or stale, and serves.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { appDatabaseUrl } from "@/lib/db/app-role";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { createDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { prepareSetupToken } from "@/lib/db/setup/setup-token";
import { DEMO_USER } from "@/lib/db/seed";
import { actionEncryptionKey } from "@/lib/deploy/action-key";
import { parseEnv } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { buildFingerprint } from "./build-fingerprint";
import { claimBuild, recordNotice, refusal } from "./build-lock";
import { utcToday } from "@/lib/days";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[gatehouse] ${line}`);

async function main() {
  const env = parseEnv();
  await mkdir(env.GATEHOUSE_DATA_DIR, { recursive: true });
  let embedded: EmbeddedDatabase | undefined;
  const app: { child?: ChildProcess; worker?: { stop(options?: { graceful?: boolean; wait?: boolean }): Promise<void> } } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = app.child;
    child?.kill("SIGTERM");
    // A job still running is abandoned, not awaited: it expires and runs again (jobs are idempotent).
    await app.worker?.stop({ graceful: false, wait: true }).catch(() => undefined);
    if (child && child.exitCode === null) await new Promise((r) => child.once("exit", r));
    if (embedded) {
      log("stopping embedded PostgreSQL");
      await embedded.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // Before the database: a launcher that may not use this folder's build stops at once (decision 076).
  const build = dev ? null : await claimThisFoldersBuild(env.PORT);

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: env.GATEHOUSE_DATA_DIR });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.pgDir})`);
  } else {
    log("using DATABASE_URL");
  }

  // Before the database: the password of the role signed-in users' queries run as is derived from it.
  const authSecret = env.AUTH_SECRET ?? (await persistentSecret(join(env.GATEHOUSE_DATA_DIR, "auth-secret")));
  const prepared = await prepareDatabase(databaseUrl, {
    seed: env.GATEHOUSE_SEED === "demo",
    today: utcToday(),
    env: { AUTH_SECRET: authSecret, DATABASE_APP_URL: env.DATABASE_APP_URL, DATABASE_DIRECT_URL: env.DATABASE_DIRECT_URL },
  });
  if (prepared.migrationsApplied.length) log(`applied migrations: ${prepared.migrationsApplied.join(", ")}`);
  if (prepared.seed === "seeded") log("loaded the demo agency");
  const setup = await issueSetupToken(databaseUrl, env.GATEHOUSE_DATA_DIR);

  // Every process of a deployment must accept the others' server actions: one key, from the shared secret.
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    PORT: String(env.PORT),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionEncryptionKey(env, authSecret),
    // An access-hygiene tool installed on a team's own machine sends nothing home: Next.js's anonymous build and
    // runtime telemetry is off. Next reads any non-empty value as "off", so an operator who wants it sets the
    // variable to an empty string (NEXT_TELEMETRY_DISABLED=).
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };

  if (build) {
    log("building the app (first start or changed sources; 2–5 minutes on a 2-core machine)");
    const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (result.status !== 0) throw new Error("next build failed");
    await writeFile(join(".next", "gatehouse-build-fingerprint"), build.fingerprint);
    await build.claim.nowServing();
  }

  // Next.js behind one step of ours that records each request's TCP peer (scripts/serve.ts, decision 010).
  // Node itself with tsx's loader (no npx or shell between): a SIGTERM from here reaches the server.
  app.child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  app.child.on("exit", (code) => void stop(code ?? 0));
  // Background jobs run here, beside the web server, in this launcher's own process (GATEHOUSE_JOBS=off:
  // a web-only replica). Every replica may run one; pg-boss hands each job to one of them (lib/jobs).
  if (env.GATEHOUSE_JOBS === "on") {
    // Its jobs reach this database through these strings, not process.env: only the web child has DATABASE_URL (decision 088).
    const appConnectionString = appDatabaseUrl({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, DATABASE_APP_URL: env.DATABASE_APP_URL });
    app.worker = await startWorker({ connectionString: databaseUrl, appConnectionString, bossConnectionString: env.DATABASE_DIRECT_URL ?? databaseUrl });
    log("background jobs running in this process (GATEHOUSE_JOBS=off to disable)");
  }
  const base = process.env.APP_URL?.replace(/\/$/, "") ?? `http://localhost:${env.PORT}`;
  if (env.GATEHOUSE_SEED === "demo") {
    log(`open ${base} and sign in as ${DEMO_USER.email} / ${DEMO_USER.password}`);
  }
  // An empty database (GATEHOUSE_SEED=none): the single-use setup link, printed only when it is issued.
  if (setup.kind === "issued") log(`no organisation yet: create yours at ${base}/setup?token=${setup.token} (this link works once and is not printed again)`);
  else if (setup.kind === "pending") log(`no organisation yet: open the setup link printed at the first start; its token is in ${setup.file} (${base}/setup?token=…)`);
}

/**
 * Whether the build in .next is missing or stale, and this launcher's claim on it (scripts/build-lock.ts): null
 * when it serves the build as it is, the fingerprint to stamp when it must build. Exits when another launcher of
 * this folder holds the build: a rebuild under a running one broke it (decision 071's "left alone", 076).
 */
async function claimThisFoldersBuild(port: number) {
  const fingerprint = await buildFingerprint();
  const stamp = join(".next", "gatehouse-build-fingerprint");
  const complete = existsSync(join(".next", "BUILD_ID")) && existsSync(stamp);
  const built = complete && (await readFile(stamp, "utf8")) === fingerprint;
  // A second instance started beside a running one (the first-run browser test) must not rebuild the
  // .next the first one is serving from: it serves the existing build as it is.
  const reuse = process.env.GATEHOUSE_REUSE_BUILD === "1" && existsSync(join(".next", "BUILD_ID"));
  if (!built && reuse) log("serving the existing build (GATEHOUSE_REUSE_BUILD=1), although sources changed since it was made");
  const claim = await claimBuild(process.cwd(), { pid: process.pid, port, intent: !built && !reuse ? "build" : "serve" });
  if (!claim.ok) {
    console.error(`[gatehouse] could not start: ${refusal(claim, !complete)}`);
    process.exit(1);
  }
  // A checkout it cannot write (a read-only mount) still serves its current build: one line says where the record went.
  const notice = recordNotice(claim);
  if (claim.recordedIn === "temporary") log(notice!);
  else if (notice) console.error(`[gatehouse] ${notice}`);
  // However this process ends (Ctrl-C, an error, the server exiting), its record goes with it.
  process.on("exit", claim.release);
  return claim.record.intent === "build" ? { fingerprint, claim } : null;
}

async function issueSetupToken(databaseUrl: string, dataDir: string) {
  const db = createDb(databaseUrl);
  try {
    return await prepareSetupToken(db, dataDir);
  } finally {
    await db.$disconnect();
  }
}

async function persistentSecret(path: string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(`[gatehouse] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
