// Brute-force policy: at most 5 failed attempts per e-mail and 20 per address within 15 minutes.
// Pure, so the arithmetic is unit-tested; the attempts themselves live in PostgreSQL (lib/db/sign-in.ts).

export const RATE_LIMIT = { windowMs: 15 * 60_000, perEmail: 5, perAddress: 20 } as const;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "email" | "address" };

/**
 * `emailFailures` / `addressFailures`: timestamps (ms) of recent failures, newest first, at most the
 * limit's worth. Blocked until the oldest counted failure leaves the window.
 */
export function decide(now: number, emailFailures: number[], addressFailures: number[]): RateDecision {
  const check = (failures: number[], limit: number) => {
    const recent = failures.filter((t) => now - t < RATE_LIMIT.windowMs);
    if (recent.length < limit) return null;
    const oldest = recent[limit - 1];
    return Math.max(1, Math.ceil((oldest + RATE_LIMIT.windowMs - now) / 1000));
  };
  const byEmail = check(emailFailures, RATE_LIMIT.perEmail);
  const byAddress = check(addressFailures, RATE_LIMIT.perAddress);
  if (byEmail === null && byAddress === null) return { allowed: true };
  if ((byEmail ?? 0) >= (byAddress ?? 0)) return { allowed: false, retryAfterSeconds: byEmail!, reason: "email" };
  return { allowed: false, retryAfterSeconds: byAddress!, reason: "address" };
}

/** "14 minutes" style wait, rounded up to whole minutes (seconds under one minute). */
export function waitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
