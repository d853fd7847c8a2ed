import { existsSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { removeEmbeddedDataDir } from "@/tests/support/embedded-data-dir";
import { startEmbeddedPostgres } from "./embedded";
import { ensurePostgresUser, relocationName } from "./embedded-reach";
import { prepareRelocation } from "./embedded-relocated";

let dir: string;
const cleanup: string[] = [];
afterAll(async () => {
  if (dir) await removeEmbeddedDataDir(dir);
  for (const path of cleanup) await rm(path, { recursive: true, force: true });
});
const asRoot = process.getuid?.() === 0;

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** A mode-700 "home" holding a fake PostgreSQL install, as a private clone's node_modules would, and the OS user
 * the server would run as: postgres as root; otherwise a stranger (uid 65534) stands for "another OS user". */
async function privateClone(prefix: string) {
  const home = await mkdtemp(join(tmpdir(), prefix));
  cleanup.push(home);
  await chmod(home, 0o700);
  const native = join(home, "node_modules", "native");
  await mkdir(join(native, "bin"), { recursive: true });
  await writeFile(join(native, "bin", "postgres"), "#!/bin/sh\n", { mode: 0o755 });
  const user = asRoot ? ensurePostgresUser() : { uid: 65534, gids: [65534] };
  return { home, native, user };
}

describe("embedded PostgreSQL (the zero-setup default)", () => {
  it("starts, keeps data across a restart, and stops cleanly", async () => {
    dir = await mkdtemp(join(tmpdir(), "gh-embedded-"));
    await chmod(dir, 0o755); // the server runs as the postgres user when we are root

    const first = await startEmbeddedPostgres({ dataDir: dir });
    expect(first.port).not.toBe(5432);
    await run(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives restarts')");
    await first.stop();
    expect(existsSync(join(dir, "pg", "postmaster.pid"))).toBe(false);
    expect(await portAnswers(first.port)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir: dir });
    expect(second.port).toBe(first.port);
    expect(await run(second.url, "SELECT v FROM kept")).toEqual([{ v: "survives restarts" }]);
    await second.stop();
    expect(await portAnswers(second.port)).toBe(false);
  });

  // Issue 19: `npm start` as root in a clone under a mode-700 directory (as /root is). The postgres OS user
  // cannot enter it, so the cluster lives under a root-owned directory it can reach, recorded in the data
  // directory; the private directory keeps its mode. Not as root, the server runs as the caller and the
  // data stays where it was asked to be.
  it("starts from a data directory inside a mode-700 directory, leaving that directory private", async () => {
    const home = await mkdtemp(join(tmpdir(), "gh-private-"));
    cleanup.push(home);
    await chmod(home, 0o700);
    const dataDir = join(home, "shop", ".gatehouse");

    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await run(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('private clone')");
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await run(second.url, "SELECT v FROM kept")).toEqual([{ v: "private clone" }]);
      expect(second.pgDir).toBe(first.pgDir);
    } finally {
      await second.stop();
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
    if (asRoot) {
      const base = (await readFile(join(dataDir, "pg-location"), "utf8")).trim();
      cleanup.push(base);
      expect(first.pgDir).toBe(join(base, "pg"));
      expect(first.pgDir.startsWith(home)).toBe(false);
      const pgStat = statSync(first.pgDir);
      expect(pgStat.uid).toBe(ensurePostgresUser().uid);
      expect(pgStat.mode & 0o777).toBe(0o700);
      expect(statSync(base).uid).toBe(0);
    } else {
      expect(first.pgDir).toBe(join(dataDir, "pg"));
      expect(existsSync(join(dataDir, "pg-location"))).toBe(false);
    }
  }, 120_000);

  it("copies the PostgreSQL binaries out of reach of a private clone's node_modules, once", async () => {
    const { home, native, user } = await privateClone("gh-private-bin-");
    const reloc = await prepareRelocation(join(home, ".gatehouse"), native, "test", user);
    if (!asRoot) {
      expect(reloc).toBeNull(); // not root: no root-owned directory can be made for another user
      return;
    }
    cleanup.push(reloc!.base);
    expect(reloc!.nativeDir).toBe(join(reloc!.base, "postgresql-test"));
    expect(await readFile(join(reloc!.nativeDir, "bin", "postgres"), "utf8")).toBe("#!/bin/sh\n");
    expect(existsSync(join(reloc!.nativeDir, ".complete"))).toBe(true);
    await writeFile(join(native, "bin", "postgres"), "changed\n");
    const again = await prepareRelocation(join(home, ".gatehouse"), native, "test", user);
    expect(await readFile(join(again!.nativeDir, "bin", "postgres"), "utf8")).toBe("#!/bin/sh\n"); // not copied twice
  });

  // Decision 013, "once recorded, always used": a cluster that went to the temporary directory (no writable
  // /var/lib then) stays there, rather than an empty one starting in /var/lib/gatehouse beside it.
  it("keeps the place an earlier start recorded, the temporary directory's included", async () => {
    const { home, native, user } = await privateClone("gh-private-rec-");
    const dataDir = join(home, ".gatehouse");
    const tmpParent = join(tmpdir(), "gatehouse");
    if (!existsSync(tmpParent)) cleanup.push(tmpParent);
    const fallback = join(tmpParent, relocationName(dataDir));

    const recorded = await prepareRelocation(dataDir, native, "test", user, fallback);
    if (!asRoot) {
      expect(recorded).toBeNull();
      return;
    }
    cleanup.unshift(recorded!.base);
    expect(recorded!.base).toBe(fallback);
    const unrecorded = await prepareRelocation(dataDir, native, "test", user);
    cleanup.unshift(unrecorded!.base);
    expect(unrecorded!.base).toBe(join("/var/lib/gatehouse", relocationName(dataDir)));
    // A record naming any other place is not trusted with a chown: the usual places are used.
    expect((await prepareRelocation(dataDir, native, "test", user, home))!.base).toBe(unrecorded!.base);
  });
});
