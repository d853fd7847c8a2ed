import { randomBytes } from "node:crypto";
import pg from "pg";
import { appRoleName } from "@/lib/db/app-role";

// Tests never touch a developer's or a remote database: throwaway databases on a local server only.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against non-local database host "${host}"`);
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export async function createThrowawayDatabase(adminUrl: string, prefix = "gatehouse_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  assertLocal(adminUrl);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      // Its scoped-work role (lib/db/app-role.ts) is cluster-wide and had rights in that database only.
      await c.query(`DROP ROLE IF EXISTS "${appRoleName(withDatabase(adminUrl, name))}"`);
      await c.end();
    },
  };
}
