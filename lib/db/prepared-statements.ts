import { createHash } from "node:crypto";

// Lone scoped queries as named (prepared) statements, per connection (decision 049).
//
// An unnamed statement is planned on every execution. The record pages' statements are large (a dozen JSON
// subqueries, row-level-security quals on every table), and planning them cost more than running them: the
// person page's statement planned in 4.9 ms and ran in 2.4 (EXPLAIN, the bench database). Named once per
// connection, PostgreSQL plans it afresh for its first five executions and then, when a generic plan is not
// estimated to cost more than those custom plans did, reuses one plan (plan_cache_mode auto): that statement
// went from 10.8 to 3.2 ms at the client (medians of 40, alternated).
//
// The tenant is not part of a plan: the row-level-security quals read current_setting('gatehouse.org_id')
// when the statement runs, and the setting is still sent, transaction-local, before every execution.
//
// A named statement lives on the server connection. Behind PgBouncer in transaction mode (1.18, Debian's)
// consecutive transactions of one client connection may run on different server connections, where the
// name is unknown or taken, so it is off whenever a pooler sits in front: when DATABASE_DIRECT_URL is set to
// something other than DATABASE_URL (the README's PgBouncer set-up), unless GATEHOUSE_PREPARED_STATEMENTS says
// otherwise (`on` for a PgBouncer ≥ 1.21 with max_prepared_statements, which prepares them on every server
// connection itself).

/**
 * Statements kept per connection at most; past it, new texts run unnamed. Each holds its plans in the backend's
 * memory: the largest, the person page's, 1.3 MB (pg_backend_memory_contexts, CachedPlan*), a Prisma findMany tens
 * of kB. The app's statement texts are parameterised and few; the limit only bounds a surprise. A pooled connection
 * idle for 10 s is closed (pg-pool's default), and its statements with it.
 */
export const MAX_PREPARED_PER_CONNECTION = 100;

/** Whether this process's scoped work uses named statements, from its environment (see above). */
export function preparedStatementsWanted(env: Record<string, string | undefined> = process.env): boolean {
  const setting = env.GATEHOUSE_PREPARED_STATEMENTS;
  if (setting === "on") return true;
  if (setting === "off") return false;
  const direct = env.DATABASE_DIRECT_URL;
  return !direct || direct === env.DATABASE_URL;
}

/** A statement's name: its text's digest, so one text has one name on every connection and two texts never share one. */
export function statementName(text: string): string {
  return `gh_${createHash("sha1").update(text).digest("hex")}`;
}

interface NamedStatements {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

/**
 * The name to run `text` under on this connection, or undefined (unnamed): named when the connection has it
 * already, or has room for one more.
 */
export function nameOnConnection(connection: NamedStatements, text: string, max = MAX_PREPARED_PER_CONNECTION): string | undefined {
  const name = statementName(text);
  if (connection.parsedStatements[name] !== undefined || connection.submittedNamedStatements[name] !== undefined) return name;
  const held = Object.keys(connection.parsedStatements).length + Object.keys(connection.submittedNamedStatements).length;
  return held < max ? name : undefined;
}
