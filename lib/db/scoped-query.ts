import pg from "pg";

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

type QueryConfig = { text: string; values?: unknown[]; name?: string; rowMode?: string; types?: unknown; queryMode?: string };
type Connection = {
  parse(config: { text: string; name?: string; types?: unknown[] }): void;
  bind(config: { portal?: string; statement?: string; values: unknown[] }): void;
  execute(config: { portal?: string; rows?: number }): void;
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

  constructor(config: QueryConfig, private readonly orgId: string) {
    // Named statements would outlive the transaction on the connection; Prisma's pg adapter sends none here.
    if (config.name) throw new Error("A scoped query cannot be a named prepared statement");
    // Always the extended protocol: a simple-protocol Query message would end the implicit transaction.
    super({ ...config, queryMode: "extended" });
  }

  prepare(connection: Connection): void {
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

/** Runs `args` (as given to `pool.query`) on `client` behind the tenant setting, in one round trip. */
export function runScoped(client: pg.PoolClient, orgId: string, args: unknown[]): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    const query = new ScopedQuery(queryConfig(args), orgId) as unknown as { callback?: (error: Error | null, result: pg.QueryResult) => void };
    query.callback = (error, result) => (error ? reject(error) : resolve(result));
    client.query(query as unknown as pg.QueryConfig);
  });
}
