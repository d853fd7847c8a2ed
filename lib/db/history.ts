import "server-only";
import type { ApiTokenActor } from "./accounts/account-provenance";
import { accountScopeWhere, type Scope } from "./scope";
import { dbFor } from "./tenant";

export interface HistoryEntry {
  id: string;
  at: Date;
  action: string;
  actor: string | null;
  /** The API token the change came through, named instead of `actor` (decision 094). */
  actorToken?: ApiTokenActor | null;
  ruleId: string | null;
  before: unknown;
  after: unknown;
}

/** The newest audit events of one account (three set-based queries; the account must be in scope). */
export async function listAccountHistory(scope: Scope, accountId: string, limit = 50): Promise<HistoryEntry[]> {
  const db = dbFor(scope);
  const account = await db.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { id: true } });
  if (!account) return [];
  const events = await db.auditEvent.findMany({ where: { orgId: scope.orgId, accountId }, orderBy: { id: "desc" }, take: limit });
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => !!id))];
  const tokenIds = [...new Set(events.map((e) => e.actorTokenId).filter((id): id is string => !!id))];
  const findingIds = [...new Set(events.filter((e) => e.entityType === "Finding" && e.entityId).map((e) => e.entityId!))];
  const [actors, findings, tokens] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    findingIds.length ? db.finding.findMany({ where: { orgId: scope.orgId, id: { in: findingIds } }, select: { id: true, ruleId: true } }) : [],
    tokenIds.length ? db.apiToken.findMany({ where: { orgId: scope.orgId, id: { in: tokenIds } }, select: { id: true, name: true, revokedAt: true } }) : [],
  ]);
  const tokenOf = new Map(tokens.map((k) => [k.id, { name: k.name, revoked: k.revokedAt !== null }]));
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const ruleOf = new Map(findings.map((f) => [f.id, f.ruleId]));
  return events.map((e) => ({
    id: String(e.id),
    at: e.createdAt,
    action: e.action,
    actor: e.actorUserId ? (actorName.get(e.actorUserId) ?? null) : null,
    actorToken: e.actorTokenId ? (tokenOf.get(e.actorTokenId) ?? null) : null,
    ruleId: e.entityId ? (ruleOf.get(e.entityId) ?? null) : null,
    before: e.before,
    after: e.after,
  }));
}
