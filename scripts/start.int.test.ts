import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimBuild, fallbackLaunchersDir, LAUNCHERS_DIR } from "./build-lock";

// `npm start` itself, run in a folder of its own (the checkout's .next is not touched): there is no build there, so
// the launcher would build, and beside another launcher's record it must refuse before it starts any database
// (decision 076). The other launcher is a stand-in process recorded through the same lock, as a real one records itself.
// Each start compiles the launcher with tsx: ~10 s here, more on a busy machine.
const project = fileURLToPath(new URL("..", import.meta.url));
let folder: string;
const others: ChildProcess[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "gh-start-lock-"));
});

afterEach(async () => {
  for (const other of others.splice(0)) if (other.exitCode === null && other.signalCode === null) other.kill("SIGKILL");
  await rm(folder, { recursive: true, force: true });
});

async function standIn(port: number): Promise<ChildProcess> {
  const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  others.push(other);
  await new Promise((r) => other.once("spawn", r));
  const claim = await claimBuild(folder, { pid: other.pid!, port, intent: "serve" });
  expect(claim.ok).toBe(true);
  return other;
}

/** The launcher as `npm start` runs it, with this folder as its working directory. */
function launch(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME ?? folder, GATEHOUSE_DATA_DIR: join(folder, "data"), AUTH_SECRET: "launcher-test-secret-0123456789abcdefghij", ...env };
  const child = spawn(join(project, "node_modules/.bin/tsx"), ["--tsconfig", join(project, "tsconfig.json"), "--conditions=react-server", join(project, "scripts/start.ts")], {
    cwd: folder,
    env: childEnv as NodeJS.ProcessEnv,
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((r) => child.once("exit", (code) => r({ code, output })));
}

describe("npm start beside another launcher of the same folder", () => {
  it("refuses to build under a running one, naming its pid and port, before any database is started", async () => {
    const other = await standIn(3447);
    // No DATABASE_URL: had it gone on, it would have started an embedded PostgreSQL in data/.
    const { code, output } = await launch({ PORT: "3448" });
    expect(code).toBe(1);
    expect(output).toContain("could not start: there is no complete build in .next, and another Gatehouse is serving from this folder's .next");
    expect(output).toContain(`(pid ${other.pid}, port 3447)`);
    expect(output).toContain(`kill ${other.pid}`);
    expect(existsSync(join(folder, "data", "pg"))).toBe(false);
    expect(output).not.toContain("embedded PostgreSQL");
    // The running one's record is untouched; the refused one left none.
    expect(await readdir(join(folder, LAUNCHERS_DIR))).toEqual([`${other.pid}.json`]);
  }, 120_000);

  it("a killed launcher's record does not stop the next one, which removes it (and its own record when it exits)", async () => {
    const other = await standIn(3447);
    other.kill("SIGKILL");
    await new Promise((r) => other.once("exit", r));
    await mkdir(join(folder, "data"), { recursive: true });
    // Past the lock it goes on to the database, here one that refuses the connection (nothing listens on port 1):
    // it fails there, not at the lock.
    const { code, output } = await launch({ PORT: "3448", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(output).toContain("using DATABASE_URL");
    expect(output).not.toContain("another Gatehouse");
    expect(await readdir(join(folder, LAUNCHERS_DIR))).toEqual([]);
  }, 120_000);
});

// A checkout this user cannot write (decision 080). The tests run as root, whom chmod does not stop: the folder's
// .gatehouse is a file, so nothing can be made under it, as in a read-only mount. The data directory is elsewhere, as
// it must be there; the temporary directory is the test's own (TMPDIR).
describe("npm start in a checkout it cannot write", () => {
  it("with a build to serve, records itself under the temporary directory and goes on; the record goes when it exits", async () => {
    await writeFile(join(folder, ".gatehouse"), "");
    await mkdir(join(folder, ".next"), { recursive: true });
    await writeFile(join(folder, ".next", "BUILD_ID"), "a-build");
    await mkdir(join(folder, "data"), { recursive: true });
    const tmp = join(folder, "tmp");
    await mkdir(tmp);
    const { code, output } = await launch({ PORT: "3448", TMPDIR: tmp, GATEHOUSE_REUSE_BUILD: "1", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    // Past the lock it fails at the database (nothing listens on port 1), not at the record.
    expect(code).toBe(1);
    expect(output).toContain(`this checkout's launchers folder cannot be written (${join(folder, LAUNCHERS_DIR)}: ENOTDIR): this launcher is recorded in ${fallbackLaunchersDir(folder, tmp)} instead`);
    expect(output).toContain("using DATABASE_URL");
    expect(await readdir(fallbackLaunchersDir(folder, tmp))).toEqual([]);
  }, 120_000);

  it("with no build, stops at once saying it cannot build here, before any database is started", async () => {
    await writeFile(join(folder, ".gatehouse"), "");
    const { code, output } = await launch({ PORT: "3448", GATEHOUSE_DATA_DIR: join(folder, "data") });
    expect(code).toBe(1);
    expect(output).toContain("could not start: there is no complete build in .next, and this checkout cannot be written");
    expect(output).toContain("so the app cannot be built here");
    expect(existsSync(join(folder, "data", "pg"))).toBe(false);
    expect(output).not.toContain("embedded PostgreSQL");
  }, 120_000);
});
