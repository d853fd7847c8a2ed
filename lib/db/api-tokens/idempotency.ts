import "server-only";
import type { Scope } from "../scope";
import { dbFor } from "../tenant";

// A POST with an Idempotency-Key is answered once: the first request's answer is stored and replayed
// to any retry with the same key and the same request for 24 hours (decision 016).

export const IDEMPOTENCY_HOURS = 24;

export type IdempotencyClaim =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: string; contentType: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

export async function claimIdempotencyKey(scope: Pick<Scope, "orgId">, tokenId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
  const db = dbFor(scope);
  // Expired keys are free again; the token's are dropped here, so stored answers do not pile up.
  await db.$executeRawUnsafe(`DELETE FROM "ApiIdempotencyKey" WHERE "tokenId" = $1 AND "createdAt" < now() - interval '${IDEMPOTENCY_HOURS} hours'`, tokenId);
  const inserted = await db.$executeRawUnsafe(
    `INSERT INTO "ApiIdempotencyKey" ("tokenId", key, "orgId", "requestHash") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    tokenId,
    key,
    scope.orgId,
    requestHash,
  );
  if (inserted === 1) return { kind: "new" };
  const row = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
  if (!row) return claimIdempotencyKey(scope, tokenId, key, requestHash); // released in between: try again
  if (row.requestHash !== requestHash) return { kind: "mismatch" };
  if (row.status === null || row.body === null) return { kind: "in_progress" };
  return { kind: "replay", status: row.status, body: row.body, contentType: row.contentType ?? "application/json" };
}

export async function completeIdempotencyKey(scope: Pick<Scope, "orgId">, tokenId: string, key: string, answer: { status: number; body: string; contentType: string }): Promise<void> {
  await dbFor(scope).apiIdempotencyKey.update({ where: { tokenId_key: { tokenId, key } }, data: answer });
}

/** After an unexpected failure the key is released, so the client's retry runs the request again. */
export async function releaseIdempotencyKey(scope: Pick<Scope, "orgId">, tokenId: string, key: string): Promise<void> {
  await dbFor(scope).apiIdempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
}
