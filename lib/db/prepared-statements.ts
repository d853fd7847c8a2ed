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
 * Statements kept per connection at most; past it, the least recently used one is closed. Each holds its plans in the backend's
 * memory: the largest, the person page's, 1.3 MB (pg_backend_memory_contexts, CachedPlan*), a Prisma findMany tens
 * of kB. The app's statement texts are parameterised and few, but for `in` lists (below). A pooled connection
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

/** The names each connection holds, least recently used first (a Map keeps insertion order). */
const recency = new WeakMap<NamedStatements, Map<string, true>>();

/**
 * How to run `text` on this connection: by `name`, and first closing `evict` (the connection's least recently used
 * statement) when it holds `max` already. Prisma writes an `in` list as `IN ($1, $2, …)`, so a list of each length
 * is a text of its own: without eviction, one-off texts would fill a busy connection (one never idle long enough to
 * be closed) and the pages' statements would run unnamed from then on.
 */
export function nameOnConnection(connection: NamedStatements, text: string, max = MAX_PREPARED_PER_CONNECTION): { name: string; evict?: string } {
  const name = statementName(text);
  let names = recency.get(connection);
  if (!names) recency.set(connection, (names = new Map()));
  const held = connection.parsedStatements[name] !== undefined || connection.submittedNamedStatements[name] !== undefined;
  names.delete(name);
  names.set(name, true);
  if (held) return { name };
  // Names the connection no longer holds (a failed Parse) are forgotten here too.
  for (const old of names.keys()) if (old !== name && connection.parsedStatements[old] === undefined && connection.submittedNamedStatements[old] === undefined) names.delete(old);
  if (names.size <= max) return { name };
  const evict = names.keys().next().value as string;
  names.delete(evict);
  return { name, evict };
}

/**
 * Statements of the owner's pool (Prisma's own pg pool, lib/db/client.ts) run as named statements: only the ones
 * registered here, by their exact text, so that pool holds a known few (its other callers, imports and jobs,
 * send texts that vary with their row counts). The chrome's session-and-scope statement is every signed-in
 * request's first: planned in 0.73 ms, run in 0.10 (EXPLAIN, the bench database).
 */
const ownerStatements = new Set<string>();

/** Registers `text` as a named statement of the owner's pool; returns it. */
export function namedOwnerStatement(text: string): string {
  ownerStatements.add(text);
  return text;
}

/** The name of an owner's-pool statement (adapter-pg's statementNameGenerator), or undefined: unnamed. */
export function ownerStatementName(text: string): string | undefined {
  return ownerStatements.has(text) ? statementName(text) : undefined;
}
