import "server-only";
import type { Scope } from "../scope";
import { accountScopeWhere } from "../scope";
import { dbFor } from "../tenant";

export interface Provenance {
  source: "FORM" | "IMPORT" | "API" | "SEED";
  verifiedAt: Date | null;
  verifiedBy: string | null;
}

/**
 * Where an account's facts and each login's came from and who last checked them against Seller Central
 * (shown beside the facts). Separate from the page's one big read so that read keeps its shape.
 */
export async function getAccountProvenance(scope: Scope, accountId: string): Promise<{ account: Provenance; logins: Map<string, Provenance> } | null> {
  const db = dbFor(scope);
  const account = await db.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { source: true, lastVerifiedAt: true, verifiedById: true } });
  if (!account) return null;
  const logins = await db.login.findMany({ where: { orgId: scope.orgId, accountId }, select: { id: true, source: true, verifiedAt: true, verifiedById: true } });
  const userIds = [...new Set([account.verifiedById, ...logins.map((l) => l.verifiedById)].filter((id): id is string => !!id))];
  // Users are not tenant rows: only the names of this organisation's members are shown.
  const members = await db.membership.findMany({ where: { orgId: scope.orgId, userId: { in: userIds } }, select: { userId: true, user: { select: { name: true } } } });
  const name = new Map(members.map((m) => [m.userId, m.user.name]));
  const who = (id: string | null) => (id ? (name.get(id) ?? null) : null);
  return {
    account: { source: account.source, verifiedAt: account.lastVerifiedAt, verifiedBy: who(account.verifiedById) },
    logins: new Map(logins.map((l) => [l.id, { source: l.source, verifiedAt: l.verifiedAt, verifiedBy: who(l.verifiedById) }])),
  };
}
