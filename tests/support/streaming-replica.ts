import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

// A real PostgreSQL primary and a hot standby streaming from it (pg_basebackup -R), in a temporary
// directory on two free ports: the read-replica test's own small cluster, so it copies nobody else's
// databases. PostgreSQL refuses to run as root, so as root the servers run as the OS user `postgres`.

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface StreamingReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Until the standby has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStreamingReplica(database = "gatehouse"): Promise<StreamingReplica> {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-replica-"));
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? Number((await run("id", ["-u", "postgres"])).stdout.trim()) : undefined;
  const gid = asRoot ? Number((await run("id", ["-g", "postgres"])).stdout.trim()) : undefined;
  if (asRoot) chownSync(dir, uid!, gid!);
  const pgRun = (cmd: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(BIN, cmd), ...args], { cwd: dir }) : run(join(BIN, cmd), args, { cwd: dir });
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(dir, "primary");
  const standby = join(dir, "standby");
  const options = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=40`;
  await pgRun("initdb", ["-D", primary, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  await pgRun("pg_ctl", ["-D", primary, "-l", join(dir, "primary.log"), "-w", "-o", options(primaryPort), "start"]);
  const admin = (port: number, db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  await query(admin(primaryPort), `CREATE DATABASE ${database}`);
  // The standby: a base backup of the primary that keeps streaming from it (-R writes the connection), hot (readable).
  await pgRun("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", standby, "-R", "-X", "stream", "--no-sync"]);
  await pgRun("pg_ctl", ["-D", standby, "-l", join(dir, "standby.log"), "-w", "-o", options(replicaPort), "start"]);
  const stop = async () => {
    for (const data of [standby, primary]) await pgRun("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    primaryUrl: admin(primaryPort, database),
    replicaUrl: admin(replicaPort, database),
    async caughtUp() {
      for (;;) {
        const [{ lsn }] = await query(admin(primaryPort), "SELECT pg_current_wal_lsn()::text AS lsn");
        const [{ done }] = await query(admin(replicaPort), `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
        if (done) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    pauseReplay: async () => void (await query(admin(replicaPort), "SELECT pg_wal_replay_pause()")),
    resumeReplay: async () => void (await query(admin(replicaPort), "SELECT pg_wal_replay_resume()")),
    stop,
  };
}
