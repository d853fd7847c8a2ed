import "server-only";
import { AppError } from "@/lib/errors";
import { invitationTokens, redactInvitationLinks, type HiddenLinkReason, type LinkedInvitation } from "@/lib/members/outbox-links";
import { getDb } from "./client";
import { hashInvitationToken } from "./members";
import { isOrgAdmin, type Scope } from "./scope";
import { dbFor } from "./tenant";

export async function writeOutboxMail(mail: { orgId: string; to: string; subject: string; body: string }): Promise<void> {
  await getDb().outboxMail.create({ data: mail });
}

export interface OutboxMailView {
  id: string;
  to: string;
  subject: string;
  /** As sent, except the invitation links this reader may not hold (decision 100). */
  body: string;
  hiddenLinks: HiddenLinkReason[];
  createdAt: Date;
}

/**
 * The dev outbox: organisation owners and admins only, and each of them sees a working invitation link
 * only in the invitations they sent and could send now (lib/members/outbox-links.ts); the others are
 * replaced here, so no hidden token reaches a page or its payload.
 */
export async function listOutbox(scope: Scope): Promise<OutboxMailView[]> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins can read the outbox");
  const mails = await dbFor(scope).outboxMail.findMany({ where: { orgId: scope.orgId }, orderBy: { createdAt: "desc" }, take: 50 });
  const invitations = await invitationsByToken(scope, mails.flatMap((m) => invitationTokens(m.body)));
  const reader = { userId: scope.userId, role: scope.role };
  return mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, createdAt: m.createdAt, ...redactInvitationLinks(m.body, reader, (token) => invitations.get(token)) }));
}

/**
 * The invitations behind the tokens, by token: the organisation's own, and the client-portal ones it sent
 * (those rows belong to a client's own organisation, so this reads with the owner's client, tied to the
 * caller's clients first, as portal.ts does).
 */
async function invitationsByToken(scope: Scope, tokens: string[]): Promise<Map<string, LinkedInvitation>> {
  if (tokens.length === 0) return new Map();
  const byHash = new Map(tokens.map((t) => [hashInvitationToken(t), t]));
  const portals = await getDb().client.findMany({ where: { orgId: scope.orgId, portalOrgId: { not: null } }, select: { portalOrgId: true } });
  const portalOrgIds = new Set(portals.map((c) => c.portalOrgId!));
  const rows = await getDb().invitation.findMany({
    where: { tokenHash: { in: [...byHash.keys()] }, orgId: { in: [scope.orgId, ...portalOrgIds] } },
    select: { tokenHash: true, orgId: true, role: true, createdById: true },
  });
  return new Map(rows.map((r) => [byHash.get(r.tokenHash)!, { createdById: r.createdById, role: r.role, portal: r.orgId !== scope.orgId }]));
}
