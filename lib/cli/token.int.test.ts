import { spawnSync } from "node:child_process";
import { chmod, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listAccounts } from "@/app/api/v1/accounts/route";
import { hashApiToken } from "@/lib/api/token";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { callApi } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { removeEmbeddedDataDir } from "@/tests/support/embedded-data-dir";
import { createTenant } from "@/tests/support/factories";

// `gatehouse token create` as users run it (the npm bin), against DATABASE_URL and against the
// embedded database of a data directory, with the app's database stopped and running.
const db = testDb();
const bin = join(import.meta.dirname, "../../bin/gatehouse.mjs");
const TOKEN = /^gh_[A-Za-z0-9_-]{43}\n$/;
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [bin, "token", "create", ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", ...env } });

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeEmbeddedDataDir(dir);
});

describe("gatehouse token create", () => {
  it("prints a working token alone on stdout for the organisation's first Owner (DATABASE_URL)", async () => {
    const tenant = await createTenant(db, { name: `CLI Agency ${Date.now()}` });
    const { name } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    const result = run(["--org", name, "--name", "nightly", "--scope", "read"], { DATABASE_URL: process.env.DATABASE_URL! });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(TOKEN);
    const token = result.stdout.trim();
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    expect(stored).toMatchObject({ orgId: tenant.orgId, name: "nightly", scope: "READ", createdById: tenant.userId });
    expect((await callApi(listAccounts, { path: "/api/v1/accounts", token })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { orgId: tenant.orgId, action: "apiToken.created", entityId: stored.id } })).toBe(1);
  });

  it("exits 2 with a message and prints nothing for an unknown organisation, a bad scope or missing options", async () => {
    const url = process.env.DATABASE_URL!;
    for (const args of [["--org", "No Such Agency 0x1", "--name", "n", "--scope", "read"], ["--org", "x", "--name", "n", "--scope", "admin"], ["--org", "x", "--scope", "read"]]) {
      const result = run(args, { DATABASE_URL: url });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^gatehouse: /);
    }
  });

  // Two active tokens named alike could not be told apart (decision 095): refused like the other bad input.
  it("exits 2 and prints nothing for a name one of the organisation's active tokens already has, without case", async () => {
    const url = process.env.DATABASE_URL!;
    const tenant = await createTenant(db, { name: `Named Agency ${Date.now()}` });
    const { name } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    expect(run(["--org", name, "--name", "nightly", "--scope", "read"], { DATABASE_URL: url }).status).toBe(0);
    const again = run(["--org", name, "--name", "Nightly", "--scope", "write"], { DATABASE_URL: url });
    expect(again.status).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(`gatehouse: --name: organisation "${name}" already has an active API token named "nightly" (names are compared without case): choose another name, or revoke that token first\n`);
    expect(await db.apiToken.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });

  // An expired token keeps its name until it is revoked, and the refusal says so (decision 096).
  it("says that the token holding the name has expired, and that revoking it frees the name", async () => {
    const url = process.env.DATABASE_URL!;
    const tenant = await createTenant(db, { name: `Expired Agency ${Date.now()}` });
    const { name } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    expect(run(["--org", name, "--name", "weekly", "--scope", "read"], { DATABASE_URL: url }).status).toBe(0);
    await db.apiToken.updateMany({ where: { orgId: tenant.orgId }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
    const again = run(["--org", name, "--name", "Weekly", "--scope", "read"], { DATABASE_URL: url });
    expect(again.status).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(`gatehouse: --name: organisation "${name}" has an expired API token still named "weekly" (names are compared without case; an expired token keeps its name until it is revoked): revoke it in Settings → API tokens to reuse the name, or choose another name\n`);
  });

  // Agencies named alike (made before setup refused a used name, decision 089): the refusal lists their ids,
  // and --org takes an id (probe 43, finding 4: there was no way to pick one).
  it("names the ids of organisations that share a name, and takes an id as --org", async () => {
    const url = process.env.DATABASE_URL!;
    const name = `Twin Agency ${Date.now()}`;
    const first = await createTenant(db, { name });
    const second = await createTenant(db, { name });
    const ambiguous = run(["--org", name, "--name", "n", "--scope", "read"], { DATABASE_URL: url });
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stdout).toBe("");
    expect(ambiguous.stderr).toContain(`several organisations are named "${name}": pass one's id as --org`);
    expect(ambiguous.stderr).toContain(first.orgId);
    expect(ambiguous.stderr).toContain(second.orgId);
    const byId = run(["--org", second.orgId, "--name", "nightly", "--scope", "read"], { DATABASE_URL: url });
    expect(byId.status, byId.stderr).toBe(0);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(byId.stdout.trim()) } });
    expect(stored).toMatchObject({ orgId: second.orgId, createdById: second.userId });
  });

  // Setup refuses a name another agency has in any case (decision 089); --org finds one the same way.
  it("finds the organisation by its name in any case, and lists the ids of those it cannot tell apart", async () => {
    const url = process.env.DATABASE_URL!;
    const name = `Momiji Partners ${Date.now()}`;
    const tenant = await createTenant(db, { name });
    const result = run(["--org", name.toLowerCase(), "--name", "nightly", "--scope", "read"], { DATABASE_URL: url });
    expect(result.status, result.stderr).toBe(0);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(result.stdout.trim()) } });
    expect(stored).toMatchObject({ orgId: tenant.orgId, createdById: tenant.userId });
    // Named alike but for case, made before setup refused it: neither is guessed.
    const upper = await createTenant(db, { name: name.toUpperCase() });
    const ambiguous = run(["--org", name.toLowerCase(), "--name", "n", "--scope", "read"], { DATABASE_URL: url });
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stdout).toBe("");
    expect(ambiguous.stderr).toContain(tenant.orgId);
    expect(ambiguous.stderr).toContain(upper.orgId);
  });

  it("compares --org as text, not as a pattern: '_' and '%' match only themselves", async () => {
    const url = process.env.DATABASE_URL!;
    const stamp = Date.now();
    const dashed = await createTenant(db, { name: `Agency-${stamp}` });
    const underscore = run(["--org", `agency_${stamp}`, "--name", "n", "--scope", "read"], { DATABASE_URL: url });
    expect(underscore.status).toBe(2);
    expect(underscore.stdout).toBe("");
    expect(run(["--org", "%", "--name", "n", "--scope", "read"], { DATABASE_URL: url }).status).toBe(2);
    expect(await db.apiToken.count({ where: { orgId: dashed.orgId } })).toBe(0);
    // The name with the underscore itself is found, in any case.
    const named = await createTenant(db, { name: `Agency_${stamp}` });
    const found = run(["--org", `AGENCY_${stamp}`, "--name", "n", "--scope", "read"], { DATABASE_URL: url });
    expect(found.status, found.stderr).toBe(0);
    expect(await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(found.stdout.trim()) } })).toMatchObject({ orgId: named.orgId });
  });

  it("uses the embedded database of GATEHOUSE_DATA_DIR, migrating it first, whether the app's server is stopped or running", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gh-token-cli-"));
    dirs.push(dir);
    await chmod(dir, 0o755); // the server runs as the postgres user when we are root

    // Stopped: the command starts the embedded server itself, migrates, finds no organisation, stops it.
    const cold = run(["--org", "Embedded Agency", "--name", "n", "--scope", "write"], { GATEHOUSE_DATA_DIR: dir });
    expect(cold.status, cold.stderr).toBe(2);
    expect(cold.stderr).toContain('no organisation named "Embedded Agency"');

    // Running (as under `npm start`): the command connects to it and leaves it running.
    const server = await startEmbeddedPostgres({ dataDir: dir });
    try {
      const { applied } = await applyMigrations(server.url);
      expect(applied).toEqual([]); // the command applied them all before
      const app = createDb(server.url);
      try {
        const org = await app.organization.create({ data: { name: "Embedded Agency" } });
        const user = await app.user.create({ data: { email: "owner@embedded.example", name: "Owner", passwordHash: "x" } });
        await app.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
        const warm = run(["--org", "Embedded Agency", "--name", "n", "--scope", "write"], { GATEHOUSE_DATA_DIR: dir });
        expect(warm.status, warm.stderr).toBe(0);
        expect(warm.stdout).toMatch(TOKEN);
        expect(await app.apiToken.count({ where: { orgId: org.id, tokenHash: hashApiToken(warm.stdout.trim()) } })).toBe(1);
      } finally {
        await app.$disconnect();
      }
    } finally {
      await server.stop();
    }
  }, 180_000);
});
