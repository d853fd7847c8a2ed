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

/** Owners and admins manage the organisation (members, settings, imports); others work on accounts. */
export function isOrgAdmin(scope: Pick<Scope, "role">): boolean {
  return scope.role === "OWNER" || scope.role === "ADMIN";
}

/** The account filter every account-reading query starts from; pages never build their own. */
export function accountScopeWhere(scope: Scope) {
  return scope.clientIds ? { orgId: scope.orgId, clientId: { in: scope.clientIds } } : { orgId: scope.orgId };
}

interface MembershipRow {
  orgId: string;
  role: MemberRole;
  orgName: string;
  requireTwoFactor: boolean;
  twoFactorEnabled: boolean;
  clientIds: string[];
}

/** One statement for every page's first question: which organisations, which role, which clients. */
export async function resolveScope(userId: string, preferredOrgId?: string): Promise<Scope | null> {
  const memberships = await getDb().$queryRawUnsafe<MembershipRow[]>(
    `SELECT m."orgId", m.role::text AS role, o.name AS "orgName", o."requireTwoFactor", (u."totpEnabledAt" IS NOT NULL) AS "twoFactorEnabled",
            COALESCE(array_agg(mc."clientId") FILTER (WHERE mc."clientId" IS NOT NULL), '{}') AS "clientIds"
     FROM "Membership" m
     JOIN "Organization" o ON o.id = m."orgId"
     JOIN "User" u ON u.id = m."userId"
     LEFT JOIN "MembershipClient" mc ON mc."membershipId" = m.id
     WHERE m."userId" = $1
     GROUP BY m.id, o.id, u.id
     ORDER BY m."createdAt" ASC, m.id ASC`,
    userId,
  );
  if (memberships.length === 0) return null;
  const active = memberships.find((m) => m.orgId === preferredOrgId) ?? memberships[0];
  const seesAll = isOrgAdmin(active);
  return {
    userId,
    orgId: active.orgId,
    orgName: active.orgName,
    role: active.role,
    clientIds: seesAll ? null : active.clientIds,
    memberships: memberships.map((m) => ({ orgId: m.orgId, orgName: m.orgName, role: m.role })),
    requireTwoFactor: active.requireTwoFactor,
    twoFactorEnabled: active.twoFactorEnabled,
  };
}
