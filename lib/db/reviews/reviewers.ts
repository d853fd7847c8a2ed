import "server-only";
import { defaultReviewerIds, type ReviewerCandidate } from "@/lib/reviews";
import { getDb } from "../client";
import { isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";

export interface ReviewerOption extends ReviewerCandidate {
  name: string;
  /** Set for a member of a client's own (portal) organisation. */
  clientId: string | null;
}

/**
 * Who can review these accounts, and which of them each can see: the agency's members (Owner/Admin all,
 * Managers and Viewers their clients') and the portal members of the accounts' clients. A portal
 * campaign's starter chooses among their own organisation's members only. Portal memberships are rows of
 * the clients' own organisations, read with the owner's client and tied to a client of this organisation.
 */
export async function reviewerOptions(scope: Scope, accounts: { id: string; clientId: string | null }[]): Promise<ReviewerOption[]> {
  const byClient = new Map<string, Set<string>>();
  for (const a of accounts) if (a.clientId) (byClient.get(a.clientId) ?? byClient.set(a.clientId, new Set()).get(a.clientId)!).add(a.id);
  const options: ReviewerOption[] = [];
  if (!scope.portal) {
    const members = await dbFor(scope).membership.findMany({
      where: { orgId: scope.orgId },
      select: { role: true, userId: true, user: { select: { email: true, name: true } }, clients: { select: { clientId: true } } },
      orderBy: { createdAt: "asc" },
    });
    for (const m of members) {
      const all = isOrgAdmin(m);
      const visible = all ? null : new Set(m.clients.flatMap((c) => [...(byClient.get(c.clientId) ?? [])]));
      if (visible && visible.size === 0) continue;
      options.push({ userId: m.userId, email: m.user.email, name: m.user.name, accountIds: visible, clientId: null });
    }
  }
  const clientIds = scope.portal ? (scope.clientIds ?? []) : [...byClient.keys()];
  if (clientIds.length === 0) return options;
  const portals = await getDb().client.findMany({
    where: { orgId: scope.orgId, id: { in: clientIds }, portalOrgId: { not: null } },
    select: { id: true, portalOrg: { select: { memberships: { select: { userId: true, user: { select: { email: true, name: true } } }, orderBy: { createdAt: "asc" } } } } },
  });
  for (const client of portals) {
    for (const m of client.portalOrg?.memberships ?? []) {
      if (options.some((o) => o.userId === m.userId)) continue;
      options.push({ userId: m.userId, email: m.user.email, name: m.user.name, accountIds: byClient.get(client.id) ?? new Set(), clientId: client.id });
    }
  }
  return options;
}

/** What the start form offers: the clients and accounts in scope, everyone who could review them, and who is ticked at first. */
export async function campaignStartOptions(scope: Scope) {
  const db = dbFor(scope);
  const scoped = scope.clientIds ? { orgId: scope.orgId, id: { in: scope.clientIds } } : { orgId: scope.orgId };
  const [clients, accounts] = await Promise.all([
    db.client.findMany({ where: scoped, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.sellerAccount.findMany({ where: scope.clientIds ? { orgId: scope.orgId, clientId: { in: scope.clientIds } } : { orgId: scope.orgId }, select: { id: true, storeName: true, clientId: true }, orderBy: { storeName: "asc" } }),
  ]);
  const reviewers = await reviewerOptions(scope, accounts);
  return {
    clients, accounts,
    reviewers: reviewers.map((r) => ({ userId: r.userId, name: r.name, email: r.email, clientId: r.clientId })),
    defaultReviewerIds: defaultReviewerIds(reviewers, scope.userId),
  };
}
