// Requests per token per fixed one-minute window (the windows are counted in PostgreSQL by
// lib/db/api-tokens/rate-limit.ts, so every app process shares them). Pure, so the arithmetic is tested.

/** Requests a token may make per minute; GATEHOUSE_API_RATE_LIMIT overrides it (e.g. for a bulk job). */
export function apiRateLimit(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.GATEHOUSE_API_RATE_LIMIT);
  return Number.isInteger(value) && value > 0 ? value : 600;
}

export type ApiRateDecision =
  | { allowed: true; limit: number; remaining: number; resetSeconds: number }
  | { allowed: false; limit: number; retryAfterSeconds: number; firstRefusal: boolean };

/** `count`: this request's number in the window (1 for the first); `msLeft`: until the window ends. */
export function decideApiRate(count: number, limit: number, msLeft: number): ApiRateDecision {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  if (count <= limit) return { allowed: true, limit, remaining: limit - count, resetSeconds: seconds };
  return { allowed: false, limit, retryAfterSeconds: seconds, firstRefusal: count === limit + 1 };
}

/** The standard rate-limit headers on every answer to a token (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(decision: ApiRateDecision): Record<string, string> {
  if (!decision.allowed) return { "Retry-After": String(decision.retryAfterSeconds), "RateLimit-Limit": String(decision.limit), "RateLimit-Remaining": "0", "RateLimit-Reset": String(decision.retryAfterSeconds) };
  return { "RateLimit-Limit": String(decision.limit), "RateLimit-Remaining": String(decision.remaining), "RateLimit-Reset": String(decision.resetSeconds) };
}
