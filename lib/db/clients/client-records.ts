import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import type { CreateClientInput, RemoveClientInput, RenameClientInput } from "@/lib/validation/clients";
import { clientNameKey } from "@/lib/validation/record-identity";
import { lockForTransaction } from "../advisory-lock";
import type { Tx } from "../client";
import { isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";

// Clients are the organisation's structure (who is assigned what, which portal sees what): only Owners
// and Admins create, rename and remove them. A client's accounts stay when it goes, without a client.

function assertCanManageClients(scope: Scope): void {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins manage clients");
}

const nameTaken = () => new AppError("INVALID_INPUT", "A client with this name exists", { name: "validation.clientNameTaken" });

/**
 * No other client of the organisation has this name as people compare names (width, case and spaces aside,
 * clientNameKey). Compared here rather than by an index, since the key is Unicode's NFKC and case folding in
 * JavaScript; callers hold the organisation's client-name advisory lock, so two forms cannot both pass.
 */
async function assertNameFree(tx: Tx, scope: Scope, name: string, exceptId?: string) {
  const key = clientNameKey(name);
  const names = await tx.client.findMany({ where: { orgId: scope.orgId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (names.some((c) => clientNameKey(c.name) === key)) throw nameTaken();
}

/**
 * The organisation's client-name lock. Every path that may create or rename a client takes it (the client forms, the
 * snapshot upsert's `client`), so two of them cannot both find a name free and both create it (decision 074).
 */
export async function lockClientNames(tx: Tx, orgId: string): Promise<void> {
  await lockForTransaction(tx, `client-name:${orgId}`);
}

/**
 * The client a name means, compared as assertNameFree compares names (clientNameKey): "Ｋｕｍｏ\u3000ＫＫ" finds "Kumo KK".
 * The exact name first, then the oldest of its twins: an organisation may hold twins made before decision 069, and a
 * caller naming one exactly (the import page passes the chosen client's stored name) gets that one. `clientIds`: a
 * restricted caller's clients (a Manager, a token); others are not found. Null when none matches.
 */
export async function findClientByName(tx: Pick<Tx, "client">, orgId: string, name: string, clientIds?: readonly string[] | null): Promise<{ id: string; name: string } | null> {
  const clients = await tx.client.findMany({
    where: { orgId, ...(clientIds ? { id: { in: [...clientIds] } } : {}) },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const exact = clients.find((c) => c.name === name);
  if (exact) return exact;
  const key = clientNameKey(name);
  return clients.find((c) => clientNameKey(c.name) === key) ?? null;
}

export interface ClientRow {
  id: string;
  name: string;
  version: number;
  accounts: number;
  members: number;
  portal: boolean;
}

/** Every client in the caller's scope with what removing it would touch. */
export async function listClientRows(scope: Scope): Promise<ClientRow[]> {
  const rows = await dbFor(scope).$queryRawUnsafe<ClientRow[]>(
    `SELECT c.id, c.name, c.version,
            (SELECT count(*)::int FROM "SellerAccount" a WHERE a."orgId" = c."orgId" AND a."clientId" = c.id) AS accounts,
            (SELECT count(*)::int FROM "MembershipClient" mc WHERE mc."orgId" = c."orgId" AND mc."clientId" = c.id) AS members,
            (c."portalOrgId" IS NOT NULL) AS portal
     FROM "Client" c WHERE c."orgId" = $1 AND ($2::text[] IS NULL OR c.id = ANY($2::text[])) ORDER BY c.name, c.id`,
    scope.orgId,
    scope.clientIds,
  );
  return rows;
}

/**
 * The client with this id if the caller can reach it, else null: none has it, another organisation's, and one not
 * assigned to a Manager, Viewer or the client owner are alike (decision 093). A list page asks it of the client
 * filter in its link, to name one that reaches nothing rather than show an empty list without a word (decision 099).
 */
export async function reachableClient(scope: Scope, id: string): Promise<{ id: string; name: string } | null> {
  if (scope.clientIds && !scope.clientIds.includes(id)) return null;
  const [found] = await dbFor(scope).$queryRawUnsafe<{ id: string; name: string }[]>(`SELECT c.id, c.name FROM "Client" c WHERE c."orgId" = $1 AND c.id = $2`, scope.orgId, id);
  return found ?? null;
}

/**
 * The clients a record form may choose from, by name (the account form's client select fetches them when
 * opened: the page itself carries only the account's own client, decision 034 "Stop 28"). A Manager gets
 * only the clients assigned to them, another organisation's clients never.
 */
export async function listClientChoices(scope: Scope): Promise<{ id: string; name: string }[]> {
  return dbFor(scope).$queryRawUnsafe<{ id: string; name: string }[]>(
    `SELECT c.id, c.name FROM "Client" c WHERE c."orgId" = $1 AND ($2::text[] IS NULL OR c.id = ANY($2::text[])) ORDER BY c.name, c.id`,
    scope.orgId,
    scope.clientIds,
  );
}

export async function createClient(scope: Scope, input: CreateClientInput): Promise<{ id: string }> {
  assertCanManageClients(scope);
  return dbFor(scope).$transaction(async (tx) => {
    await lockClientNames(tx, scope.orgId);
    await assertNameFree(tx, scope, input.name);
    const client = await tx.client.create({ data: { orgId: scope.orgId, name: input.name } });
    await audit(tx, scope, { action: "client.created", entityType: "Client", entityId: client.id, after: { name: client.name, source: "FORM" } });
    return { id: client.id };
  });
}

async function clientFormValues(scope: Scope, clientId: string): Promise<Record<string, string> | null> {
  const client = await dbFor(scope).client.findFirst({ where: { id: clientId, orgId: scope.orgId }, select: { name: true, version: true } });
  return client && { name: client.name, version: String(client.version) };
}

/** Claims the version it was edited from: exactly one of several same-version edits wins. */
async function claimVersion(tx: Tx, scope: Scope, clientId: string, version: number) {
  const before = await tx.client.findFirst({ where: { id: clientId, orgId: scope.orgId } });
  if (!before) throw new AppError("NOT_FOUND", "Client not found");
  const claimed = await tx.client.updateMany({ where: { id: clientId, orgId: scope.orgId, version }, data: { version: { increment: 1 } } });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "This client was changed by someone else since you opened it.");
  return before;
}

export async function renameClient(scope: Scope, input: RenameClientInput): Promise<void> {
  assertCanManageClients(scope);
  const edit = dbFor(scope).$transaction(async (tx) => {
    await lockClientNames(tx, scope.orgId);
    const before = await claimVersion(tx, scope, input.clientId, input.version);
    await assertNameFree(tx, scope, input.name, before.id);
    await tx.client.update({ where: { id: before.id }, data: { name: input.name } });
    await audit(tx, scope, { action: "client.renamed", entityType: "Client", entityId: before.id, before: { name: before.name }, after: { name: input.name } });
  });
  return withCurrentValues(edit, () => clientFormValues(scope, input.clientId));
}

/** Removes the client; its accounts stay (without a client), assignments to it end, its portal closes. */
export async function removeClient(scope: Scope, input: RemoveClientInput): Promise<void> {
  assertCanManageClients(scope);
  const edit = dbFor(scope).$transaction(async (tx) => {
    const before = await claimVersion(tx, scope, input.clientId, input.version);
    const accounts = await tx.sellerAccount.findMany({ where: { orgId: scope.orgId, clientId: before.id }, select: { id: true } });
    const members = await tx.membershipClient.count({ where: { orgId: scope.orgId, clientId: before.id } });
    await tx.client.delete({ where: { id: before.id } });
    await audit(tx, scope, {
      action: "client.removed", entityType: "Client", entityId: before.id,
      before: { name: before.name, accountIds: accounts.map((a) => a.id), assignedMembers: members, portalOrgId: before.portalOrgId },
    });
  });
  return withCurrentValues(edit, () => clientFormValues(scope, input.clientId));
}
