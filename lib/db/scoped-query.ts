import pg from "pg";
import { nameOnConnection } from "./prepared-statements";

// A lone scoped query in ONE round trip. Before, it was three: `BEGIN; set_config(…, true)`, the query,
// `COMMIT`, each waiting for the server (decision 041 measured ≈ 0.5 ms of app CPU and ≈ 0.4 ms of
// PostgreSQL CPU per query on the two extra round trips, and the page's extra waits as the chrome's largest
// part).
//
// PostgreSQL's extended query protocol runs every message up to a Sync as one implicit transaction
// ("Message Flow", "Extended Query", in the protocol chapter: Sync closes the current transaction when
// no BEGIN opened a block; an error makes the server skip to the Sync and roll the transaction back). So the
// query is sent as Parse/Bind/Execute of `set_config('gatehouse.org_id', $1, true)`, then the query's own
// Parse/Bind/Describe/Execute, then one Sync: the setting is transaction-local exactly as before and ends
// with the same transaction as the query, which is committed at the Sync (or rolled back after an error the
// server reports). Unlike the old COMMIT sent by the client, the Sync goes out with the query, so an error
// raised on the client's side after the server has executed a write (a type parser throwing, a
// `query_timeout`, which Gatehouse does not set) no longer undoes it: the write is committed, as any
// autocommitted statement would be.
// Nothing stays on the connection, so PgBouncer's transaction mode may hand it on after the
// ReadyForQuery as before (lib/db/pgbouncer.int.test.ts).
//
// On a direct connection the query may also be a named statement, so that PostgreSQL need not plan it on every
// execution (prepared-statements.ts, decision 049). Its Parse then goes first, before the setting's: a Parse
// runs nothing, and pg's client marks a name as parsed at the first ParseComplete of the query, which must be
// the named statement's own (a failed Parse leaves it unmarked, to be parsed again next time). When pg itself
// cannot send a value (a client-side error at Bind) it closes the statement after the Parse, yet marks it parsed:
// TenantPoolView then discards the connection, as it does after any error the server did not report.

type QueryConfig = { text: string; values?: unknown[]; name?: string; rowMode?: string; types?: unknown; queryMode?: string };
type Connection = {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(config: { text: string; name?: string; types?: unknown[] }): void;
  bind(config: { portal?: string; statement?: string; values: unknown[] }): void;
  execute(config: { portal?: string; rows?: number }): void;
  close(config: { type: "S" | "P"; name: string }): void;
};

const PgQuery = (pg as unknown as { Query: new (config: QueryConfig) => object }).Query;

export const SET_TENANT_SQL = "SELECT set_config('gatehouse.org_id', $1, true)";

/** The query's config in the object form, whichever form `pool.query` was called with. */
export function queryConfig(args: unknown[]): QueryConfig {
  const [first, second] = args;
  // A Submittable (pg-cursor, pg-query-stream) keeps a portal open across round trips: not a lone query.
  if (typeof first === "object" && first !== null && typeof (first as { submit?: unknown }).submit === "function") {
    throw new TypeError("A scoped query cannot be a Submittable");
  }
  if (typeof first === "string") return { text: first, values: Array.isArray(second) ? second : undefined };
  if (typeof first === "object" && first !== null && typeof (first as { text?: unknown }).text === "string") {
    const config = first as QueryConfig;
    return Array.isArray(second) ? { ...config, values: second } : config;
  }
  throw new TypeError("A scoped query needs its SQL text");
}

/** pg's Query, preceded on the wire by the transaction-local tenant setting, up to the same Sync. */
export class ScopedQuery extends PgQuery {
  /** True until the setting's own CommandComplete: its DataRow and CommandComplete are not the query's result. */
  private settingPending = true;

  /**
   * `name`: run the query as this named statement (prepared-statements.ts chooses it). A name given by the
   * caller is refused: only this module knows what a connection holds (Prisma's pg adapter sends none).
   */
  constructor(
    config: QueryConfig,
    private readonly orgId: string,
    name?: string,
    /** A statement to close first: the connection's least recently used, when it holds its maximum. */
    private readonly evict?: string,
  ) {
    if (config.name) throw new Error("A scoped query cannot be a named prepared statement");
    // Always the extended protocol: a simple-protocol Query message would end the implicit transaction.
    super({ ...config, name, queryMode: "extended" });
  }

  prepare(connection: Connection): void {
    const self = this as unknown as { name?: string; text: string; types?: unknown[]; hasBeenParsed(c: Connection): boolean };
    if (this.evict) {
      // Close, like Parse, runs nothing and outlives the transaction; closing a name the server lacks is no error.
      connection.close({ type: "S", name: this.evict });
      delete connection.parsedStatements[this.evict];
    }
    if (self.name && !self.hasBeenParsed(connection)) {
      connection.parse({ text: self.text, name: self.name, types: self.types as unknown[] | undefined });
      connection.submittedNamedStatements[self.name] = self.text;
    }
    connection.parse({ text: SET_TENANT_SQL, name: "", types: [] });
    connection.bind({ portal: "", statement: "", values: [this.orgId] });
    connection.execute({ portal: "", rows: 0 });
    (PgQuery.prototype as unknown as { prepare(c: Connection): void }).prepare.call(this, connection);
  }

  handleDataRow(message: unknown): void {
    if (this.settingPending) return;
    (PgQuery.prototype as unknown as { handleDataRow(m: unknown): void }).handleDataRow.call(this, message);
  }

  handleCommandComplete(message: unknown, connection: unknown): void {
    if (this.settingPending) {
      this.settingPending = false;
      return;
    }
    (PgQuery.prototype as unknown as { handleCommandComplete(m: unknown, c: unknown): void }).handleCommandComplete.call(this, message, connection);
  }
}

/**
 * Runs `args` (as given to `pool.query`) on `client` behind the tenant setting, in one round trip; as a named
 * statement when `prepared` (prepared-statements.ts), while the connection has room for it.
 */
export function runScoped(client: pg.PoolClient, orgId: string, args: unknown[], prepared: { max: number } | false = false): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    const config = queryConfig(args);
    const connection = (client as unknown as { connection: Connection }).connection;
    const named = prepared && !config.name ? nameOnConnection(connection, config.text, prepared.max) : undefined;
    const query = new ScopedQuery(config, orgId, named?.name, named?.evict) as unknown as { callback?: (error: Error | null, result: pg.QueryResult) => void };
    query.callback = (error, result) => (error ? reject(error) : resolve(result));
    client.query(query as unknown as pg.QueryConfig);
  });
}

/**
 * Errors a named statement meets when the server's copy is gone or stale (the schema changed under its plan, or a
 * connection's names went out of step): raised at Parse or Bind, before the query runs, so running it again is safe.
 */
export function staleStatement(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return false;
  return error.code === "26000" || error.code === "42P05" || (error.code === "0A000" && /cached plan must not change result type/.test(error.message));
}
