import "server-only";
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";
import { APP_FUNCTIONS, SHARED_TABLES, TENANT_TABLE_POLICY, TENANT_TABLE_PRIVILEGES } from "./app-tables";

// Scoped work (everything done for a signed-in user, lib/db/tenant.ts) connects as a LOGIN role of its
// own: no superuser, no BYPASSRLS, member of no role, owner of nothing, so row-level security always
// applies and no statement on its connection (RESET ROLE, SET ROLE) can make it anything else. The
// owner in DATABASE_URL keeps migrations and system jobs. Decision 011 has the why; in short:
// - One role per database (`gatehouse_app_<database>`): roles are cluster-wide, and deployments or test
//   databases sharing a server must not overwrite each other's password.
// - Its password is derived from AUTH_SECRET (HMAC), never stored: every instance of a deployment
//   computes the same one, and the server is sent only a SCRAM verifier, never the password.
// - DATABASE_APP_URL names a role an administrator made instead (when the owner may not create roles).

const LEGACY_ROLE = "gatehouse_app"; // the NOLOGIN role the pool used to SET ROLE to (decision 006)

export interface AppLogin {
  role: string;
  /** Gatehouse creates the role and sets its password itself; false when DATABASE_APP_URL names one. */
  managed: boolean;
  /** The connection string scoped work uses; null when it cannot be derived (no AUTH_SECRET). */
  url: string | null;
  password: string | null;
}

/** Where the login comes from: process.env, or the launcher's own values. */
export interface LoginEnv {
  DATABASE_APP_URL?: string;
  AUTH_SECRET?: string;
  [name: string]: string | undefined;
}

/** The role name for the database the owner's URL points at (PostgreSQL defaults the database to the user). */
function parseUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} is not a URL Gatehouse can read (postgresql://user:password@host:port/database)`);
  }
}

export function appRoleName(ownerUrl: string): string {
  const url = parseUrl(ownerUrl, "DATABASE_URL");
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || "postgres";
  // Readable when the name is plain; otherwise a hash keeps it a valid, distinct identifier (≤ 63 bytes).
  return /^[a-z0-9_]{1,49}$/.test(database) ? `gatehouse_app_${database}` : `gatehouse_app_${createHash("sha256").update(database).digest("hex").slice(0, 24)}`;
}

export function appRolePassword(secret: string, role: string): string {
  return createHmac("sha256", secret).update(`gatehouse database role ${role}`).digest("base64url");
}

export function appLogin(ownerUrl: string, env: LoginEnv = process.env): AppLogin {
  if (env.DATABASE_APP_URL) {
    const role = decodeURIComponent(parseUrl(env.DATABASE_APP_URL, "DATABASE_APP_URL").username);
    if (!role) throw new Error("DATABASE_APP_URL must name its user (postgresql://role:password@host/database)");
    if (role === decodeURIComponent(parseUrl(ownerUrl, "DATABASE_URL").username))
      throw new Error("DATABASE_APP_URL must name a role other than DATABASE_URL's: the owner of the tables is not subject to row-level security");
    return { role, managed: false, url: env.DATABASE_APP_URL, password: null };
  }
  const role = appRoleName(ownerUrl);
  if (!env.AUTH_SECRET) return { role, managed: true, url: null, password: null };
  const password = appRolePassword(env.AUTH_SECRET, role);
  const url = parseUrl(ownerUrl, "DATABASE_URL");
  // A URL without a host (a Unix socket: postgresql:///db) cannot carry another user: it would stay the owner.
  if (!url.host) throw new Error("DATABASE_URL names no host (a Unix socket), so Gatehouse cannot derive the login of signed-in users' queries from it: give a host (the socket directory URL-encoded, e.g. postgresql://user@%2Fvar%2Frun%2Fpostgresql/db) or set DATABASE_APP_URL");
  url.username = role;
  url.password = password;
  return { role, managed: true, url: url.toString(), password };
}

/** The connection string of scoped work for this process: DATABASE_APP_URL, or derived from DATABASE_URL and AUTH_SECRET. */
export function appDatabaseUrl(env: LoginEnv & { DATABASE_URL?: string } = process.env): string {
  if (env.DATABASE_APP_URL) return env.DATABASE_APP_URL;
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  const { url } = appLogin(env.DATABASE_URL, env);
  if (!url) throw new Error("AUTH_SECRET is not set: the database role of signed-in users' queries takes its password from it");
  return url;
}

/** A SCRAM-SHA-256 verifier, so the password itself never reaches the server (nor its statement log). */
function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const storedKey = createHash("sha256").update(createHmac("sha256", salted).update("Client Key").digest()).digest("base64");
  const serverKey = createHmac("sha256", salted).update("Server Key").digest("base64");
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey}:${serverKey}`;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

function cannotManageRoles(owner: string, login: AppLogin, client: pg.Client, cause: string): Error {
  const password = login.password ? ` PASSWORD ${client.escapeLiteral(scramVerifier(login.password))}` : "";
  return new Error(
    `Gatehouse runs signed-in users' queries as a database role of their own (row-level security), and the user in DATABASE_URL ("${owner}") may not ${cause}.\n` +
      `Either ask an administrator to run once (the password is derived from AUTH_SECRET; run it again after changing AUTH_SECRET):\n` +
      `  CREATE ROLE ${ident(login.role)} LOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT${password};\n` +
      `or create a role (LOGIN, not a superuser, no BYPASSRLS, member of no role) with a password of your choice and set\n` +
      `  DATABASE_APP_URL=postgresql://<that role>:<its password>@<host>/<database>\n` +
      `Gatehouse then grants that role what it needs at every start.`,
  );
}

/** Can the derived login authenticate? (With trust authentication any password does.) */
async function canLogIn(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

async function provisionRole(client: pg.Client, login: AppLogin): Promise<void> {
  const owner = (await client.query<{ me: string }>(`SELECT current_user AS me`)).rows[0].me;
  const exists = (await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [login.role])).rowCount === 1;
  if (!login.managed) {
    if (!exists) throw new Error(`DATABASE_APP_URL names the role "${login.role}", which does not exist on the server: create it first (see README, "Your own PostgreSQL")`);
    return;
  }
  try {
    if (!exists) {
      const password = login.password ? ` PASSWORD ${client.escapeLiteral(scramVerifier(login.password))}` : "";
      await client.query(`CREATE ROLE ${ident(login.role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT${password}`);
    } else if (login.url && !(await canLogIn(login.url))) {
      // AUTH_SECRET changed, or the role was made without a password.
      await client.query(`ALTER ROLE ${ident(login.role)} LOGIN PASSWORD ${client.escapeLiteral(scramVerifier(login.password!))}`);
    }
  } catch (error) {
    if ((error as { code?: string }).code === "42501") throw cannotManageRoles(owner, login, client, exists ? "set that role's password" : "create roles");
    throw error;
  }
}

/**
 * Why the role must not be used for scoped work, or null. Every clause is something that would let a
 * query on its connection step around row-level security or read what only system paths may read.
 */
export const UNSAFE_ROLE_SQL = `SELECT CASE
    WHEN r.rolsuper THEN 'is a superuser'
    WHEN r.rolbypassrls THEN 'has BYPASSRLS'
    WHEN EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid) THEN 'is a member of another role (it could SET ROLE to it or inherit its rights)'
    WHEN EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid AND d.deptype = 'o') THEN 'owns database objects (owners are not subject to row-level security)'
  END AS reason FROM pg_roles r WHERE r.rolname = $1`;

async function assertSafe(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ reason: string | null }>(UNSAFE_ROLE_SQL, [role]);
  if (rows[0]?.reason) throw new Error(`The database role "${role}" for signed-in users' queries ${rows[0].reason}; Gatehouse refuses to use it`);
}

/**
 * Gives the role exactly what scoped work needs in this database, after every migration so new tables
 * are covered: the tenant tables (an "orgId" column and the tenant_isolation policy) in full, the few
 * shared tables as declared in app-tables.ts, and nothing else. One transaction, so a running app
 * never sees the moment between the revoke and the grants.
 */
async function grant(client: pg.Client, role: string): Promise<void> {
  const { rows: tenantTables } = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'orgId' AND NOT a.attisdropped)
       AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $1)
     ORDER BY 1`,
    [TENANT_TABLE_POLICY],
  );
  const who = ident(role);
  await client.query("BEGIN");
  try {
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${who}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${who}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    for (const { table } of tenantTables) {
      await client.query(`GRANT ${(TENANT_TABLE_PRIVILEGES[table] ?? ["SELECT", "INSERT", "UPDATE", "DELETE"]).join(", ")} ON ${ident(table)} TO ${who}`);
      // Identity/serial columns (AuditEvent's id) draw from a sequence the inserting role must use.
      const { rows: sequences } = await client.query<{ seq: string }>(`SELECT pg_get_serial_sequence($1, a.attname) AS seq FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`, [ident(table)]);
      for (const { seq } of sequences) await client.query(`GRANT USAGE, SELECT ON SEQUENCE ${seq} TO ${who}`);
    }
    for (const [table, shared] of Object.entries(SHARED_TABLES)) {
      for (const privilege of shared.grants) await client.query(`GRANT ${privilege} ON ${ident(table)} TO ${who}`);
    }
    for (const fn of APP_FUNCTIONS) await client.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${who}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Before the login role existed, the owner switched to a NOLOGIN role that could read everything: it keeps nothing here. */
async function retireLegacyRole(client: pg.Client): Promise<void> {
  if ((await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [LEGACY_ROLE])).rowCount === 0) return;
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${LEGACY_ROLE}`);
  await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${LEGACY_ROLE}`);
}

/** Run by the migration runner as the owner, under its advisory lock: the role, its safety, its grants. */
export async function ensureAppRole(client: pg.Client, login: AppLogin): Promise<void> {
  await provisionRole(client, login);
  await assertSafe(client, login.role);
  await grant(client, login.role);
  await retireLegacyRole(client);
}

/**
 * At start, before serving: connects as scoped work will and proves who it is. Fails closed, with the
 * reason, when the role cannot log in or is not what row-level security needs.
 */
export async function checkAppLogin(url: string, expectedRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect as the database role "${expectedRole}" for signed-in users' queries: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ session: string; current: string }>(`SELECT session_user AS session, current_user AS current`);
    if (rows[0].session !== expectedRole || rows[0].current !== expectedRole)
      throw new Error(`Connected as "${rows[0].session}" (current user "${rows[0].current}") instead of "${expectedRole}" for signed-in users' queries`);
    await assertSafe(client, expectedRole);
  } finally {
    await client.end();
  }
}
