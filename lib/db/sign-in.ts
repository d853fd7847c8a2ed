import "server-only";
import { decide, RATE_LIMIT, type RateDecision } from "@/lib/auth/rate-limit";
import { getDb } from "./client";

// Attempts are persisted so limits hold across restarts and across several app instances.

export async function checkSignInAllowed(email: string, ip: string): Promise<RateDecision> {
  const db = getDb();
  const since = new Date(Date.now() - RATE_LIMIT.windowMs);
  const [byEmail, byAddress] = await Promise.all([
    db.$queryRawUnsafe<{ t: Date }[]>(
      `SELECT "createdAt" AS t FROM "SignInAttempt" WHERE email = $1 AND NOT succeeded AND "createdAt" > $2
         AND "createdAt" > COALESCE((SELECT max("createdAt") FROM "SignInAttempt" WHERE email = $1 AND succeeded), 'epoch')
       ORDER BY "createdAt" DESC LIMIT $3`,
      email, since, RATE_LIMIT.perEmail,
    ),
    db.$queryRawUnsafe<{ t: Date }[]>(
      `SELECT "createdAt" AS t FROM "SignInAttempt" WHERE ip = $1 AND NOT succeeded AND "createdAt" > $2 ORDER BY "createdAt" DESC LIMIT $3`,
      ip, since, RATE_LIMIT.perAddress,
    ),
  ]);
  return decide(Date.now(), byEmail.map((r) => new Date(r.t).getTime()), byAddress.map((r) => new Date(r.t).getTime()));
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean, userId?: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.signInAttempt.create({ data: { email, ip, succeeded } }),
    db.auditEvent.create({
      data: { actorUserId: userId ?? null, action: succeeded ? "auth.sign_in" : "auth.sign_in_failed", entityType: "User", entityId: userId ?? null, after: { email, ip, ...extra } },
    }),
  ]);
}

export async function recordLockout(email: string, ip: string, decision: Extract<RateDecision, { allowed: false }>): Promise<void> {
  await getDb().auditEvent.create({
    data: { action: "auth.locked_out", entityType: "User", after: { email, ip, reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds } },
  });
}
