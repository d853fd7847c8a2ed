import "server-only";
import { boundDatabase } from "./bound-database";
import { readReplicas } from "@prisma/extension-read-replicas";
import type pg from "pg";
import { appDatabaseUrl } from "./app-role";
import type { Db } from "./client";
import { createAppPool, createTenantDb, dbFor } from "./tenant";

// An optional streaming read replica (DATABASE_REPLICA_URL) for read-only pages, through Prisma's
// read-replica extension (decision 020). The replica client is a tenant client like dbFor's — the same
// scoped-work role (physical replication copies roles and their passwords) and the same
// transaction-local tenant setting, which a hot standby accepts in its read-only transactions — so
// row-level security holds there too. The extension sends a client's reads outside a transaction to
// the replica and everything else (writes, $transaction, raw SQL) to the primary. Only code that needs
// no read-your-own-writes uses it: a replica may be a moment behind the primary.

const globalForReplica = globalThis as unknown as { gatehouseReplicaPool?: pg.Pool; gatehouseReaders?: Map<string, Db> };
const MAX_READERS = 16;

/** The scoped-work login (role and password from the primary's derivation) pointed at the replica's host, port and database. */
export function replicaAppUrl(replicaUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const app = new URL(appDatabaseUrl(env));
  const replica = new URL(replicaUrl);
  app.host = replica.host;
  app.pathname = replica.pathname;
  return app.toString();
}

/** The client for a read-only page: reads from the replica when DATABASE_REPLICA_URL is set, else dbFor. */
export function readerFor(scope: { orgId: string }): Db {
  const replicaUrl = process.env.DATABASE_REPLICA_URL;
  // A background job reads its own database (bound-database.ts): the process's replica may be another's.
  if (!replicaUrl || boundDatabase()) return dbFor(scope);
  const readers = (globalForReplica.gatehouseReaders ??= new Map());
  let reader = readers.get(scope.orgId);
  if (!reader) {
    globalForReplica.gatehouseReplicaPool ??= createAppPool(replicaAppUrl(replicaUrl));
    const replica = createTenantDb(globalForReplica.gatehouseReplicaPool, scope.orgId);
    // The extended client has the same model API; its type differs only by $primary/$replica.
    reader = dbFor(scope).$extends(readReplicas({ replicas: [replica as never] })) as unknown as Db;
    if (readers.size >= MAX_READERS) readers.delete(readers.keys().next().value as string);
    readers.set(scope.orgId, reader);
  }
  return reader;
}
