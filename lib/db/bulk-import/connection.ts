import "server-only";
import pg from "pg";
import { appDatabaseUrl, UNSAFE_ROLE_SQL } from "../app-role";
import { TENANT_SETTING } from "../tenant";
import type { Sql } from "../risk/sql";

// A large import runs on a connection of its own (COPY needs the raw pg client, and the whole import
// is one transaction that may last minutes, which should not hold one of the shared pool's
// connections). It logs in as the scoped-work role like every tenant connection (decision 011) and
// proves it before any work; the tenant is set with set_config(…, true) right after BEGIN, so it lasts
// exactly the transaction whatever lib/db/tenant.ts does with pooled connections.

export interface ImportConnection {
  client: pg.Client;
  sql: Sql;
  /** The backend's pid (what pg_terminate_backend takes: the kill test uses it). */
  pid: number;
}

export async function openImportConnection(connectionString = appDatabaseUrl()): Promise<ImportConnection> {
  const client = new pg.Client({ connectionString });
  // A connection the server drops mid-import surfaces as the failing query's error; without a
  // listener the 'error' event would end the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ reason: string | null; session: string; current: string; pid: number }>(
      `SELECT session_user AS session, current_user AS current, pg_backend_pid() AS pid, (${UNSAFE_ROLE_SQL.replace("$1", "session_user")}) AS reason`,
    );
    const [{ reason, session, current, pid }] = rows;
    if (reason || session !== current) throw new Error(`Refusing scoped work as database role "${session}" (current user "${current}"): ${reason ?? "it switched roles"}`);
    const sql: Sql = process.env.BULK_IMPORT_TRACE ? traced(client) : async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[];
    return { client, sql, pid };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** BEGIN, bound to one organisation for this transaction only. */
export async function beginScoped(connection: ImportConnection, orgId: string): Promise<void> {
  await connection.client.query("BEGIN");
  await connection.client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [orgId]);
}

/** BULK_IMPORT_TRACE=1: each statement's time and first words on stderr, to see where an import spends it (bench/import.ts). */
function traced(client: pg.Client): Sql {
  return async <T>(text: string, params: unknown[]) => {
    const start = performance.now();
    const { rows, rowCount } = await client.query(text, params);
    const ms = performance.now() - start;
    if (ms >= 50) console.error(`      [sql ${(ms / 1000).toFixed(2)} s, ${rowCount ?? 0} rows] ${text.replace(/\s+/g, " ").slice(0, 110)}`);
    return rows as T[];
  };
}
