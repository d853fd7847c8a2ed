import "server-only";
import { displayPrefix, generateApiToken, hashApiToken, isApiTokenShape } from "@/lib/api/token";
import { AppError } from "@/lib/errors";
import type { CreateApiTokenInput } from "@/lib/validation/api-tokens";
import { getDb, type Db, type Tx } from "../client";
import type { ApiTokenScope } from "../generated/enums";
import { isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";
import { utcToday } from "@/lib/days";
import { sameTextAnyCase } from "../same-text";

// Tokens for /api/v1 (decision 016). A token acts for its organisation: a write token as an Owner, a
// read token as a Viewer, each optionally restricted to some clients, so every lib/db function applies
// the same tenant and client filters to it as to a signed-in member.

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: "read" | "write";
  clients: { id: string; name: string }[];
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}

const scopeName = (s: ApiTokenScope): "read" | "write" => (s === "WRITE" ? "write" : "read");

function assertTokenAdmin(scope: Scope): void {
  // The client-owner portal resolves to Viewer, so it is refused here too.
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins manage API tokens");
}

/**
 * One active (unrevoked) token per name in an organisation, compared without case: two tokens named alike
 * could not be told apart in the list or in the revoke confirmation, which names the token (decision 095).
 * Held by this partial unique index (migration 20261214010000); the look-up before it only gives the
 * refusal its words, and two creates at once meet the index, whose refusal reads the same.
 */
const ACTIVE_NAME_INDEX = "ApiToken_orgId_active_name_key";

/** A token of the organisation that holds a name: its stored name, and whether it has expired (unrevoked, it still holds it). */
interface NameHolder {
  name: string;
  expired: boolean;
}

/** The organisation's unrevoked token that `name` would repeat, if any (the index's own comparison). */
async function tokenHoldingName(tx: Tx, orgId: string, name: string): Promise<NameHolder | null> {
  const [row] = await tx.$queryRawUnsafe<NameHolder[]>(
    `SELECT name, coalesce("expiresAt" <= now(), false) AS expired FROM "ApiToken" WHERE "orgId" = $1 AND "revokedAt" IS NULL AND lower(name) = lower($2) LIMIT 1`,
    orgId,
    name,
  );
  return row ?? null;
}

/**
 * The refusal of a taken name, in the words that fit the token holding it. An expired token is refused by the API but
 * keeps its name until it is revoked: the partial index cannot read the clock, and freeing the name in code alone would
 * leave two unrevoked tokens of one name for the index to refuse. So the refusal says to revoke it (decision 096).
 */
function nameTaken(holder: NameHolder): AppError {
  const refusal = holder.expired
    ? new AppError("INVALID_INPUT", `An expired API token still holds the name "${holder.name}"`, { name: "validation.apiTokenNameHeldByExpired" })
    : new AppError("INVALID_INPUT", `An active API token is already named "${holder.name}"`, { name: "validation.apiTokenNameTaken" });
  refusal.vars = { name: holder.name };
  return refusal;
}

/** A create that lost the race to another of the same name: the index refused it. */
function isActiveNameViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: unknown; message?: unknown } | null;
  return e?.code === "P2002" && `${JSON.stringify(e.meta ?? {})} ${String(e.message ?? "")}`.includes(ACTIVE_NAME_INDEX);
}

/** Creates a token and returns it: the only time the secret exists outside the caller's hands. */
export async function createApiToken(scope: Scope, input: CreateApiTokenInput): Promise<{ id: string; token: string; prefix: string }> {
  assertTokenAdmin(scope);
  const today = utcToday();
  if (input.expiresOn !== null && input.expiresOn <= today) throw new AppError("INVALID_INPUT", "The expiry must be after today", { expiresOn: "validation.apiTokenExpiryPast" });
  const db = dbFor(scope);
  const clientIds = [...new Set(input.clientIds)];
  if (clientIds.length) {
    const found = await db.client.count({ where: { orgId: scope.orgId, id: { in: clientIds } } });
    if (found !== clientIds.length) throw new AppError("INVALID_INPUT", "Unknown client", { clientIds: "validation.unknownClient" });
  }
  const token = generateApiToken();
  const prefix = displayPrefix(token);
  const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T00:00:00Z`) : null;
  const id = await db.$transaction(async (tx) => {
    const holder = await tokenHoldingName(tx, scope.orgId, input.name);
    if (holder !== null) throw nameTaken(holder);
    const row = await tx.apiToken.create({
      data: { orgId: scope.orgId, name: input.name, scope: input.scope === "write" ? "WRITE" : "READ", clientIds, tokenHash: hashApiToken(token), prefix, createdById: scope.userId, expiresAt },
      select: { id: true },
    });
    await audit(tx, scope, { action: "apiToken.created", entityType: "ApiToken", entityId: row.id, after: { name: input.name, scope: input.scope, clientIds, expiresAt, prefix } });
    return row.id;
  }).catch((error: unknown) => {
    // The winner of the race was made just now, so it has not expired.
    throw isActiveNameViolation(error) ? nameTaken({ name: input.name, expired: false }) : error;
  });
  return { id, token, prefix };
}

/** The organisation's tokens, newest first, revoked ones included (they stay as a record). */
export async function listApiTokens(scope: Scope): Promise<ApiTokenRow[]> {
  assertTokenAdmin(scope);
  const db = dbFor(scope);
  const [tokens, clients] = await Promise.all([
    db.apiToken.findMany({ where: { orgId: scope.orgId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 }),
    db.client.findMany({ where: { orgId: scope.orgId }, select: { id: true, name: true } }),
  ]);
  const creators = await db.membership.findMany({ where: { orgId: scope.orgId, userId: { in: [...new Set(tokens.map((t) => t.createdById))] } }, select: { userId: true, user: { select: { name: true } } } });
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const creatorName = new Map(creators.map((m) => [m.userId, m.user.name]));
  return tokens.map((t) => ({
    id: t.id, name: t.name, scope: scopeName(t.scope), prefix: t.prefix, createdAt: t.createdAt, createdBy: creatorName.get(t.createdById) ?? null,
    clients: t.clientIds.map((id) => ({ id, name: clientName.get(id) ?? "?" })), expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt, lastUsedIp: t.lastUsedIp,
  }));
}

/** Revokes a token of the caller's organisation at once; another organisation's id is NOT_FOUND. Twice is a no-op. */
export async function revokeApiToken(scope: Scope, tokenId: string): Promise<void> {
  assertTokenAdmin(scope);
  await dbFor(scope).$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, orgId: scope.orgId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "API token not found");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date(), revokedById: scope.userId } });
    await audit(tx, scope, { action: "apiToken.revoked", entityType: "ApiToken", entityId: token.id, before: { name: token.name } });
  });
}

export interface ApiCaller {
  scope: Scope;
  tokenId: string;
  tokenScope: "read" | "write";
}

export type ApiAuthentication = { ok: true; caller: ApiCaller } | { ok: false; reason: "missing" | "unknown" | "revoked" | "expired" };

/**
 * The token behind a request, or why there is none. Looked up by its hash as a system job (before it
 * is known, there is no tenant to scope by); every refusal is an audit event, in the token's
 * organisation when the token is known. A live token's last use (time, address) is recorded.
 */
export async function authenticateApiToken(token: string | null, ip: string): Promise<ApiAuthentication> {
  const db = getDb();
  if (token === null) {
    await refuse(db, null, null, "missing", ip);
    return { ok: false, reason: "missing" };
  }
  const row = isApiTokenShape(token) ? await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } }) : null;
  if (!row) {
    await refuse(db, null, null, "unknown", ip);
    return { ok: false, reason: "unknown" };
  }
  const now = new Date();
  const reason = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : null;
  if (reason) {
    await refuse(db, row.orgId, row.id, reason, ip);
    return { ok: false, reason };
  }
  const org = await db.organization.findUnique({ where: { id: row.orgId }, select: { name: true } });
  // One write per token and address per 30 s is enough for "last used", and keeps busy scripts cheap.
  await db.$executeRawUnsafe(
    `UPDATE "ApiToken" SET "lastUsedAt" = now(), "lastUsedIp" = $2 WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '30 seconds' OR "lastUsedIp" IS DISTINCT FROM $2)`,
    row.id,
    ip,
  );
  const tokenScope = scopeName(row.scope);
  return {
    ok: true,
    caller: {
      tokenId: row.id,
      tokenScope,
      scope: {
        userId: row.createdById,
        orgId: row.orgId,
        membershipOrgId: row.orgId,
        orgName: org?.name ?? "",
        portal: null,
        // A read token cannot pass any write check in lib/db, whatever the route asks.
        role: tokenScope === "write" ? "OWNER" : "VIEWER",
        clientIds: row.clientIds.length ? row.clientIds : null,
        memberships: [],
        requireTwoFactor: false,
        twoFactorEnabled: true,
        // Its writes are credited to the token, not to the member who made it (decision 094).
        apiTokenId: row.id,
      },
    },
  };
}

async function refuse(db: Db, orgId: string | null, tokenId: string | null, reason: string, ip: string): Promise<void> {
  await db.auditEvent.create({ data: { orgId, action: "apiToken.refused", entityType: "ApiToken", entityId: tokenId, after: { reason, ip } } });
}

/** A refusal after authentication (scope, rate limit), recorded in the token's organisation. */
export async function recordApiRefusal(caller: ApiCaller, reason: "forbidden" | "rate_limited", ip: string, detail: Record<string, unknown> = {}): Promise<void> {
  await dbFor(caller.scope).auditEvent.create({
    data: { orgId: caller.scope.orgId, actorUserId: caller.scope.userId, action: "apiToken.refused", entityType: "ApiToken", entityId: caller.tokenId, after: { reason, ip, ...detail } },
  });
}

export type CliTokenResult =
  | { ok: true; token: string }
  | { ok: false; problem: "unknown_organisation" | "no_owner" }
  | { ok: false; problem: "name_taken"; taken: string; expired: boolean }
  | { ok: false; problem: "ambiguous_organisation"; orgIds: string[] };

/**
 * `gatehouse token create`: a system job (the command has no session), acting as the organisation's
 * first Owner, audited like a token made in Settings.
 */
export async function unsafeCreateApiTokenForOrganisation(db: Db, input: { orgName: string; name: string; scope: "read" | "write" }): Promise<CliTokenResult> {
  // `--org` takes the name or the id `gatehouse setup` printed. The name is compared without case, as setup compares
  // it when it refuses a used one ("momiji partners" is Momiji Partners); organisations named alike before setup
  // refused a used name (decision 089) are told apart by id, which the refusal lists.
  const orgs = await db.organization.findMany({
    where: { kind: "AGENCY", OR: [{ name: sameTextAnyCase(input.orgName) }, { id: input.orgName }] },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (orgs.length === 0) return { ok: false, problem: "unknown_organisation" };
  if (orgs.length > 1) return { ok: false, problem: "ambiguous_organisation", orgIds: orgs.map((o) => o.id) };
  const orgId = orgs[0].id;
  const owner = await db.membership.findFirst({ where: { orgId, role: "OWNER" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { userId: true } });
  if (!owner) return { ok: false, problem: "no_owner" };
  const token = generateApiToken();
  const prefix = displayPrefix(token);
  const holder = await db.$transaction(async (tx): Promise<NameHolder | null> => {
    const named = await tokenHoldingName(tx, orgId, input.name);
    if (named !== null) return named;
    const row = await tx.apiToken.create({
      data: { orgId, name: input.name, scope: input.scope === "write" ? "WRITE" : "READ", clientIds: [], tokenHash: hashApiToken(token), prefix, createdById: owner.userId },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { orgId, actorUserId: owner.userId, action: "apiToken.created", entityType: "ApiToken", entityId: row.id, after: { name: input.name, scope: input.scope, clientIds: [], expiresAt: null, prefix, via: "cli" } },
    });
    return null;
  }).catch((error: unknown) => {
    if (isActiveNameViolation(error)) return { name: input.name, expired: false };
    throw error;
  });
  return holder === null ? { ok: true, token } : { ok: false, problem: "name_taken", taken: holder.name, expired: holder.expired };
}
