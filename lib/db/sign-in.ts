import "server-only";
import { decide, RATE_LIMIT, type RateDecision } from "@/lib/auth/rate-limit";
import { lockForTransaction } from "./advisory-lock";
import { getDb, type Tx } from "./client";

// Attempts are persisted so limits hold across restarts and across several app instances. The check and
// the record are one step: under transaction-scoped advisory locks on the e-mail and on the address, the
// recent failures are counted and, when the attempt may go ahead, it is recorded as a failure at once;
// it becomes a success only after the password (and second factor) checked out. So 30 parallel wrong
// passwords for one e-mail get exactly 5 password checks, in one process or several (decision 010).

const FAILURES_BY_EMAIL = `SELECT "createdAt" AS t FROM "SignInAttempt" WHERE email = $1 AND NOT succeeded AND "createdAt" > $2
   AND "createdAt" > COALESCE((SELECT max("createdAt") FROM "SignInAttempt" WHERE email = $1 AND succeeded), 'epoch')
 ORDER BY "createdAt" DESC LIMIT $3`;
const FAILURES_BY_ADDRESS = `SELECT "createdAt" AS t FROM "SignInAttempt" WHERE ip = $1 AND NOT succeeded AND "createdAt" > $2 ORDER BY "createdAt" DESC LIMIT $3`;

async function currentDecision(db: Tx | ReturnType<typeof getDb>, email: string, ip: string): Promise<RateDecision> {
  const since = new Date(Date.now() - RATE_LIMIT.windowMs);
  const byEmail = await db.$queryRawUnsafe<{ t: Date }[]>(FAILURES_BY_EMAIL, email, since, RATE_LIMIT.perEmail);
  const byAddress = await db.$queryRawUnsafe<{ t: Date }[]>(FAILURES_BY_ADDRESS, ip, since, RATE_LIMIT.perAddress);
  return decide(Date.now(), byEmail.map((r) => new Date(r.t).getTime()), byAddress.map((r) => new Date(r.t).getTime()));
}

/** Whether an attempt would be allowed now (a read-only look, for answers given before trying). */
export async function checkSignInAllowed(email: string, ip: string): Promise<RateDecision> {
  return currentDecision(getDb(), email, ip);
}

export type SignInSlot = { allowed: true; attemptId: bigint } | Extract<RateDecision, { allowed: false }>;

/**
 * The gate before a password is checked: counts and records atomically per e-mail and per address. An
 * allowed attempt is recorded as a failure until finishSignInAttempt says otherwise (a crash in between
 * leaves a failure: the limit errs on the side of refusing).
 */
export async function beginSignInAttempt(email: string, ip: string): Promise<SignInSlot> {
  return getDb().$transaction(async (tx) => {
    // Always e-mail first, then address: two attempts never wait on each other's second lock.
    await lockForTransaction(tx, `sign-in:email:${email}`);
    await lockForTransaction(tx, `sign-in:address:${ip}`);
    const decision = await currentDecision(tx, email, ip);
    if (!decision.allowed) return decision;
    const attempt = await tx.signInAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
    return { allowed: true as const, attemptId: attempt.id };
    // A burst of sign-ins queues for the pool's connections: wait for one rather than fail after Prisma's 2 s.
  }, { maxWait: 15_000, timeout: 15_000 });
}

/** The password was right and a second factor is still to come: the attempt was not a failure. */
export async function withdrawSignInAttempt(attemptId: bigint): Promise<void> {
  await getDb().signInAttempt.deleteMany({ where: { id: attemptId } });
}

/** Records how a begun attempt ended (a success clears the e-mail's earlier failures) and audits it. */
export async function finishSignInAttempt(attemptId: bigint, email: string, ip: string, succeeded: boolean, userId?: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  const db = getDb();
  await db.$transaction([
    // Recorded as a failure when begun; a success counts from when it was confirmed.
    ...(succeeded ? [db.signInAttempt.updateMany({ where: { id: attemptId }, data: { succeeded: true, createdAt: new Date() } })] : []),
    db.auditEvent.create({
      data: { actorUserId: userId ?? null, action: succeeded ? "auth.sign_in" : "auth.sign_in_failed", entityType: "User", entityId: userId ?? null, after: { email, ip, ...extra } },
    }),
  ]);
}

/** Records a finished attempt in one step (tests and tools; sign-in itself goes through begin/finish). */
export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean, userId?: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  const attempt = await getDb().signInAttempt.create({ data: { email, ip, succeeded }, select: { id: true } });
  await finishSignInAttempt(attempt.id, email, ip, succeeded, userId, extra);
}

export async function recordLockout(email: string, ip: string, decision: Extract<RateDecision, { allowed: false }>): Promise<void> {
  await getDb().auditEvent.create({
    data: { action: "auth.locked_out", entityType: "User", after: { email, ip, reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds } },
  });
}
