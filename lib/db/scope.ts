import "server-only";
import type { MemberRole } from "./generated/enums";
import { getDb } from "./client";

/** What the signed-in user may see: built once from the session, passed to every lib/db call. */
export interface Scope {
  userId: string;
  /** The organisation whose records are read and written (the row-level-security tenant). */
  orgId: string;
  /** The active membership's organisation: orgId, except in the client-owner portal. */
  membershipOrgId: string;
  orgName: string;
  /**
   * Set when the active membership is in a client's own (SELLER) organisation: its members see the
   * accounts of the agency client linked to it, read-only (as Viewers: they can record access
   * reviews), and nothing else of the agency.
   */
  portal: { agencyName: string; /** The member's role in the client's own organisation (its Owner/Admin may start review campaigns). */ memberRole?: MemberRole } | null;
  role: MemberRole;
  /** null = every client of the organisation (Owner/Admin); otherwise only these. */
  clientIds: string[] | null;
  memberships: { orgId: string; orgName: string; role: MemberRole }[];
  /** The organisation requires two-factor sign-in… */
  requireTwoFactor: boolean;
  /** …and whether this user has it on. Required but off = only the security page is reachable. */
  twoFactorEnabled: boolean;
  /**
   * Set when the caller is an API token (decision 094). `userId` is then the member who made it, whose authority it
   * acts with; what it writes is credited to the token (recorderId, actorOf), not to that member.
   */
  apiTokenId?: string;
}

/**
 * Who a record's write is credited to (its `verifiedById`): the API token the write came through, else the signed-in
 * member. The column is a plain id (no foreign key): a member's user id, or one of the organisation's API token ids.
 */
export function recorderId(scope: Pick<Scope, "userId" | "apiTokenId">): string {
  return scope.apiTokenId ?? scope.userId;
}

/** An audit event's actor columns: the member, and the API token when the change came through one (decision 094). */
export function actorOf(scope: Pick<Scope, "userId" | "apiTokenId">): { actorUserId: string; actorTokenId: string | null } {
  return { actorUserId: scope.userId, actorTokenId: scope.apiTokenId ?? null };
}

/** An organisation that requires two-factor sign-in, and a member who has not set it up: nothing but /security until they do. */
export function twoFactorPending(scope: Pick<Scope, "requireTwoFactor" | "twoFactorEnabled">): boolean {
  return scope.requireTwoFactor && !scope.twoFactorEnabled;
}

/** Owners and admins manage the organisation (members, settings, imports); others work on accounts. */
export function isOrgAdmin(scope: Pick<Scope, "role">): boolean {
  return scope.role === "OWNER" || scope.role === "ADMIN";
}

/** The account filter every account-reading query starts from; pages never build their own. */
export function accountScopeWhere(scope: Scope) {
  return scope.clientIds ? { orgId: scope.orgId, clientId: { in: scope.clientIds } } : { orgId: scope.orgId };
}

export interface MembershipRow {
  membershipOrgId: string;
  role: MemberRole;
  orgName: string;
  kind: "AGENCY" | "SELLER";
  requireTwoFactor: boolean;
  twoFactorEnabled: boolean;
  clientIds: string[];
  portalClientId: string | null;
  agencyOrgId: string | null;
  agencyName: string | null;
}

/**
 * The user's memberships with what a scope needs, oldest first (joinedAt, membershipId: a query that
 * nests this one orders by them); `$1` is the user's id. Shared by resolveScope and the chrome's
 * one-statement read (session-scope.ts). The clients and the agency's name are subqueries, not joins grouped
 * back together: planned on every signed-in request, the grouped form cost 0.8 ms of planning, this 0.5 (decision 048).
 */
export const MEMBERSHIPS_SQL = `SELECT m."orgId" AS "membershipOrgId", m.role::text AS role, o.name AS "orgName", o.kind::text AS kind, o."requireTwoFactor",
            (u."totpEnabledAt" IS NOT NULL) AS "twoFactorEnabled",
            ARRAY(SELECT mc."clientId" FROM "MembershipClient" mc WHERE mc."membershipId" = m.id AND mc."clientId" IS NOT NULL) AS "clientIds",
            pc.id AS "portalClientId", pc."orgId" AS "agencyOrgId", (SELECT ao.name FROM "Organization" ao WHERE ao.id = pc."orgId") AS "agencyName",
            m."createdAt" AS "joinedAt", m.id AS "membershipId"
     FROM "Membership" m
     JOIN "Organization" o ON o.id = m."orgId"
     JOIN "User" u ON u.id = m."userId"
     LEFT JOIN "Client" pc ON o.kind = 'SELLER' AND pc."portalOrgId" = o.id
     WHERE m."userId" = $1
     ORDER BY m."createdAt" ASC, m.id ASC`;

/** One statement for every page's first question: which organisations, which role, which clients. */
export async function resolveScope(userId: string, preferredOrgId?: string): Promise<Scope | null> {
  return scopeFromMemberships(userId, await getDb().$queryRawUnsafe<MembershipRow[]>(MEMBERSHIPS_SQL, userId), preferredOrgId);
}

/** The scope of the preferred membership (else the oldest), from MEMBERSHIPS_SQL's rows. */
export function scopeFromMemberships(userId: string, memberships: MembershipRow[], preferredOrgId?: string): Scope | null {
  if (memberships.length === 0) return null;
  const active = memberships.find((m) => m.membershipOrgId === preferredOrgId) ?? memberships[0];
  const common = {
    userId,
    membershipOrgId: active.membershipOrgId,
    orgName: active.orgName,
    memberships: memberships.map((m) => ({ orgId: m.membershipOrgId, orgName: m.orgName, role: m.role })),
    requireTwoFactor: active.requireTwoFactor,
    twoFactorEnabled: active.twoFactorEnabled,
  };
  if (active.kind === "SELLER") {
    // The portal reads the agency's records of the one linked client, whatever the member's role in
    // their own organisation; unlinked, it sees nothing.
    return {
      ...common,
      orgId: active.agencyOrgId ?? active.membershipOrgId,
      role: "VIEWER",
      clientIds: active.portalClientId ? [active.portalClientId] : [],
      portal: { agencyName: active.agencyName ?? "", memberRole: active.role },
    };
  }
  return { ...common, orgId: active.membershipOrgId, role: active.role, clientIds: isOrgAdmin(active) ? null : active.clientIds, portal: null };
}
