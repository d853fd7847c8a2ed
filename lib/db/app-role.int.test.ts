import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createThrowawayDatabase, withDatabase } from "@/tests/support/test-database";
import { appLogin, appRoleName, appRolePassword, checkAppLogin } from "./app-role";
import { applyMigrations } from "./migrate";
import { createAppPool, createTenantDb } from "./tenant";

// How the role of scoped work is made, and every way it fails closed: an owner that may not create
// roles, a DATABASE_APP_URL role that is missing or could step around row-level security, and a pool
// pointed at the owner. Roles are cluster-wide: each test's are random and dropped afterwards.
const adminUrl = inject("adminDatabaseUrl");
// Databases first, then roles: a role with rights in a database cannot be dropped before it.
const dropDatabases: (() => Promise<void>)[] = [];
const dropRoles: string[] = [];
const secret = "app-role-test-secret-0123456789abcdefghijkl";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A login role of the test's own, with a password (the embedded server checks it; the local one trusts). */
async function makeRole(attributes: string): Promise<{ name: string; password: string }> {
  const name = `gh_test_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await admin((c) => c.query(`CREATE ROLE ${name} LOGIN ${attributes} PASSWORD '${password}'`));
  dropRoles.push(name);
  return { name, password };
}

function as(url: string, role: { name: string; password: string }): string {
  const next = new URL(url);
  next.username = role.name;
  next.password = role.password;
  return next.toString();
}

let migrated: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  migrated = await createThrowawayDatabase(adminUrl, "gatehouse_approle");
  dropDatabases.push(migrated.drop);
  await applyMigrations(migrated.url, undefined, { AUTH_SECRET: secret });
});

afterAll(async () => {
  for (const drop of dropDatabases) await drop();
  await admin(async (c) => {
    for (const name of dropRoles) await c.query(`DROP ROLE IF EXISTS ${name}`);
  });
});

describe("the derived login", () => {
  it("is one role per database, with a password derived from AUTH_SECRET and never stored", () => {
    const one = appLogin("postgresql://owner:pw@db.example:5432/gatehouse", { AUTH_SECRET: secret });
    expect(one.role).toBe("gatehouse_app_gatehouse");
    expect(one.password).toBe(appRolePassword(secret, "gatehouse_app_gatehouse"));
    expect(new URL(one.url!).username).toBe("gatehouse_app_gatehouse");
    expect(appRoleName("postgresql://owner@db.example/other")).toBe("gatehouse_app_other");
    // A name that is not a plain identifier is hashed, so the role name stays valid and distinct.
    expect(appRoleName("postgresql://owner@db.example/My-DB")).toMatch(/^gatehouse_app_[0-9a-f]{24}$/);
    expect(appRolePassword("another-secret-0123456789abcdefghijklmnop", one.role)).not.toBe(one.password);
    // Without AUTH_SECRET there is no password to derive: no URL, rather than a guess.
    expect(appLogin("postgresql://owner@db.example/gatehouse", {}).url).toBeNull();
  });

  it("refuses a socket URL it cannot give another user, rather than connect as the owner", () => {
    expect(() => appLogin("postgresql:///gatehouse", { AUTH_SECRET: secret })).toThrow(/names no host \(a Unix socket\)/);
    expect(new URL(appLogin("postgresql://owner@%2Fvar%2Frun%2Fpostgresql/gatehouse", { AUTH_SECRET: secret }).url!).username).toBe("gatehouse_app_gatehouse");
  });

  it("refuses DATABASE_APP_URL naming the owner, who is not subject to row-level security", () => {
    expect(() => appLogin("postgresql://owner@h/db", { DATABASE_APP_URL: "postgresql://owner@h/db" })).toThrow(/other than DATABASE_URL's/);
  });

  it("logs in as itself on a freshly migrated database and passes the start's check", async () => {
    const login = appLogin(migrated.url, { AUTH_SECRET: secret });
    await expect(checkAppLogin(login.url!, login.role)).resolves.toBeUndefined();
  });
});

describe("failing closed", () => {
  it("stops the migration with the statements an administrator runs when the owner may not create roles", async () => {
    const owner = await makeRole("NOSUPERUSER NOCREATEROLE");
    const database = `gatehouse_approle_owner_${randomBytes(3).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${database} OWNER ${owner.name}`));
    dropDatabases.push(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).then(() => undefined));
    const url = as(withDatabase(adminUrl, database), owner);
    const noMigrations = await mkdtemp(join(tmpdir(), "gatehouse-migrations-"));
    const failure = applyMigrations(url, noMigrations, { AUTH_SECRET: secret });
    await expect(failure).rejects.toThrow(`may not create roles`);
    await expect(failure).rejects.toThrow(`CREATE ROLE "${appRoleName(url)}" LOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT PASSWORD 'SCRAM-SHA-256$4096:`);
    await expect(failure).rejects.toThrow(/DATABASE_APP_URL=/);
    // …and nothing was made.
    expect((await admin((c) => c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [appRoleName(url)]))).rowCount).toBe(0);
  });

  it("refuses a DATABASE_APP_URL role that does not exist", async () => {
    const url = as(migrated.url, { name: `gh_missing_${randomBytes(4).toString("hex")}`, password: "x" });
    await expect(applyMigrations(migrated.url, undefined, { DATABASE_APP_URL: url })).rejects.toThrow(/does not exist on the server/);
    await expect(checkAppLogin(url, "gh_missing")).rejects.toThrow(/Cannot connect as the database role/);
  });

  it("accepts an administrator's role through DATABASE_APP_URL, and grants it only what scoped work needs", async () => {
    const role = await makeRole("NOSUPERUSER NOBYPASSRLS NOINHERIT");
    const url = as(migrated.url, role);
    await applyMigrations(migrated.url, undefined, { DATABASE_APP_URL: url });
    await expect(checkAppLogin(url, role.name)).resolves.toBeUndefined();
    const pool = createAppPool(url, 2);
    const tenantDb = createTenantDb(pool, "some-org");
    try {
      expect(await tenantDb.sellerAccount.count()).toBe(0);
      await expect(tenantDb.$queryRawUnsafe(`SELECT "passwordHash" FROM "User"`)).rejects.toThrow(/permission denied/);
    } finally {
      await tenantDb.$disconnect();
      await pool.end();
    }
  });

  it("refuses a role that could step around row-level security, at migration, at start and on every new connection", async () => {
    const role = await makeRole("NOSUPERUSER NOBYPASSRLS");
    const url = as(migrated.url, role);
    // pg_read_all_data would let it read every table, credentials included.
    await admin((c) => c.query(`GRANT pg_read_all_data TO ${role.name}`));
    await expect(applyMigrations(migrated.url, undefined, { DATABASE_APP_URL: url })).rejects.toThrow(/is a member of another role/);
    await expect(checkAppLogin(url, role.name)).rejects.toThrow(/is a member of another role/);
    const pool = createAppPool(url, 1);
    const tenantDb = createTenantDb(pool, "some-org");
    try {
      await expect(tenantDb.sellerAccount.count()).rejects.toThrow(/Refusing scoped work as database role/);
    } finally {
      await tenantDb.$disconnect();
      await pool.end();
    }
  });

  it("refuses scoped work on a connection that logged in as the owner", async () => {
    const pool = createAppPool(migrated.url, 1);
    const tenantDb = createTenantDb(pool, "some-org");
    try {
      await expect(tenantDb.sellerAccount.count()).rejects.toThrow(/Refusing scoped work as database role "[^"]+" \(current user "[^"]+"\): (is a superuser|owns database objects)/);
    } finally {
      await tenantDb.$disconnect();
      await pool.end();
    }
  });
});
