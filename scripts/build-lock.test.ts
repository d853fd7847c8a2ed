import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimBuild, fallbackLaunchersDir, LAUNCHERS_DIR, launcherIsLive, processStartTime, recordNotice, refusal, type Claim, type LauncherRecord } from "./build-lock";

let root: string;
/** The temporary directory the lock falls back to, one per test (not the machine's). */
let tmp: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "gh-build-lock-"));
  tmp = await mkdtemp(join(tmpdir(), "gh-build-lock-tmp-"));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(root, { recursive: true, force: true });
  await rm(tmp, { recursive: true, force: true });
});

/**
 * A checkout this user cannot write. The tests run as root, whom chmod does not stop, so its .gatehouse is a file:
 * nothing can be made under it (ENOTDIR), as nothing can in a read-only mount (EROFS) or someone else's folder (EACCES).
 */
const readOnly = (folder: string) => writeFile(join(folder, ".gatehouse"), "");
const live = launcherIsLive;

/** A real process standing in for another launcher: alive until killed. */
async function otherProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child;
}

async function killed(child: ChildProcess) {
  child.kill("SIGKILL");
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));
}

const records = async () => (await readdir(join(root, LAUNCHERS_DIR))).filter((n) => n.endsWith(".json")).sort();
const refused = (claim: Claim) => (claim.ok ? null : claim);

describe("claimBuild", () => {
  it("a launcher alone may build, and its record says so until it serves, then goes at release", async () => {
    const claim = await claimBuild(root, { pid: process.pid, port: 3000, intent: "build" });
    expect(claim.ok).toBe(true);
    if (!claim.ok) return;
    const file = join(root, LAUNCHERS_DIR, `${process.pid}.json`);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid, port: 3000, intent: "build" });
    await claim.nowServing();
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid, port: 3000, intent: "serve" });
    claim.release();
    expect(existsSync(file)).toBe(false);
  });

  it("refuses to build while another live launcher serves this folder's build, naming its pid and port, and leaves no record of its own", async () => {
    const other = await otherProcess();
    const first = await claimBuild(root, { pid: other.pid!, port: 3000, intent: "serve" });
    expect(first.ok).toBe(true);
    const second = refused(await claimBuild(root, { pid: process.pid, port: 3001, intent: "build" }));
    expect(second?.blockers).toEqual([expect.objectContaining({ pid: other.pid, port: 3000, intent: "serve" })]);
    expect(await records()).toEqual([`${other.pid}.json`]);
    const message = refusal(second!);
    expect(message).toContain(`pid ${other.pid}, port 3000`);
    expect(message).toContain(`kill ${other.pid}`);
    expect(message).toContain("the sources changed since .next was built");
    expect(message).toContain("GATEHOUSE_REUSE_BUILD=1 npm start");
    // With no build at all there is nothing to reuse: only stopping the other one helps.
    expect(refusal(second!, true)).toContain("there is no complete build in .next");
    expect(refusal(second!, true)).not.toContain("GATEHOUSE_REUSE_BUILD");
  });

  it("a second launcher that need not build may serve beside the first (decision 071)", async () => {
    const other = await otherProcess();
    await claimBuild(root, { pid: other.pid!, port: 3000, intent: "serve" });
    const second = await claimBuild(root, { pid: process.pid, port: 3001, intent: "serve" });
    expect(second.ok).toBe(true);
    expect(await records()).toEqual([`${other.pid}.json`, `${process.pid}.json`].sort());
  });

  it("nobody serves or builds while another launcher is building", async () => {
    const other = await otherProcess();
    await claimBuild(root, { pid: other.pid!, port: 3000, intent: "build" });
    for (const intent of ["serve", "build"] as const) {
      const claim = refused(await claimBuild(root, { pid: process.pid, port: 3001, intent }));
      expect(claim?.blockers.map((b) => b.pid)).toEqual([other.pid]);
      expect(refusal(claim!)).toContain(`building the app in this folder (pid ${other.pid}, port 3000)`);
      expect(refusal(claim!)).toContain(`stop it first (Ctrl-C where it runs, or kill ${other.pid})`);
    }
  });

  it("a killed launcher's record blocks nothing, and is removed", async () => {
    const other = await otherProcess();
    await claimBuild(root, { pid: other.pid!, port: 3000, intent: "serve" });
    await killed(other);
    const claim = await claimBuild(root, { pid: process.pid, port: 3001, intent: "build" });
    expect(claim.ok).toBe(true);
    expect(await records()).toEqual([`${process.pid}.json`]);
  });

  it("two launchers claiming at the same moment, one to build: never both go ahead", async () => {
    // Each writes its record before reading the others', so whichever reads last sees the other.
    const other = await otherProcess();
    for (let round = 0; round < 20; round++) {
      const claims = await Promise.all([
        claimBuild(root, { pid: other.pid!, port: 3000, intent: "build" }),
        claimBuild(root, { pid: process.pid, port: 3001, intent: round % 2 ? "build" : "serve" }),
      ]);
      expect(claims.filter((c) => c.ok).length).toBeLessThan(2);
      for (const c of claims) if (c.ok) c.release();
      expect(await records()).toEqual([]);
    }
  });

  it("a record left half-written or unreadable is not taken for a launcher", async () => {
    const dir = join(root, LAUNCHERS_DIR);
    await claimBuild(root, { pid: process.pid, port: 3000, intent: "serve" }).then((c) => c.ok && c.release());
    await writeFile(join(dir, "999999.json"), "{\"pid\": 9");
    await writeFile(join(dir, "12.json.tmp"), "{}");
    expect((await claimBuild(root, { pid: process.pid, port: 3000, intent: "build" })).ok).toBe(true);
  });
});

describe("launcherIsLive", () => {
  it("a running process with the start time it was recorded with is live; a gone one is not", async () => {
    const other = await otherProcess();
    const record: Pick<LauncherRecord, "pid" | "startTime"> = { pid: other.pid!, startTime: processStartTime(other.pid!) };
    expect(launcherIsLive(record)).toBe(true);
    await killed(other);
    expect(launcherIsLive(record)).toBe(false);
  });

  it("a pid now held by another process (another start time) is not the launcher that recorded it", () => {
    const now = processStartTime(process.pid);
    expect(now).toMatch(/^\d+$/);
    expect(launcherIsLive({ pid: process.pid, startTime: now })).toBe(true);
    expect(launcherIsLive({ pid: process.pid, startTime: String(Number(now) + 1) })).toBe(false);
  });
});

describe("claimBuild in a checkout this user cannot write (decision 080)", () => {
  it("a launcher that need not build records itself under the temporary directory instead, says so, and its record goes at release", async () => {
    await readOnly(root);
    const claim = await claimBuild(root, { pid: process.pid, port: 3000, intent: "serve" }, live, tmp);
    expect(claim).toMatchObject({ ok: true, recordedIn: "temporary" });
    if (!claim.ok) return;
    const dir = fallbackLaunchersDir(root, tmp);
    expect(dirname(dir)).toBe(tmp);
    expect(claim.file).toBe(join(dir, `${process.pid}.json`));
    expect(JSON.parse(await readFile(claim.file!, "utf8"))).toMatchObject({ pid: process.pid, port: 3000, intent: "serve" });
    expect(claim.unwritable).toBe(`${join(root, LAUNCHERS_DIR)}: ENOTDIR`);
    expect(recordNotice(claim)).toBe(`this checkout's launchers folder cannot be written (${join(root, LAUNCHERS_DIR)}: ENOTDIR): this launcher is recorded in ${dir} instead`);
    claim.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("the folder is the checkout's own: another checkout's launchers go elsewhere; the same checkout's come back to it", async () => {
    const other = await mkdtemp(join(tmpdir(), "gh-build-lock-"));
    try {
      expect(fallbackLaunchersDir(other, tmp)).not.toBe(fallbackLaunchersDir(root, tmp));
      expect(fallbackLaunchersDir(`${root}/`, tmp)).toBe(fallbackLaunchersDir(root, tmp));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("one that must build there is refused, saying it cannot build in this checkout, and leaves no record anywhere", async () => {
    await readOnly(root);
    const claim = refused(await claimBuild(root, { pid: process.pid, port: 3000, intent: "build" }, live, tmp));
    expect(claim).toMatchObject({ ok: false, blockers: [], unwritable: `${join(root, LAUNCHERS_DIR)}: ENOTDIR` });
    const stale = refusal(claim!);
    expect(stale).toContain("the sources changed since .next was built, and this checkout cannot be written");
    expect(stale).toContain("so the app cannot be built here");
    expect(stale).toContain("GATEHOUSE_REUSE_BUILD=1 npm start");
    expect(stale).not.toContain("another Gatehouse");
    const missing = refusal(claim!, true);
    expect(missing).toContain("there is no complete build in .next, and this checkout cannot be written");
    expect(missing).not.toContain("GATEHOUSE_REUSE_BUILD");
    expect(await readdir(tmp)).toEqual([]);
  });

  it("a build where the checkout can be written sees the launchers recorded under the temporary directory", async () => {
    // Another user serves the checkout they can only read; its owner, who can write it, then means to rebuild.
    const reader = await otherProcess();
    await readOnly(root);
    expect((await claimBuild(root, { pid: reader.pid!, port: 3000, intent: "serve" }, live, tmp)).ok).toBe(true);
    await rm(join(root, ".gatehouse"));
    const owner = refused(await claimBuild(root, { pid: process.pid, port: 3001, intent: "build" }, live, tmp));
    expect(owner?.blockers).toEqual([expect.objectContaining({ pid: reader.pid, port: 3000, intent: "serve" })]);
    expect(refusal(owner!)).toContain(`another Gatehouse is serving from this folder's .next (pid ${reader.pid}, port 3000)`);
    // Once that one is gone, its record there blocks nothing and is removed.
    await killed(reader);
    expect((await claimBuild(root, { pid: process.pid, port: 3001, intent: "build" }, live, tmp)).ok).toBe(true);
    expect(await readdir(fallbackLaunchersDir(root, tmp))).toEqual([]);
  });

  it("a launcher that need not build still waits for one building, when it can only read the checkout", async () => {
    const builder = await otherProcess();
    expect((await claimBuild(root, { pid: builder.pid!, port: 3000, intent: "build" }, live, tmp)).ok).toBe(true);
    // The checkout's launchers folder stays readable; only writing fails (here: the record's temporary file cannot be made).
    await mkdir(join(root, LAUNCHERS_DIR, `${process.pid}.json.tmp`), { recursive: true });
    const claim = refused(await claimBuild(root, { pid: process.pid, port: 3001, intent: "serve" }, live, tmp));
    expect(claim?.blockers.map((b) => b.pid)).toEqual([builder.pid]);
    expect(await readdir(fallbackLaunchersDir(root, tmp))).toEqual([]);
  });

  it("when the temporary directory cannot be written either, it serves without a record and says so in one line", async () => {
    await readOnly(root);
    const unusable = join(tmp, "a-file");
    await writeFile(unusable, "");
    const claim = await claimBuild(root, { pid: process.pid, port: 3000, intent: "serve" }, live, unusable);
    expect(claim).toMatchObject({ ok: true, recordedIn: "nowhere", file: null });
    if (!claim.ok) return;
    const notice = recordNotice(claim)!;
    expect(notice).toBe(
      `serving without a launcher record: neither this checkout's launchers folder nor the temporary one could be written (${join(root, LAUNCHERS_DIR)}: ENOTDIR; ${fallbackLaunchersDir(root, unusable)}: ENOTDIR); a launcher that builds in this folder will not see this one`,
    );
    expect(notice).not.toContain("\n");
    expect(() => claim.release()).not.toThrow();
    await expect(claim.nowServing()).resolves.toBeUndefined();
  });

  it("a folder under the temporary directory that is not this user's own is neither written nor read", async () => {
    await readOnly(root);
    // Planted under this user's name as a link to elsewhere: not written through.
    const elsewhere = await mkdtemp(join(tmpdir(), "gh-build-lock-elsewhere-"));
    try {
      await symlink(elsewhere, fallbackLaunchersDir(root, tmp));
      const claim = await claimBuild(root, { pid: process.pid, port: 3000, intent: "serve" }, live, tmp);
      expect(claim).toMatchObject({ ok: true, recordedIn: "nowhere" });
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
    // Named for a user who does not own it (uid 4242 here, owned by this one): a "builder" recorded in it blocks nothing.
    await rm(join(root, ".gatehouse"));
    const own = fallbackLaunchersDir(root, tmp);
    const planted = `${own.slice(0, own.lastIndexOf("-") + 1)}4242`;
    const builder = await otherProcess();
    await mkdir(planted);
    await writeFile(join(planted, `${builder.pid}.json`), JSON.stringify({ pid: builder.pid, port: 3000, intent: "build", startTime: processStartTime(builder.pid!), since: "" }));
    expect((await claimBuild(root, { pid: process.pid, port: 3001, intent: "build" }, live, tmp)).ok).toBe(true);
  });
});
