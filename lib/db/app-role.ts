import "server-only";
import type pg from "pg";
import { APP_ROLE } from "./tenant";

// The role scoped queries run as: no login, no superuser, no BYPASSRLS, not the owner of any table,
// so row-level security applies to it. Roles are cluster-wide (several Gatehouse databases on one
// server share it), so it is provisioned here, idempotently, rather than in a migration; the
// grants are per database and re-run after every migration so new tables are covered.
const RACING = new Set(["42710", "23505", "XX000"]); // duplicate role / concurrent catalogue update

export async function ensureAppRole(client: pg.Client): Promise<void> {
  const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
  if (exists.rowCount === 0) {
    try {
      await client.query(`CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "42501")
        throw new Error(
          `The database user may not create roles. Ask an administrator to run once: CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS; GRANT ${APP_ROLE} TO <the user in DATABASE_URL>;`,
        );
      if (!code || !RACING.has(code)) throw error;
    }
  }
  const me = await client.query<{ rolsuper: boolean; member: boolean }>(
    `SELECT r.rolsuper, pg_has_role(current_user, $1, 'MEMBER') AS member FROM pg_roles r WHERE r.rolname = current_user`,
    [APP_ROLE],
  );
  // SET ROLE needs membership unless the connecting user is a superuser.
  if (!me.rows[0]?.rolsuper && !me.rows[0]?.member) await client.query(`GRANT ${APP_ROLE} TO CURRENT_USER`);
  for (const grant of [
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`,
  ]) {
    try {
      await client.query(grant);
    } catch (error) {
      // Two databases granting at once can collide on the shared role's catalogue row; once more is enough.
      if ((error as { code?: string }).code !== "XX000") throw error;
      await client.query(grant);
    }
  }
}
