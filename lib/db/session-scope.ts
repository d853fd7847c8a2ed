import "server-only";
import { ownerRows } from "./client";
import { namedOwnerStatement } from "./prepared-statements";
import { MEMBERSHIPS_SQL, scopeFromMemberships, type MembershipRow, type Scope } from "./scope";
import { settleSession } from "./sessions";

type Row = { expiresAt: Date; lastSeenAt: Date } & (MembershipRow | { [K in keyof MembershipRow]: null });

/** A named statement of the owner's pool (decision 049): every signed-in request's first, planned once per connection. */
export const SESSION_SCOPE_SQL = namedOwnerStatement(`SELECT s."expiresAt", s."lastSeenAt", ms.*
     FROM "UserSession" s LEFT JOIN (${MEMBERSHIPS_SQL}) ms ON true
     WHERE s.id = $2 AND s."userId" = $1 AND s."revokedAt" IS NULL
     ORDER BY ms."joinedAt" ASC, ms."membershipId" ASC`);

/**
 * Every signed-in request's first question in one statement (one round trip, one pooled connection): is the
 * JWT's server-side session live for this user, and what may the user see. It was two statements run in
 * parallel (validateUserSession, resolveScope). No session row (revoked, another user's, unknown): no rows,
 * so no scope. A live session without memberships: one row of nulls beside it, so live, no scope. The
 * expiry, idle and once-a-minute "seen" rules are validateUserSession's own (settleSession).
 */
export async function readLiveSessionWithScope(sessionId: string, userId: string, preferredOrgId?: string): Promise<{ live: boolean; scope: Scope | null }> {
  const rows = await ownerRows<Row>(SESSION_SCOPE_SQL, [userId, sessionId]);
  if (!(await settleSession(sessionId, rows[0] ?? null))) return { live: false, scope: null };
  const memberships = rows.filter((r): r is Row & MembershipRow => r.membershipOrgId !== null);
  return { live: true, scope: scopeFromMemberships(userId, memberships, preferredOrgId) };
}
