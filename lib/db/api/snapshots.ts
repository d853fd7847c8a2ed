import "server-only";
import { ApiError } from "@/lib/api/errors";
import { jsonProblemOf } from "@/lib/api/audit";
import { parseSnapshot, type Snapshot, type SnapshotError } from "@/lib/validation/snapshot";
import { findClientByName } from "../clients/client-records";
import type { Scope } from "../scope";
import { exportSnapshot } from "../snapshots/export";
import { upsertSnapshot } from "../snapshots/upsert";
import { dbFor } from "../tenant";

// The snapshot endpoints: the token's client restriction checked here, then the same upsert and export
// by external id as the import page and the app's own export (lib/db/snapshots), with the API as the
// provenance of what the upsert writes.

export type SnapshotProblems = { problems: SnapshotError[] };

/** The document of a POST, or its problems by JSON path. */
export function parseSnapshotText(text: string): Snapshot | SnapshotProblems {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { problems: [jsonProblemOf(error, text)] };
  }
  const parsed = parseSnapshot(input);
  return parsed.ok ? parsed.snapshot : { problems: parsed.errors };
}

async function assertRestrictedWrite(scope: Scope, snapshot: Snapshot, client: string | null): Promise<void> {
  if (!scope.clientIds) return;
  // Without a client the accounts would land outside what the token may see.
  if (!client) throw new ApiError("forbidden", undefined, "api.error.clientRequired");
  const db = dbFor(scope);
  // Named as the upsert will find it (clientNameKey), within the token's clients.
  const target = await findClientByName(db, scope.orgId, client, scope.clientIds);
  // A client outside the restriction is not there for this token, whether it exists or not.
  if (!target) throw new ApiError("not_found");
  const ids = snapshot.accounts.map((a) => a.id);
  // The upsert matches an account by external id, or by seller ID for records from before external ids:
  // either way, one under another client or under none is not the token's to change.
  const sellerIds = snapshot.accounts.map((a) => a.sellerId).filter((s): s is string => !!s);
  const elsewhere = await db.sellerAccount.count({
    where: { orgId: scope.orgId, AND: [{ OR: [{ externalId: { in: ids } }, { sellerId: { in: sellerIds } }] }, { OR: [{ clientId: null }, { clientId: { notIn: scope.clientIds } }] }] },
  });
  if (elsewhere > 0) throw new ApiError("forbidden");
}

/** POST /api/v1/snapshots: the document upserted by external id, all or nothing; problems (e.g. a seller ID taken) by JSON path. */
export async function upsertApiSnapshot(scope: Scope, snapshot: Snapshot, client: string | null): Promise<{ accounts: { created: number; updated: number; unchanged: number } } | SnapshotProblems> {
  await assertRestrictedWrite(scope, snapshot, client);
  const result = await upsertSnapshot(scope, snapshot, { client, source: "API" });
  if (!result.ok) return { problems: result.errors };
  return { accounts: result.accounts };
}

/**
 * GET /api/v1/snapshot: the caller's accounts (or one client's) as a document named by external ids,
 * asOf today. A client-restricted token sees only its clients' accounts and the people and devices
 * they refer to; a client outside the restriction is 404 (exportSnapshot's own checks).
 */
export async function exportApiSnapshot(scope: Scope, client: string | null): Promise<Snapshot> {
  return exportSnapshot(scope, { client });
}
