import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// The database a `gatehouse` command writes to, as `npm start` chooses it: DATABASE_URL when set,
// otherwise the embedded PostgreSQL in GATEHOUSE_DATA_DIR. When the app is running, its embedded
// server is already up on that data directory: the command connects to it instead of starting a second
// one (which would refuse, and whose crash recovery would stop the app's server).

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The URL of the embedded server already running on this data directory, or null. */
export async function runningEmbeddedUrl(dataDir: string, database = "gatehouse"): Promise<string | null> {
  const root = resolve(dataDir);
  const pidFile = join(root, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!(pid > 0 && isAlive(pid))) return null;
  const [port, password] = await Promise.all([readFile(join(root, "pg-port"), "utf8"), readFile(join(root, "pg-password"), "utf8")]);
  return `postgresql://postgres:${encodeURIComponent(password.trim())}@127.0.0.1:${Number(port)}/${database}`;
}

export async function withCliDatabase<T>(env: Record<string, string | undefined>, work: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const dataDir = env.GATEHOUSE_DATA_DIR || ".gatehouse";
  const running = await runningEmbeddedUrl(dataDir);
  if (running) return work(running);
  const { startEmbeddedPostgres } = await import("../db/embedded");
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
