import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

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
});
