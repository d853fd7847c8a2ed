import "server-only";
import { getDb } from "./client";

// Credentials sign-in forces JWT sessions in Auth.js, which cannot be revoked by themselves: each JWT
// carries the id of a UserSession row, checked on every request.

export const SESSION_POLICY = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000, touchEveryMs: 60_000 } as const;

export async function createUserSession(userId: string, meta: { userAgent?: string | null; ip?: string | null }): Promise<string> {
  const session = await getDb().userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_POLICY.absoluteMs), userAgent: meta.userAgent?.slice(0, 300) ?? null, ip: meta.ip ?? null },
  });
  return session.id;
}

/** The session's user when it is live (not revoked, not idle too long, not past its absolute end). */
export async function validateUserSession(sessionId: string, userId: string): Promise<boolean> {
  const session = await getDb().userSession.findFirst({ where: { id: sessionId, userId, revokedAt: null }, select: { expiresAt: true, lastSeenAt: true } });
  return settleSession(sessionId, session);
}

/**
 * Whether an unrevoked session row, read for its own user, is live; ends it when past its absolute end or
 * idle too long, and records that it was seen (at most once a minute, so a page view seldom writes).
 */
export async function settleSession(sessionId: string, session: { expiresAt: Date; lastSeenAt: Date } | null): Promise<boolean> {
  if (!session) return false;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await revokeSession(sessionId, "expired");
    return false;
  }
  if (now - session.lastSeenAt.getTime() > SESSION_POLICY.idleMs) {
    await revokeSession(sessionId, "idle");
    return false;
  }
  if (now - session.lastSeenAt.getTime() > SESSION_POLICY.touchEveryMs) {
    await getDb().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } });
  }
  return true;
}

export async function revokeSession(sessionId: string, reason: string, actorUserId?: string): Promise<void> {
  const db = getDb();
  const updated = await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  if (updated.count > 0) {
    await db.auditEvent.create({ data: { actorUserId: actorUserId ?? null, action: "auth.session_revoked", entityType: "UserSession", entityId: sessionId, after: { reason } } });
  }
}

/**
 * Replaces a live session with a new one (same device, same absolute end) and revokes the old, so a
 * token copied before a privilege change (password, two-factor, organisation) is worth nothing after it.
 * Returns the new session's id, or null when the old one is no longer live.
 */
export async function rotateUserSession(sessionId: string, userId: string, reason: string): Promise<string | null> {
  return getDb().$transaction(async (tx) => {
    const old = await tx.userSession.findFirst({ where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } } });
    if (!old) return null;
    const next = await tx.userSession.create({ data: { userId, expiresAt: old.expiresAt, userAgent: old.userAgent, ip: old.ip } });
    const revoked = await tx.userSession.updateMany({ where: { id: old.id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: `rotated: ${reason}`, replacedById: next.id } });
    if (revoked.count !== 1) throw new Error("session changed while rotating");
    await tx.auditEvent.create({ data: { actorUserId: userId, action: "auth.session_rotated", entityType: "UserSession", entityId: next.id, after: { from: old.id, reason } } });
    return next.id;
  });
}

/** The session that replaced a rotated one, if any. */
export async function successorOf(sessionId: string, userId: string): Promise<string | null> {
  const row = await getDb().userSession.findFirst({ where: { id: sessionId, userId }, select: { replacedById: true } });
  return row?.replacedById ?? null;
}

/** Ends every live session of a user except `keep` (sign out everywhere, password or 2FA change). */
export async function revokeOtherSessions(userId: string, keep: string | null, reason: string): Promise<number> {
  const db = getDb();
  const targets = await db.userSession.findMany({ where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) }, select: { id: true } });
  if (targets.length === 0) return 0;
  await db.$transaction([
    db.userSession.updateMany({ where: { id: { in: targets.map((t) => t.id) } }, data: { revokedAt: new Date(), revokedReason: reason } }),
    db.auditEvent.createMany({ data: targets.map((t) => ({ actorUserId: userId, action: "auth.session_revoked", entityType: "UserSession", entityId: t.id, after: { reason } })) }),
  ]);
  return targets.length;
}

export async function listActiveSessions(userId: string) {
  const sessions = await getDb().userSession.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { lastSeenAt: "desc" } });
  return sessions.filter((s) => Date.now() - s.lastSeenAt.getTime() <= SESSION_POLICY.idleMs);
}
