import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/api/token";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { removeEmbeddedDataDir } from "@/tests/support/embedded-data-dir";

// Decision 050. As root with the data directory inside a mode-700 directory (a clone in /root), the app's
// cluster lives under /var/lib/gatehouse/<hash>, recorded in pg-location (decision 013). The commands run
// beside the app must attach to that running server and leave it up: `gatehouse token create` used to look
// for postmaster.pid in <dataDir>/pg only, found none, started a server of its own on the data directory,
// and that start's crash recovery stopped the app's server. The private directory makes the relocation
// happen in any checkout (CI's mode-755 one too); not as root nothing is relocated and this is the ordinary
// "app running" case.
const bin = join(import.meta.dirname, "../../bin/gatehouse.mjs");
const TOKEN = /^gh_[A-Za-z0-9_-]{43}\n$/;
const PASSWORD = "lantern harbour quietly 2026";
const asRoot = process.getuid?.() === 0;

let home: string | undefined;
afterAll(async () => {
  if (!home) return;
  await removeEmbeddedDataDir(join(home, "shop", ".gatehouse"));
  await rm(home, { recursive: true, force: true });
});

const gatehouse = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8", cwd: join(import.meta.dirname, "../.."),
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_OWNER_PASSWORD: PASSWORD },
  });
const postmasterPid = (pgDir: string) => Number(readFileSync(join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);

describe("gatehouse commands beside a running app whose cluster was relocated", () => {
  it("setup and token create attach to the app's server and leave it and its connections up", async () => {
    home = await mkdtemp(join(tmpdir(), "gh-private-cli-"));
    await chmod(home, 0o700);
    const dataDir = join(home, "shop", ".gatehouse");

    const app = await startEmbeddedPostgres({ dataDir });
    const held = new pg.Client({ connectionString: app.url });
    held.on("error", () => undefined); // a terminated connection: the query below says so
    await held.connect();
    try {
      if (asRoot) expect(app.pgDir.startsWith(home)).toBe(false); // the case under test: relocated
      const pid = postmasterPid(app.pgDir);

      const setup = gatehouse(["setup", "--org", "Private Agency", "--email", "owner@private.example"], dataDir);
      expect(setup.status, setup.stderr).toBe(0);
      expect((await held.query("SELECT 1 AS up")).rows).toEqual([{ up: 1 }]);

      const token = gatehouse(["token", "create", "--org", "Private Agency", "--name", "nightly", "--scope", "read"], dataDir);
      expect(token.status, token.stderr).toBe(0);
      expect(token.stdout).toMatch(TOKEN);
      const stored = await held.query(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "tokenHash" = $1`, [hashApiToken(token.stdout.trim())]);
      expect(stored.rows).toEqual([{ n: 1 }]);
      expect(postmasterPid(app.pgDir)).toBe(pid);
    } finally {
      await held.end().catch(() => undefined);
      await app.stop();
    }
  }, 240_000);
});
