import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { AppError } from "@/lib/errors";
import { removeEmbeddedDataDir } from "@/tests/support/embedded-data-dir";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { createDb, type Db } from "../client";
import { startEmbeddedPostgres } from "../embedded";
import { applyMigrations } from "../migrate";
import { syncToolCatalogue } from "../tools";
import { resolveScope } from "../scope";
import { DEMO_ORG_ID } from "../seed";
import { newOrganisationSchema } from "@/lib/validation/setup";
import { completeSetup, createOwnOrganisation } from "./create-agency";
import { prepareSetupToken, setupIsOpen, SETUP_TOKEN_FILE } from "./setup-token";

// First run without the demo, on databases of their own: "no organisation exists" cannot be arranged in
// the run's shared database, where every other test makes organisations.
const PASSWORD = "lantern harbour quietly 2026";
const form = (token: string, email = "owner@agency.example") => ({
  token, orgName: "Sakura Agency", locale: "en" as const, name: "Sato Hana", email, password: PASSWORD, confirmPassword: PASSWORD,
});
const codeOf = async (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("the setup link", () => {
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let db: Db;
  let dataDir: string;
  const globals = globalThis as unknown as { gatehouseDb?: unknown };
  const previous = { url: process.env.DATABASE_URL, db: globals.gatehouseDb };

  beforeAll(async () => {
    database = await createThrowawayDatabase(inject("adminDatabaseUrl"), "gatehouse_setup");
    await applyMigrations(database.url);
    db = createDb(database.url);
    await syncToolCatalogue(db);
    dataDir = await mkdtemp(join(tmpdir(), "gh-setup-"));
    // lib/db's own client (getDb) points at this empty database for these tests.
    process.env.DATABASE_URL = database.url;
    globals.gatehouseDb = undefined;
  });
  afterAll(async () => {
    const own = globals.gatehouseDb as Db | undefined;
    await own?.$disconnect();
    process.env.DATABASE_URL = previous.url;
    globals.gatehouseDb = previous.db;
    await db.$disconnect();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is issued once, kept in the data directory, works once, and is refused once an organisation exists", async () => {
    const first = await prepareSetupToken(db, dataDir);
    expect(first.kind).toBe("issued");
    const token = first.kind === "issued" ? first.token : "";
    expect(readFileSync(join(dataDir, SETUP_TOKEN_FILE), "utf8")).toBe(token);
    // Only its hash is in the database.
    expect((await db.setupToken.findUniqueOrThrow({ where: { id: 1 } })).tokenHash).not.toContain(token);
    // A restart does not issue (or print) it again.
    expect(await prepareSetupToken(db, dataDir)).toEqual({ kind: "pending", file: join(dataDir, SETUP_TOKEN_FILE) });

    expect(await setupIsOpen(token)).toBe(true);
    expect(await setupIsOpen(`${token.slice(0, -1)}x`)).toBe(false);
    expect(await setupIsOpen(undefined)).toBe(false);
    expect(await codeOf(completeSetup(form(`${token.slice(0, -1)}x`)))).toBe("NOT_FOUND");
    // A refused password leaves the token usable and nothing written.
    expect(await codeOf(completeSetup({ ...form(token), password: "password1234", confirmPassword: "password1234" }))).toBe("INVALID_INPUT");
    expect(await db.organization.count()).toBe(0);

    // Two submissions at once with the one token: exactly one creates the agency.
    const outcomes = await Promise.all([codeOf(completeSetup(form(token))), codeOf(completeSetup(form(token, "other@agency.example")))]);
    expect(outcomes.sort()).toEqual(["NOT_FOUND", "ok"]);
    const org = await db.organization.findFirstOrThrow({ include: { memberships: { include: { user: true } } } });
    expect(org).toMatchObject({ name: "Sakura Agency", kind: "AGENCY", locale: "en" });
    expect(org.memberships).toHaveLength(1);
    expect(org.memberships[0]).toMatchObject({ role: "OWNER", user: { name: "Sato Hana", locale: "en" } });
    expect(org.memberships[0].user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: "organisation.created" } })).toBe(1);

    // Used: the page is gone, a second use is refused, and the next start removes the token.
    expect(await setupIsOpen(token)).toBe(false);
    expect(await codeOf(completeSetup(form(token, "third@agency.example")))).toBe("NOT_FOUND");
    expect(await prepareSetupToken(db, dataDir)).toEqual({ kind: "not-needed" });
    expect(existsSync(join(dataDir, SETUP_TOKEN_FILE))).toBe(false);
    expect(await db.setupToken.count()).toBe(0);
  });

  it("lets an Owner of the demo organisation, and nobody else, start an organisation owned by a new user, never the demo user", async () => {
    await db.organization.create({ data: { id: DEMO_ORG_ID, name: "Demo Agency" } });
    const demo = await db.user.create({ data: { email: "trial@agency.example", name: "Trial", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: DEMO_ORG_ID, userId: demo.id, role: "OWNER" } });
    // As the form's schema passes it on (the e-mail lower-cased).
    const own = (orgName: string, email: string, password = PASSWORD) => newOrganisationSchema.parse({ orgName, locale: "ja", name: "Kato Ren", email, password, confirmPassword: password });
    const scope = (await resolveScope(demo.id, DEMO_ORG_ID))!;
    const { orgId, email } = await createOwnOrganisation(scope, own("Trial Agency KK", "Ren@Trial.example"));
    expect(email).toBe("ren@trial.example");
    expect(await db.organization.findUniqueOrThrow({ where: { id: orgId } })).toMatchObject({ name: "Trial Agency KK", kind: "AGENCY", locale: "ja" });
    // Its only member is the new user, as Owner, with a slow hash of their own password: the shared demo user is not in it (decision 103).
    const members = await db.membership.findMany({ where: { orgId }, include: { user: true } });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ role: "OWNER", user: { email: "ren@trial.example", name: "Kato Ren", locale: "ja" } });
    expect(members[0].user.id).not.toBe(demo.id);
    expect(members[0].user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(members[0].user.passwordHash).not.toContain(PASSWORD);
    expect((await resolveScope(demo.id, DEMO_ORG_ID))!.memberships.map((m) => m.orgId)).toEqual([DEMO_ORG_ID]);
    expect(await resolveScope(demo.id, orgId)).toMatchObject({ orgId: DEMO_ORG_ID });
    expect(await db.auditEvent.findFirstOrThrow({ where: { orgId, action: "organisation.created" } })).toMatchObject({ actorUserId: members[0].user.id, after: { via: "demo" } });

    const counts = async () => [await db.organization.count(), await db.user.count(), await db.membership.count()];
    const before = await counts();
    // An e-mail that already has a user (in any case), and the demo user's own, are refused at the field; nothing is created.
    for (const taken of ["REN@trial.example", "trial@agency.example"])
      await expect(createOwnOrganisation(scope, own("Another KK", taken))).rejects.toMatchObject({ code: "CONFLICT", details: { email: "validation.emailTaken" } });
    // The password rules of /setup and invitations: a common one is refused, nothing created.
    await expect(createOwnOrganisation(scope, own("Another KK", "new@trial.example", "password1234"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // From the new (non-demo) organisation, or as an Admin of the demo, it is refused.
    expect(await codeOf(createOwnOrganisation((await resolveScope(members[0].user.id, orgId))!, own("Third", "third@trial.example")))).toBe("FORBIDDEN");
    await db.membership.updateMany({ where: { orgId: DEMO_ORG_ID, userId: demo.id }, data: { role: "ADMIN" } });
    expect(await codeOf(createOwnOrganisation((await resolveScope(demo.id, DEMO_ORG_ID))!, own("Fourth", "fourth@trial.example")))).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
    await db.membership.updateMany({ where: { orgId: DEMO_ORG_ID, userId: demo.id }, data: { role: "OWNER" } });

    // Another tenant's name is not the visitor's to confirm: accepted as any new name (decision 100), with its own new Owner.
    await db.organization.create({ data: { name: "Probe Tenant B", kind: "AGENCY" } });
    const beside = await createOwnOrganisation((await resolveScope(demo.id, DEMO_ORG_ID))!, own("probe tenant b", "b@trial.example"));
    expect(await db.membership.findMany({ where: { orgId: beside.orgId }, select: { role: true, user: { select: { email: true } } } })).toEqual([{ role: "OWNER", user: { email: "b@trial.example" } }]);
  });
});

describe("gatehouse setup on the embedded database", () => {
  const bin = join(import.meta.dirname, "../../../bin/gatehouse.mjs");
  let dir: string;
  afterAll(async () => {
    if (dir) await removeEmbeddedDataDir(dir);
  });
  const run = (args: string[], stdin: string) =>
    spawnSync(process.execPath, [bin, "setup", ...args], {
      encoding: "utf8", input: stdin, cwd: join(import.meta.dirname, "../../.."),
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", GATEHOUSE_OWNER_PASSWORD: "", GATEHOUSE_DATA_DIR: dir },
    });
  const owners = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(`SELECT o.name, u.email FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId" JOIN "User" u ON u.id = m."userId" WHERE m.role = 'OWNER' ORDER BY o.name`)).rows;
    } finally {
      await client.end();
    }
  };

  it("works with the app's database stopped (starts and stops it) and running (leaves it running)", async () => {
    dir = await mkdtemp(join(tmpdir(), "gh-cli-setup-"));
    await chmod(dir, 0o755); // the server runs as the postgres user when we are root

    // Stopped (never started, even): the command initialises it, migrates, creates, and stops it again.
    const stopped = run(["--org", "Kumo Agency", "--email", "owner@kumo.example", "--name", "Kumo Owner"], `${PASSWORD}\n`);
    expect(stopped.stderr).toBe("");
    expect(stopped.stdout).toContain('created organisation "Kumo Agency"');
    expect(stopped.status).toBe(0);
    expect(existsSync(join(dir, "pg", "postmaster.pid"))).toBe(false);

    // Running (as under `npm start`): the command attaches to it and leaves it running.
    const app = await startEmbeddedPostgres({ dataDir: dir });
    try {
      const running = run(["--org=Hoshi Agency", "--email=owner@hoshi.example"], `${PASSWORD}\n`);
      expect(running.status).toBe(0);
      // The same e-mail again: exit 2 and a message that says so; nothing is created.
      const again = run(["--org", "Hoshi Again", "--email", "OWNER@hoshi.example"], `${PASSWORD}\n`);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("already exists");
      // The password policy applies.
      const weak = run(["--org", "Weak Agency", "--email", "weak@hoshi.example"], "password1234\n");
      expect(weak.status).toBe(2);
      expect(weak.stderr).toContain("password is a commonly used password");
      // An agency's name again, in any case: exit 2 naming --org; nothing is created (probe 43, finding 4:
      // a second "Momiji Partners" left `token create --org` unable to pick either).
      const twin = run(["--org", "hoshi AGENCY", "--email", "twin@hoshi.example"], `${PASSWORD}\n`);
      expect(twin.status).toBe(2);
      expect(twin.stdout).toBe("");
      expect(twin.stderr).toContain("--org is already the name of an organisation");
      expect(await owners(app.url)).toEqual([
        { name: "Hoshi Agency", email: "owner@hoshi.example" },
        { name: "Kumo Agency", email: "owner@kumo.example" },
      ]);
    } finally {
      await app.stop();
    }
  }, 240_000);

  it("refuses bad arguments with exit 2 and the usage", () => {
    const result = spawnSync(process.execPath, [bin, "setup", "--email", "x@example.com"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--org NAME is required");
  });
});
