import "server-only";
import type { MemberRole } from "./generated/enums";
import { getDb } from "./client";

/** What the signed-in user may see: built once from the session, passed to every lib/db call. */
export interface Scope {
  userId: string;
  orgId: string;
  orgName: string;
  role: MemberRole;
  /** null = every client of the organisation (Owner/Admin); otherwise only these. */
  clientIds: string[] | null;
  memberships: { orgId: string; orgName: string; role: MemberRole }[];
  /** The organisation requires two-factor sign-in… */
  requireTwoFactor: boolean;
  /** …and whether this user has it on. Required but off = only the security page is reachable. */
  twoFactorEnabled: boolean;
}

/** The account filter every account-reading query starts from; pages never build their own. */
export function accountScopeWhere(scope: Scope) {
  return scope.clientIds ? { orgId: scope.orgId, clientId: { in: scope.clientIds } } : { orgId: scope.orgId };
}

export async function resolveScope(userId: string, preferredOrgId?: string): Promise<Scope | null> {
  const memberships = await getDb().membership.findMany({
    where: { userId },
    select: {
      id: true, orgId: true, role: true, org: { select: { name: true, requireTwoFactor: true } }, clients: { select: { clientId: true } },
      user: { select: { totpEnabledAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  if (memberships.length === 0) return null;
  const active = memberships.find((m) => m.orgId === preferredOrgId) ?? memberships[0];
  const seesAll = active.role === "OWNER" || active.role === "ADMIN";
  return {
    userId,
    orgId: active.orgId,
    orgName: active.org.name,
    role: active.role,
    clientIds: seesAll ? null : active.clients.map((c) => c.clientId),
    memberships: memberships.map((m) => ({ orgId: m.orgId, orgName: m.org.name, role: m.role })),
    requireTwoFactor: active.org.requireTwoFactor,
    twoFactorEnabled: active.user.totpEnabledAt !== null,
  };
}
