import "server-only";
import { AppError } from "@/lib/errors";
import type { InviteClientOwnerInput } from "@/lib/validation/members";
import { getDb } from "./client";
import { assertCanManage, createInvitation, invitationMail } from "./members";
import type { Scope } from "./scope";
import { dbFor } from "./tenant";
import { audit } from "./write-context";

// The client-owner portal: an agency links one of its clients to the client company's own (SELLER)
// organisation and invites the company's people into it. They then see that client's accounts
// (read-only, as Viewers who can record access reviews) and nothing else of the agency
// (resolveScope in scope.ts). Provisioning writes rows of that second organisation (the SELLER
// organisation, its invitation) and reads its members, so these two functions use the owner's client;
// every statement is tied to a client of the caller's own organisation first.

export async function inviteClientOwner(
  scope: Scope,
  input: InviteClientOwnerInput,
  baseUrl: string,
  send: (mail: { orgId: string; to: string; subject: string; body: string }) => Promise<unknown>,
): Promise<string> {
  assertCanManage(scope);
  const { token, clientName } = await getDb().$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: input.clientId, orgId: scope.orgId }, select: { id: true, name: true, portalOrgId: true } });
    if (!client) throw new AppError("INVALID_INPUT", "Unknown client", { clientId: "validation.unknownClient" });
    let portalOrgId = client.portalOrgId;
    if (!portalOrgId) {
      portalOrgId = (await tx.organization.create({ data: { name: client.name, kind: "SELLER" }, select: { id: true } })).id;
      await tx.client.update({ where: { id: client.id }, data: { portalOrgId } });
    }
    const member = await tx.membership.findFirst({ where: { orgId: portalOrgId, user: { email: input.email } }, select: { id: true } });
    if (member) throw new AppError("CONFLICT", "Already has portal access", { email: "validation.alreadyMember" });
    // On the agency's records every portal person is a Viewer (scope.ts). Their role in their own organisation
    // decides only what is theirs to run: its first person is its Owner, who may start access reviews of
    // the client's accounts (decision 018); later invitees are Viewers there too.
    const hasOwner = (await tx.membership.count({ where: { orgId: portalOrgId, role: "OWNER" } })) > 0;
    const role = hasOwner ? "VIEWER" : "OWNER";
    const created = await createInvitation(tx, { orgId: portalOrgId, email: input.email, role, clientIds: [], createdById: scope.userId });
    await audit(tx, scope, { action: "portal.invited", entityType: "Client", entityId: client.id, after: { email: input.email, role, invitationId: created.invitationId, replacedInvitationIds: created.replacedInvitationIds } });
    return { token: created.token, clientName: client.name };
  });
  const link = `${baseUrl}/invite/${token}`;
  // Mailed from the agency: in development the link lands in the agency admins' outbox.
  await send({ orgId: scope.orgId, to: input.email, ...invitationMail(clientName, link, { agencyName: scope.orgName }) });
  return link;
}

export interface ClientPortal {
  clientId: string;
  clientName: string;
  members: string[];
  pending: string[];
}

/** The agency's clients with a portal, and who is in each (members and open invitations, by e-mail). */
export async function listClientPortals(scope: Scope): Promise<ClientPortal[]> {
  assertCanManage(scope);
  const clients = await getDb().client.findMany({
    where: { orgId: scope.orgId, portalOrgId: { not: null } },
    select: {
      id: true, name: true,
      portalOrg: { select: { id: true, memberships: { select: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" } } } },
    },
    orderBy: { name: "asc" },
  });
  const invitations = await getDb().invitation.findMany({
    where: { orgId: { in: clients.map((c) => c.portalOrg?.id ?? "").filter(Boolean) }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { orgId: true, email: true },
  });
  return clients.map((c) => ({
    clientId: c.id,
    clientName: c.name,
    members: c.portalOrg?.memberships.map((m) => m.user.email) ?? [],
    pending: invitations.filter((i) => i.orgId === c.portalOrg?.id).map((i) => i.email),
  }));
}

/** Ends the portal: the client's own organisation stays, but sees none of the agency's records. */
export async function closeClientPortal(scope: Scope, clientId: string): Promise<void> {
  assertCanManage(scope);
  await dbFor(scope).$transaction(async (tx) => {
    const updated = await tx.client.updateMany({ where: { id: clientId, orgId: scope.orgId, portalOrgId: { not: null } }, data: { portalOrgId: null } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Client portal not found");
    await audit(tx, scope, { action: "portal.closed", entityType: "Client", entityId: clientId });
  });
}
