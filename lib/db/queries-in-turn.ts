import type pg from "pg";

// One query at a time on a connection (decision 076).
//
// Prisma 7's query interpreter reads an `include` (or a nested `select`) by sending the relations' queries at once,
// with Promise.all. Outside a transaction each goes to its own pooled connection; inside an interactive
// transaction they all land on the transaction's ONE pg client. pg 8 still queues them itself, but since 8.19 it
// warns once per process ("Calling client.query() when the client is already executing a query is deprecated and
// will be removed in pg@9.0"), and pg 9 refuses them. Upstream this is Prisma's (prisma/orm issue 29646; the
// fix, serialising queries in adapter-pg, is open at 7.10). Until then, every query a transaction's connection is
// given waits here for the one before it to settle, answered or failed, so pg only ever sees one at a time and
// the statements still run in the order they were sent, as pg's own queue ran them.

/** Each client's last query, settled either way: the next one starts after it. */
const last = new WeakMap<object, Promise<unknown>>();

/** Runs `send` (one query on `client`) once every query sent before it on `client` through here has settled. */
export function inTurn<T>(client: object, send: () => Promise<T>): Promise<T> {
  const before = last.get(client) ?? Promise.resolve();
  const turn = before.then(send);
  last.set(
    client,
    turn.then(
      () => undefined,
      () => undefined,
    ),
  );
  return turn;
}

/** Whether `client.query(...args)` is the promise form: no callback, not a Submittable (a cursor, a COPY stream). */
export function promiseForm(args: readonly unknown[]): boolean {
  const first = args[0];
  if (typeof args[args.length - 1] === "function") return false;
  return !(typeof first === "object" && first !== null && typeof (first as { submit?: unknown }).submit === "function");
}

/**
 * `client` with its promise-form queries taken in turn. A callback or a Submittable passes straight to pg: a stream
 * is read by its caller before anything else is sent, and no transaction of Prisma's sends either.
 */
export function queriesInTurn<C extends pg.ClientBase>(client: C, query: (...args: unknown[]) => unknown = (...args) => (client.query as (...a: unknown[]) => unknown)(...args)): C {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") return (...args: unknown[]) => (promiseForm(args) ? inTurn(target, () => query(...args) as Promise<unknown>) : query(...args));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
