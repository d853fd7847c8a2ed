import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import type { AcceptInvitationInput, ChangeMemberInput, InviteMemberInput } from "@/lib/validation/members";
import { lockForTransaction } from "./advisory-lock";
import { getDb, type Tx } from "./client";
import type { MemberRole } from "./generated/enums";
import { isOrgAdmin, type Scope } from "./scope";
import { revokeOtherSessions } from "./sessions";
import { audit } from "./write-context";
import { dbFor } from "./tenant";

export const INVITATION_DAYS = 7;
/** How an invitation's token is stored (only its hash is): the outbox looks links up the same way. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function assertCanManage(scope: Scope, targetRole?: MemberRole): void {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins manage members");
  // Only an owner can make or touch an owner.
  if (targetRole === "OWNER" && scope.role !== "OWNER") throw new AppError("FORBIDDEN", "Only an owner can manage owners");
}

async function validClientIds(tx: Tx, scope: Scope, role: MemberRole, clientIds: string[]): Promise<string[]> {
  if (role === "OWNER" || role === "ADMIN") return []; // they see every client anyway
  const found = await tx.client.findMany({ where: { orgId: scope.orgId, id: { in: clientIds } }, select: { id: true } });
  if (found.length !== new Set(clientIds).size) throw new AppError("INVALID_INPUT", "Unknown client", { clientIds: "validation.unknownClient" });
  return found.map((c) => c.id);
}

export function listClients(scope: Scope) {
  return dbFor(scope).client.findMany({ where: { orgId: scope.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function listMembers(scope: Scope) {
  const db = dbFor(scope);
  const [members, invitations, clients] = await Promise.all([
    db.membership.findMany({
      where: { orgId: scope.orgId },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true, totpEnabledAt: true } }, clients: { select: { clientId: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.invitation.findMany({ where: { orgId: scope.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } }),
    listClients(scope),
  ]);
  return { members, invitations, clients };
}

/**
 * A single-use invitation row (only the token's hash is stored); returns the link's token. It replaces
 * the address's open invitation to the organisation, if any: that one is revoked in the same
 * transaction (its link stops working), so an address has at most one open invitation per
 * organisation and the pending list shows what the newest link grants. Two invitations to the same
 * address at once queue on a transaction-scoped advisory lock instead of both finding none open.
 */
export async function createInvitation(tx: Tx, data: { orgId: string; email: string; role: MemberRole; clientIds: string[]; createdById: string }) {
  await lockForTransaction(tx, `invitation:${data.orgId}:${data.email}`);
  const open = { orgId: data.orgId, email: data.email, acceptedAt: null, revokedAt: null };
  const replaced = (await tx.invitation.findMany({ where: open, select: { id: true } })).map((i) => i.id);
  if (replaced.length) await tx.invitation.updateMany({ where: { ...open, id: { in: replaced } }, data: { revokedAt: new Date() } });
  const token = randomBytes(32).toString("base64url");
  const invitation = await tx.invitation.create({
    data: { ...data, tokenHash: hashInvitationToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
  });
  return { token, invitationId: invitation.id, replacedInvitationIds: replaced };
}

/** The invitation e-mail, in Japanese and English. */
export function invitationMail(orgName: string, link: string, portal?: { agencyName: string }): { subject: string; body: string } {
  if (portal)
    return {
      subject: `Gatehouse: ${portal.agencyName} invites you to review ${orgName}'s seller accounts / ${portal.agencyName}から${orgName}のアカウント確認へのご招待`,
      body: `${portal.agencyName} が管理している ${orgName} のAmazon出品用アカウントについて、誰がアクセスできるかをGatehouseで確認できます（閲覧のみ）。${INVITATION_DAYS}日以内に次のリンクを開いてください（一度だけ使えます）。\n${portal.agencyName} manages ${orgName}'s Amazon seller accounts and invites you to review, on Gatehouse, who has access to them (read-only). Open this link within ${INVITATION_DAYS} days (it works once):\n\n${link}\n`,
    };
  return {
    subject: `Gatehouse: invitation to ${orgName} / ${orgName}への招待`,
    body: `${orgName} からGatehouseへの招待が届きました。${INVITATION_DAYS}日以内に次のリンクを開いてください（一度だけ使えます）。\nYou are invited to ${orgName} on Gatehouse. Open this link within ${INVITATION_DAYS} days (it works once):\n\n${link}\n`,
  };
}

/** Creates a single-use invitation and mails its link; returns the link (shown only to the inviter's outbox). */
export async function inviteMember(scope: Scope, input: InviteMemberInput, baseUrl: string, send: (mail: { orgId: string; to: string; subject: string; body: string }) => Promise<unknown>) {
  assertCanManage(scope, input.role);
  const token = await dbFor(scope).$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { orgId: scope.orgId, user: { email: input.email } }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "Already a member", { email: "validation.alreadyMember" });
    const clientIds = await validClientIds(tx, scope, input.role, input.clientIds);
    const created = await createInvitation(tx, { orgId: scope.orgId, email: input.email, role: input.role, clientIds, createdById: scope.userId });
    await audit(tx, scope, { action: "member.invited", entityType: "Invitation", entityId: created.invitationId, after: { email: input.email, role: input.role, clientIds, replacedInvitationIds: created.replacedInvitationIds } });
    return created.token;
  });
  const link = `${baseUrl}/invite/${token}`;
  await send({ orgId: scope.orgId, to: input.email, ...invitationMail(scope.orgName, link) });
  return link;
}

export async function revokeInvitation(scope: Scope, invitationId: string): Promise<void> {
  assertCanManage(scope);
  const updated = await dbFor(scope).invitation.updateMany({ where: { id: invitationId, orgId: scope.orgId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count !== 1) throw new AppError("NOT_FOUND", "Invitation not found");
}

/** A role or assignment change is a privilege change: the member's sessions end. */
export async function changeMember(scope: Scope, input: ChangeMemberInput): Promise<void> {
  assertCanManage(scope, input.role);
  const target = await dbFor(scope).$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: scope.orgId }, include: { clients: true } });
    if (!member) throw new AppError("NOT_FOUND", "Member not found");
    assertCanManage(scope, member.role);
    if (member.role === "OWNER" && input.role !== "OWNER" && (await tx.membership.count({ where: { orgId: scope.orgId, role: "OWNER" } })) === 1)
      throw new AppError("CONFLICT", "The last owner cannot be demoted", { role: "validation.lastOwner" });
    const clientIds = await validClientIds(tx, scope, input.role, input.clientIds);
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await tx.membershipClient.deleteMany({ where: { membershipId: member.id } });
    if (clientIds.length) await tx.membershipClient.createMany({ data: clientIds.map((clientId) => ({ orgId: scope.orgId, membershipId: member.id, clientId })) });
    await audit(tx, scope, {
      action: "member.changed", entityType: "Membership", entityId: member.id,
      before: { role: member.role, clientIds: member.clients.map((c) => c.clientId) }, after: { role: input.role, clientIds },
    });
    return member.userId;
  });
  if (target !== scope.userId) await revokeOtherSessions(target, null, "privileges_changed");
}

export async function removeMember(scope: Scope, membershipId: string): Promise<void> {
  assertCanManage(scope);
  const userId = await dbFor(scope).$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, orgId: scope.orgId } });
    if (!member) throw new AppError("NOT_FOUND", "Member not found");
    assertCanManage(scope, member.role);
    if (member.userId === scope.userId) throw new AppError("CONFLICT", "You cannot remove yourself");
    await tx.membership.delete({ where: { id: member.id } });
    await audit(tx, scope, { action: "member.removed", entityType: "Membership", entityId: member.id, before: { userId: member.userId, role: member.role } });
    return member.userId;
  });
  await revokeOtherSessions(userId, null, "member_removed");
}

export async function findInvitation(token: string) {
  const invitation = await getDb().invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  const [org, user] = await Promise.all([
    getDb().organization.findUniqueOrThrow({ where: { id: invitation.orgId }, select: { name: true, portalFor: { select: { org: { select: { name: true } } } } } }),
    getDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
  ]);
  // A client-owner portal invitation names the agency that sent it, not only the client's own organisation.
  const agencyName = org.portalFor?.org.name ?? null;
  // `userId`: the page tells a signed-in user when the invitation is another person's, before any button (decision 090).
  return { id: invitation.id, email: invitation.email, role: invitation.role, orgName: org.name, agencyName, userExists: user !== null, userId: user?.id ?? null };
}

/** New user: creates the account with a policy-checked password and joins; the token then stops working. */
export async function acceptInvitationAsNewUser(input: AcceptInvitationInput): Promise<{ email: string }> {
  const invitation = await findInvitation(input.token);
  if (!invitation || invitation.userExists) throw new AppError("NOT_FOUND", "Invitation not found or already used");
  const problem = passwordProblem(input.password, [invitation.email, input.name]);
  if (problem) throw new AppError("INVALID_INPUT", problem, { password: `validation.password.${problem}` });
  const passwordHash = await hashPassword(input.password);
  await getDb().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "Invitation already used");
    const row = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const user = await tx.user.create({ data: { email: row.email, name: input.name, passwordHash } });
    const membership = await tx.membership.create({ data: { orgId: row.orgId, userId: user.id, role: row.role } });
    if (row.clientIds.length) await tx.membershipClient.createMany({ data: row.clientIds.map((clientId) => ({ orgId: row.orgId, membershipId: membership.id, clientId })) });
    await tx.auditEvent.create({ data: { orgId: row.orgId, actorUserId: user.id, action: "member.joined", entityType: "Membership", entityId: membership.id, after: { role: row.role } } });
  });
  return { email: invitation.email };
}

/** An existing, signed-in user with the invited e-mail joins. */
export async function acceptInvitationAsUser(userId: string, token: string): Promise<void> {
  const invitation = await findInvitation(token);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (!invitation || invitation.email !== user.email) throw new AppError("NOT_FOUND", "Invitation not found for this account");
  await getDb().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "Invitation already used");
    const row = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const membership = await tx.membership.upsert({
      where: { userId_orgId: { userId, orgId: row.orgId } }, create: { orgId: row.orgId, userId, role: row.role }, update: {},
    });
    if (row.clientIds.length) await tx.membershipClient.createMany({ data: row.clientIds.map((clientId) => ({ orgId: row.orgId, membershipId: membership.id, clientId })), skipDuplicates: true });
    await tx.auditEvent.create({ data: { orgId: row.orgId, actorUserId: userId, action: "member.joined", entityType: "Membership", entityId: membership.id, after: { role: row.role } } });
  });
}
