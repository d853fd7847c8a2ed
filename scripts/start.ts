// `npm start`: the one command that brings Gatehouse up. With DATABASE_URL it uses that PostgreSQL;
// without it, an embedded PostgreSQL under .gatehouse/ (kept across restarts). Then it migrates,
// seeds the demo into an empty database, builds if the build is missing or stale, and serves.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { DEMO_USER } from "@/lib/db/seed";
import { parseEnv } from "@/lib/env";
import { buildFingerprint } from "./build-fingerprint";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[gatehouse] ${line}`);

async function main() {
  const env = parseEnv();
  await mkdir(env.GATEHOUSE_DATA_DIR, { recursive: true });
  let embedded: EmbeddedDatabase | undefined;
  const app: { child?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = app.child;
    child?.kill("SIGTERM");
    if (child && child.exitCode === null) await new Promise((r) => child.once("exit", r));
    if (embedded) {
      log("stopping embedded PostgreSQL");
      await embedded.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: env.GATEHOUSE_DATA_DIR });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${join(env.GATEHOUSE_DATA_DIR, "pg")})`);
  } else {
    log("using DATABASE_URL");
  }

  const prepared = await prepareDatabase(databaseUrl, { seed: env.GATEHOUSE_SEED === "demo", today: new Date().toISOString().slice(0, 10) });
  if (prepared.migrationsApplied.length) log(`applied migrations: ${prepared.migrationsApplied.join(", ")}`);
  if (prepared.seed === "seeded") log("loaded the demo agency");

  const authSecret = env.AUTH_SECRET ?? (await persistentSecret(join(env.GATEHOUSE_DATA_DIR, "auth-secret")));
  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, PORT: String(env.PORT) };

  if (!dev) {
    const fingerprint = await buildFingerprint();
    const stamp = join(".next", "gatehouse-build-fingerprint");
    const built = existsSync(join(".next", "BUILD_ID")) && existsSync(stamp) && (await readFile(stamp, "utf8")) === fingerprint;
    if (!built) {
      log("building the app (first start or changed sources; about a minute)");
      const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
      if (build.status !== 0) throw new Error("next build failed");
      await writeFile(stamp, fingerprint);
    }
  }

  // Next.js behind one step of ours that records each request's TCP peer (scripts/serve.ts, decision 010).
  // Node itself with tsx's loader (no npx or shell between): a SIGTERM from here reaches the server.
  app.child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  app.child.on("exit", (code) => void stop(code ?? 0));
  log(`open http://localhost:${env.PORT} and sign in as ${DEMO_USER.email} / ${DEMO_USER.password}`);
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
