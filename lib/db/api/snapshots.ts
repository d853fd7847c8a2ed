import "server-only";
import { ApiError } from "@/lib/api/errors";
import { jsonProblemOf } from "@/lib/validation/json-problem";
import { parseSnapshot, type Snapshot, type SnapshotError } from "@/lib/validation/snapshot";
import type { Scope } from "../scope";
import { exportSnapshot } from "../snapshots/export";
import { upsertSnapshot } from "../snapshots/upsert";
import type { SnapshotUpsertResult } from "@/lib/validation/api";

// The snapshot endpoints: the same upsert and export by external id as the import page and the app's own
// export (lib/db/snapshots), which hold a client-restricted token to its clients, with the API as the
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

/** POST /api/v1/snapshots: the document upserted by external id, all or nothing; problems (e.g. a seller ID taken) by JSON path. */
export async function upsertApiSnapshot(scope: Scope, snapshot: Snapshot, client: string | null): Promise<SnapshotUpsertResult | SnapshotProblems> {
  // A client-restricted token is held to its clients by the upsert itself (decision 082): its accounts, and the people
  // and devices only they reach.
  // Said here in the API's words (the upsert refuses it too): without a client the accounts would land outside what the token may see.
  if (scope.clientIds && !client) throw new ApiError("forbidden", undefined, "api.error.clientRequired");
  const result = await upsertSnapshot(scope, snapshot, { client, source: "API" });
  if (!result.ok) return { problems: result.errors };
  // People and devices are counted too (API.md pins `accounts`; extra fields are the app's): a file that changes only a
  // person would otherwise be answered "unchanged".
  const { accounts, people, devices } = result.summary;
  return { accounts, people, devices };
}

/**
 * GET /api/v1/snapshot: the caller's accounts (or one client's) as a document named by external ids,
 * asOf today. A client-restricted token sees only its clients' accounts and the people and devices
 * they refer to; a client outside the restriction is 404 (exportSnapshot's own checks).
 */
export async function exportApiSnapshot(scope: Scope, client: string | null): Promise<Snapshot> {
  return exportSnapshot(scope, { client });
}
