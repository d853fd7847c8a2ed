import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimBuild, LAUNCHERS_DIR, launcherIsLive, processStartTime, refusal, type Claim, type LauncherRecord } from "./build-lock";

let root: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "gh-build-lock-"));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

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
