import { createHash } from "node:crypto";
import { readFileSync, realpathSync, rmSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

// Who is using this folder's build (decision 076). `npm start` serves the app from `.next`, and rebuilds it when
// the sources changed (decision 071). A second launcher that rebuilt while a first one served from the same `.next`
// broke the first: 500s during the build, then pages asking for chunks the new build no longer had. So each
// launcher records itself, and what it means to do, in `.gatehouse/launchers/<pid>.json` beside the checkout's
// `.next` (whatever GATEHOUSE_DATA_DIR says: the build belongs to the folder, not to a database), and:
//   - one that must build goes ahead only when no other live launcher is recorded (serving or building);
//   - one that serves the build as it is goes ahead unless another live launcher is building it.
// Each writes its record BEFORE reading the others', so of two launchers starting at once at least one sees the
// other: both may refuse, never both go ahead into a conflict. A record whose process is gone (killed, crashed
// machine) or whose pid now belongs to another process is stale: removed, and blocks nothing.
// `npm run dev` takes no part: `next dev` builds into `.next/dev`, which `next build` leaves alone.
// A checkout this user cannot write (a read-only mount serving a current build, decision 080): a launcher that need not
// build records itself under the temporary directory instead, in a folder of the checkout and the user
// (`gatehouse-launchers-<hash of the checkout's path>-<uid>`), which every launcher of the checkout reads too; failing
// that it serves unrecorded and says so. One that must build there is refused: it could not write .next either.

export const LAUNCHERS_DIR = join(".gatehouse", "launchers");
const FALLBACK_PREFIX = "gatehouse-launchers-";
const uid = () => process.getuid?.() ?? 0;

export type Intent = "build" | "serve";

export interface LauncherRecord {
  pid: number;
  port: number;
  intent: Intent;
  /** The kernel's start time of the process (null without /proc): a pid reused by another process is not this launcher. */
  startTime: string | null;
  since: string;
}

/** Field 22 of /proc/<pid>/stat, the process's start time in clock ticks since boot; null where there is no /proc. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ")". It is field 3 on.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the launcher a record names is still running: its pid answers, and is the same process. */
export function launcherIsLive(record: Pick<LauncherRecord, "pid" | "startTime">): boolean {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: the process exists, owned by another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = processStartTime(record.pid);
  return record.startTime === null || now === null || now === record.startTime;
}

/** The start of the name of a checkout's folders under the temporary directory: one hash per checkout path. */
function fallbackPrefix(root: string): string {
  let path = resolve(root);
  try {
    path = realpathSync(path);
  } catch {
    // A checkout that cannot be resolved is keyed by the path as given.
  }
  return `${FALLBACK_PREFIX}${createHash("sha256").update(path).digest("hex").slice(0, 16)}-`;
}

/** Where this user's launchers of a checkout they cannot write record themselves (`tmp`: os.tmpdir(); tests pass their own). */
export function fallbackLaunchersDir(root: string, tmp: string = tmpdir()): string {
  return join(tmp, `${fallbackPrefix(root)}${uid()}`);
}

/**
 * The checkout's fallback folders of every user. Only a real folder owned by the user its name ends with counts: a
 * folder another user made under that name (the temporary directory is everyone's) could otherwise block builds.
 */
async function fallbackDirs(root: string, tmp: string): Promise<string[]> {
  const prefix = fallbackPrefix(root);
  const names = await readdir(tmp).catch(() => [] as string[]);
  const dirs: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const stat = await lstat(join(tmp, name)).catch(() => null);
    if (stat?.isDirectory() && String(stat.uid) === name.slice(prefix.length)) dirs.push(join(tmp, name));
  }
  return dirs;
}

/** Writes the record whole or not at all (another launcher may read it at any moment); the file's path. */
async function writeRecord(dir: string, record: LauncherRecord): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${record.pid}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(record));
  await rename(`${file}.tmp`, file);
  return file;
}

/** This user's own fallback folder, made if need be; refused unless it is a real folder this user owns. */
async function ownFallbackDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const stat = await lstat(dir);
  if (!stat.isDirectory() || stat.uid !== uid()) throw Object.assign(new Error(`${dir} is not a folder of this user`), { code: "EPERM" });
  return dir;
}

const why = (dir: string, error: unknown) => `${dir}: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`;

async function readRecords(dir: string): Promise<{ file: string; record: LauncherRecord }[]> {
  const records: { file: string; record: LauncherRecord }[] = [];
  // A folder not there yet (nobody recorded) or not readable holds nobody this launcher can know of.
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!/^\d+\.json$/.test(name)) continue;
    try {
      const record = JSON.parse(await readFile(join(dir, name), "utf8")) as LauncherRecord;
      if (Number.isInteger(record.pid) && Number.isInteger(record.port)) records.push({ file: join(dir, name), record });
    } catch {
      // Gone between the listing and the read (its launcher stopped): nothing to consider.
    }
  }
  return records;
}

export type Claim =
  | {
      ok: true;
      /** The record's file: in the checkout, under the temporary directory when the checkout cannot be written, or none. */
      file: string | null;
      recordedIn: "checkout" | "temporary" | "nowhere";
      /** Why the checkout's folder (and the fallback) could not be written: what the launcher tells its user. */
      unwritable: string | null;
      record: LauncherRecord;
      nowServing(): Promise<void>;
      release(): void;
    }
  | { ok: false; intent: Intent; blockers: LauncherRecord[]; unwritable?: string };

/**
 * Records this launcher (`me`) in `root`'s launchers folder and says whether it may go ahead with `intent`.
 * `live` is launcherIsLive and `tmp` os.tmpdir() (tests pass their own). The record stays until `release()`, which
 * the launcher calls on exit; a refused claim leaves no record.
 */
export async function claimBuild(
  root: string,
  me: { pid: number; port: number; intent: Intent },
  live: (record: LauncherRecord) => boolean = launcherIsLive,
  tmp: string = tmpdir(),
): Promise<Claim> {
  const dir = join(root, LAUNCHERS_DIR);
  const record: LauncherRecord = { pid: me.pid, port: me.port, intent: me.intent, startTime: processStartTime(me.pid), since: new Date().toISOString() };
  let file: string | null = null;
  let recordedIn: "checkout" | "temporary" | "nowhere" = "checkout";
  let unwritable: string | null = null;
  try {
    file = await writeRecord(dir, record);
  } catch (error) {
    unwritable = why(dir, error);
    // A build writes .next in the same checkout, and must be seen by the others: it cannot happen here.
    if (me.intent === "build") return { ok: false, intent: me.intent, blockers: [], unwritable };
    const fallback = fallbackLaunchersDir(root, tmp);
    try {
      file = await writeRecord(await ownFallbackDir(fallback), record);
      recordedIn = "temporary";
    } catch (fallbackError) {
      unwritable = `${unwritable}; ${why(fallback, fallbackError)}`;
      recordedIn = "nowhere";
    }
  }
  const others: LauncherRecord[] = [];
  for (const folder of [dir, ...(await fallbackDirs(root, tmp))]) {
    for (const other of await readRecords(folder)) {
      if (other.record.pid === me.pid) continue;
      if (live(other.record)) others.push(other.record);
      // Another user's stale record in a folder this one cannot write stays; it blocks nothing either way.
      else await rm(other.file, { force: true }).catch(() => undefined);
    }
  }
  const blockers = me.intent === "build" ? others : others.filter((o) => o.intent === "build");
  if (blockers.length > 0) {
    if (file) await rm(file, { force: true });
    return { ok: false, intent: me.intent, blockers };
  }
  const own = file;
  return {
    ok: true,
    file,
    recordedIn,
    unwritable,
    record,
    nowServing: async () => {
      if (own) await writeRecord(dirname(own), { ...record, intent: "serve" });
    },
    // Synchronous: it also runs from process.on("exit").
    release: () => {
      if (own) rmSync(own, { force: true });
    },
  };
}

/** What a launcher that could not record itself in the checkout prints (one line), or null when it could. */
export function recordNotice(claim: Extract<Claim, { ok: true }>): string | null {
  if (claim.recordedIn === "temporary") return `this checkout's launchers folder cannot be written (${claim.unwritable}): this launcher is recorded in ${dirname(claim.file!)} instead`;
  if (claim.recordedIn === "nowhere") {
    return `serving without a launcher record: neither this checkout's launchers folder nor the temporary one could be written (${claim.unwritable}); a launcher that builds in this folder will not see this one`;
  }
  return null;
}

/**
 * What a refused launcher prints: who holds the build, and what to do. `buildMissing`: this one would build because
 * .next holds no complete build (rather than an older one, which GATEHOUSE_REUSE_BUILD=1 could serve).
 */
export function refusal(claim: Extract<Claim, { ok: false }>, buildMissing = false): string {
  if (claim.unwritable) {
    return [
      `${buildMissing ? "there is no complete build in .next" : "the sources changed since .next was built"}, and this checkout cannot be written (${claim.unwritable}), so the app cannot be built here.`,
      "Build it where the checkout can be written (npm start as a user who may write it), then start this one again" +
        (buildMissing ? "." : "; or serve the existing build as it is: GATEHOUSE_REUSE_BUILD=1 npm start."),
    ].join("\n  ");
  }
  const who = claim.blockers.map((b) => `pid ${b.pid}, port ${b.port}`).join("; ");
  const how = `Ctrl-C where it runs, or kill ${claim.blockers.map((b) => b.pid).join(" ")}`;
  const stop = `Stop it first (${how})`;
  if (claim.blockers.some((b) => b.intent === "build")) {
    return [`another Gatehouse is building the app in this folder (${who}).`, `Start this one again once that one serves, or stop it first (${how}).`].join("\n  ");
  }
  return [
    `${buildMissing ? "there is no complete build in .next" : "the sources changed since .next was built"}, and another Gatehouse is serving from this folder's .next (${who}).`,
    "Building now would break it (errors and missing scripts until it is restarted), so this one does not start.",
    buildMissing ? `${stop}, then run npm start again.` : `${stop}, then run npm start again; or serve the existing build beside it: GATEHOUSE_REUSE_BUILD=1 npm start.`,
  ].join("\n  ");
}
