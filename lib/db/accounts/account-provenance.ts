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
export async function getAccountProvenance(scope: Scope, accountId: string): Promise<{ account: Provenance; logins: Map<string, Provenance>; children: Map<string, Provenance> } | null> {
  const db = dbFor(scope);
  const account = await db.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { source: true, lastVerifiedAt: true, verifiedById: true } });
  if (!account) return null;
  const select = { id: true, source: true, verifiedAt: true, verifiedById: true } as const;
  const where = { orgId: scope.orgId, accountId };
  // Each 2SV method, Authorized Partner, app and Ads/Brand Registry entry carries its own (ids are unique across them).
  const [logins, methods, partners, apps, otherAccess] = await Promise.all([
    db.login.findMany({ where, select }),
    db.twoStepMethod.findMany({ where: { orgId: scope.orgId, login: { accountId } }, select }),
    db.authorizedPartner.findMany({ where, select }),
    db.appAuthorization.findMany({ where, select }),
    db.otherAccess.findMany({ where, select }),
  ]);
  const children = [...methods, ...partners, ...apps, ...otherAccess];
  const userIds = [...new Set([account.verifiedById, ...logins.map((l) => l.verifiedById), ...children.map((c) => c.verifiedById)].filter((id): id is string => !!id))];
  // Users are not tenant rows: only the names of this organisation's members are shown.
  const members = await db.membership.findMany({ where: { orgId: scope.orgId, userId: { in: userIds } }, select: { userId: true, user: { select: { name: true } } } });
  const name = new Map(members.map((m) => [m.userId, m.user.name]));
  const who = (id: string | null) => (id ? (name.get(id) ?? null) : null);
  return {
    account: { source: account.source, verifiedAt: account.lastVerifiedAt, verifiedBy: who(account.verifiedById) },
    logins: new Map(logins.map((l) => [l.id, { source: l.source, verifiedAt: l.verifiedAt, verifiedBy: who(l.verifiedById) }])),
    children: new Map(children.map((c) => [c.id, { source: c.source, verifiedAt: c.verifiedAt, verifiedBy: who(c.verifiedById) }])),
  };
}
