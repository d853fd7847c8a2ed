import { readFileSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

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

export const LAUNCHERS_DIR = join(".gatehouse", "launchers");

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

async function readRecords(dir: string): Promise<{ file: string; record: LauncherRecord }[]> {
  const records: { file: string; record: LauncherRecord }[] = [];
  for (const name of await readdir(dir)) {
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
  | { ok: true; file: string; record: LauncherRecord; nowServing(): Promise<void>; release(): void }
  | { ok: false; intent: Intent; blockers: LauncherRecord[] };

/**
 * Records this launcher (`me`) in `root`'s launchers folder and says whether it may go ahead with `intent`.
 * `live` is launcherIsLive (tests pass their own). The record stays until `release()`, which the launcher calls on
 * exit; a refused claim leaves no record.
 */
export async function claimBuild(
  root: string,
  me: { pid: number; port: number; intent: Intent },
  live: (record: LauncherRecord) => boolean = launcherIsLive,
): Promise<Claim> {
  const dir = join(root, LAUNCHERS_DIR);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${me.pid}.json`);
  const write = async (record: LauncherRecord) => {
    // Whole or not at all: another launcher may read it at any moment.
    await writeFile(`${file}.tmp`, JSON.stringify(record));
    await rename(`${file}.tmp`, file);
  };
  const record: LauncherRecord = { pid: me.pid, port: me.port, intent: me.intent, startTime: processStartTime(me.pid), since: new Date().toISOString() };
  await write(record);
  const others: LauncherRecord[] = [];
  for (const other of await readRecords(dir)) {
    if (other.record.pid === me.pid) continue;
    if (live(other.record)) others.push(other.record);
    else await rm(other.file, { force: true });
  }
  const blockers = me.intent === "build" ? others : others.filter((o) => o.intent === "build");
  if (blockers.length > 0) {
    await rm(file, { force: true });
    return { ok: false, intent: me.intent, blockers };
  }
  return {
    ok: true,
    file,
    record,
    nowServing: () => write({ ...record, intent: "serve" }),
    // Synchronous: it also runs from process.on("exit").
    release: () => rmSync(file, { force: true }),
  };
}

/**
 * What a refused launcher prints: who holds the build, and what to do. `buildMissing`: this one would build because
 * .next holds no complete build (rather than an older one, which GATEHOUSE_REUSE_BUILD=1 could serve).
 */
export function refusal(claim: Extract<Claim, { ok: false }>, buildMissing = false): string {
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
