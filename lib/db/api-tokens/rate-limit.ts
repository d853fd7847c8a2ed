import "server-only";
import { decideApiRate, type ApiRateDecision } from "@/lib/api/rate-limit";
import type { Scope } from "../scope";
import { dbFor } from "../tenant";

/**
 * Counts this request in the token's current one-minute window and decides. One statement, on the
 * database's clock, so several app processes count the same window; the first request of a window
 * drops the token's older windows.
 */
export async function countApiRequest(scope: Pick<Scope, "orgId">, tokenId: string, limit: number): Promise<ApiRateDecision> {
  const db = dbFor(scope);
  const [row] = await db.$queryRawUnsafe<{ count: number; msLeft: number }[]>(
    `INSERT INTO "ApiRequestWindow" ("tokenId", "windowStart", "orgId", "count") VALUES ($1, date_trunc('minute', now()), $2, 1)
     ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRequestWindow"."count" + 1
     RETURNING "count", (extract(epoch FROM ("windowStart" + interval '1 minute' - now())) * 1000)::float8 AS "msLeft"`,
    tokenId,
    scope.orgId,
  );
  if (row.count === 1) await db.$executeRawUnsafe(`DELETE FROM "ApiRequestWindow" WHERE "tokenId" = $1 AND "windowStart" < date_trunc('minute', now())`, tokenId);
  return decideApiRate(row.count, limit, row.msLeft);
}
