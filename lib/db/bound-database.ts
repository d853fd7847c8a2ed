import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Where a background job's queries go (decision 088). A page's process has DATABASE_URL in its environment and
// getDb()/dbFor() read it; the launcher that runs the worker under the embedded default does not (only its web
// child gets the URL), and a worker may serve another database than its process's anyway. So the worker binds
// each job to its own connection strings for the job's duration, and getDb()/dbFor() answer with clients of
// that database, never the environment's. The binding picks the client when getDb()/dbFor() is called (in the
// job's own async chain), so Prisma's batching, which loses async context (tenant.ts), does not matter here.
//
// A binding rather than a client passed down every call: the handlers reach some twenty data-layer functions
// the pages share (resolveScope, dbFor's readers, start-campaign, the outbox), whose signatures stay the pages'.

export interface DatabaseBinding {
  /** The owner's connection string (system reads, claims): the worker's connectionString. */
  ownerUrl: string;
  /** The scoped-work role's connection string, derived only when a job first reads in scope. */
  appUrl: () => string;
}

// On globalThis under a registered symbol: more than one copy of this module may be loaded (client.ts's note).
const KEY = Symbol.for("gatehouse.boundDatabase");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<DatabaseBinding> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<DatabaseBinding>());

/** Runs `work` with getDb()/dbFor() answering for `binding`'s database. */
export function withDatabase<T>(binding: DatabaseBinding, work: () => Promise<T>): Promise<T> {
  return storage.run(binding, work);
}

/** The binding of the job this call runs in, if any. */
export function boundDatabase(): DatabaseBinding | undefined {
  return storage.getStore();
}
