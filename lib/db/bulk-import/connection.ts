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
  /**
   * The error to show for a failure of this connection: when the server ended it (pg_terminate_backend,
   * a restart), the server's own reason. A termination that lands between two statements reaches pg as an
   * 'error' event, and the next query then fails only with "Client has encountered a connection error and
   * is not queryable" — which tells the user nothing (the kill test failed on it when its kill landed so).
   */
  explain: (error: unknown) => unknown;
}

/** A failure whose message is the server's reason for ending the connection; the failure that surfaced is its cause. */
export class ImportConnectionLost extends Error {
  readonly code: string | undefined;
  constructor(reason: Error & { code?: string }, cause: unknown) {
    super(`The database ended the import's connection: ${reason.message}`, { cause });
    this.name = "ImportConnectionLost";
    this.code = reason.code;
  }
}

export async function openImportConnection(connectionString = appDatabaseUrl()): Promise<ImportConnection> {
  const client = new pg.Client({ connectionString });
  // Without a listener the 'error' event would end the process. The first error is kept: when the server
  // ends the connection between statements it is the server's reason (57P01 "terminating connection due
  // to administrator command"), and explain() puts it on whatever failure surfaces next.
  let lost: (Error & { code?: string }) | null = null;
  client.on("error", (error: Error) => {
    if (!lost || (!fromServer(lost) && fromServer(error))) lost = error;
  });
  // A failure that carries the server's own words is shown as it is (a kill during a statement fails it with them).
  const explain = (error: unknown) => (lost && !fromServer(error) && !(error instanceof ImportConnectionLost) ? new ImportConnectionLost(lost, error) : error);
  await client.connect();
  try {
    const { rows } = await client.query<{ reason: string | null; session: string; current: string; pid: number }>(
      `SELECT session_user AS session, current_user AS current, pg_backend_pid() AS pid, (${UNSAFE_ROLE_SQL.replace("$1", "session_user")}) AS reason`,
    );
    const [{ reason, session, current, pid }] = rows;
    if (reason || session !== current) throw new Error(`Refusing scoped work as database role "${session}" (current user "${current}"): ${reason ?? "it switched roles"}`);
    const plain: Sql = process.env.BULK_IMPORT_TRACE ? traced(client) : async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[];
    const sql: Sql = async <T>(text: string, params: unknown[]) => {
      try {
        return await plain<T>(text, params);
      } catch (error) {
        throw explain(error);
      }
    };
    return { client, sql, pid, explain };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** An error PostgreSQL sent (pg's DatabaseError: it has a severity and an SQLSTATE code). */
const fromServer = (error: unknown): boolean => error instanceof pg.DatabaseError;

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
