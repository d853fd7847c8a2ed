import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import type { CreateAccountInput, RemoveAccountInput, UpdateAccountInput } from "@/lib/validation/account-form";
import { lockForTransaction } from "../advisory-lock";
import type { Tx } from "../client";
import { peopleOnAccounts, refreshPersonAccess } from "../people/person-access";
import { recomputeAccounts } from "../risk/recompute";
import { actorOf, accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { accountsUsingDevices, assertCanWrite, audit, writeAccountData } from "../write-context";
import { utcToday } from "@/lib/days";

// Seller accounts typed in by people: created, edited and removed from the accounts pages. Every change
// is audited with before and after and recomputes findings in its own transaction; edits name the
// version they were made from (a stale form is refused with the current values).

const EDITABLE = { storeName: true, sellerId: true, region: true, marketplaces: true, plan: true, status: true, clientId: true } as const;

/** The client must be the organisation's and, for a Manager, one of theirs (they could not see the account otherwise). */
async function assertClientAllowed(tx: Tx, scope: Scope, clientId: string | null) {
  if (clientId === null) {
    if (scope.clientIds) throw new AppError("INVALID_INPUT", "Choose one of your clients", { clientId: "validation.clientRequired" });
    return;
  }
  const found = await tx.client.findFirst({ where: { id: clientId, orgId: scope.orgId }, select: { id: true } });
  if (!found || (scope.clientIds && !scope.clientIds.includes(clientId))) throw new AppError("INVALID_INPUT", "Unknown client", { clientId: "validation.unknownClient" });
}

async function assertSellerIdFree(tx: Tx, scope: Scope, sellerId: string | null, exceptId?: string) {
  if (sellerId === null) return;
  const clash = await tx.sellerAccount.findFirst({ where: { orgId: scope.orgId, sellerId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("INVALID_INPUT", "Seller ID already recorded", { sellerId: "validation.sellerIdTaken" });
}

const fields = (input: CreateAccountInput) => ({
  storeName: input.storeName, sellerId: input.sellerId, region: input.region, marketplaces: input.marketplaces, plan: input.plan, status: input.status, clientId: input.clientId,
});

export async function createAccount(scope: Scope, input: CreateAccountInput): Promise<{ id: string }> {
  assertCanWrite(scope);
  return dbFor(scope).$transaction(async (tx) => {
    await assertClientAllowed(tx, scope, input.clientId);
    // Two people typing the same seller ID at once: the second waits and is told it exists.
    await lockForTransaction(tx, `seller-id:${scope.orgId}:${input.sellerId ?? ""}`);
    await assertSellerIdFree(tx, scope, input.sellerId);
    const account = await tx.sellerAccount.create({ data: { orgId: scope.orgId, ...fields(input), source: "FORM" }, select: { id: true, ...EDITABLE } });
    await audit(tx, scope, { action: "account.created", entityType: "SellerAccount", entityId: account.id, accountId: account.id, after: { ...account, source: "FORM" } });
    await recomputeAccounts(tx, scope.orgId, [account.id], { today: utcToday(), ...actorOf(scope) });
    return { id: account.id };
  });
}

/** The edit form's values of an account as it is now (shown beside a stale form's). */
export async function accountFormValues(scope: Scope, accountId: string): Promise<Record<string, string> | null> {
  const a = await dbFor(scope).sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { ...EDITABLE, version: true } });
  if (!a) return null;
  return {
    storeName: a.storeName, sellerId: a.sellerId ?? "", region: a.region, marketplaces: a.marketplaces.join(","), plan: a.plan, status: a.status, clientId: a.clientId ?? "", version: String(a.version),
  };
}

export async function updateAccount(scope: Scope, input: UpdateAccountInput): Promise<void> {
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const before = await tx.sellerAccount.findUniqueOrThrow({ where: { id: input.accountId }, select: EDITABLE });
    if (before.clientId !== input.clientId) await assertClientAllowed(tx, scope, input.clientId);
    await lockForTransaction(tx, `seller-id:${scope.orgId}:${input.sellerId ?? ""}`);
    await assertSellerIdFree(tx, scope, input.sellerId, input.accountId);
    const after = await tx.sellerAccount.update({ where: { id: input.accountId }, data: { ...fields(input), source: "FORM" }, select: EDITABLE });
    await audit(tx, scope, { action: "account.updated", entityType: "SellerAccount", entityId: input.accountId, accountId: input.accountId, before, after });
    return { value: undefined };
  });
  return withCurrentValues(edit, () => accountFormValues(scope, input.accountId));
}

export interface AccountRemoval {
  logins: number;
  methods: number;
  grants: number;
  partners: number;
  apps: number;
  otherAccess: number;
  findings: number;
}

/** What goes with an account: the confirmation names it. */
export async function accountRemovalPreview(scope: Scope, accountId: string): Promise<AccountRemoval> {
  const db = dbFor(scope);
  const where = { orgId: scope.orgId, accountId };
  const [logins, methods, grants, partners, apps, otherAccess, findings] = await Promise.all([
    db.login.count({ where }),
    db.twoStepMethod.count({ where: { orgId: scope.orgId, login: { accountId } } }),
    db.permissionGrant.count({ where: { orgId: scope.orgId, login: { accountId } } }),
    db.authorizedPartner.count({ where }),
    db.appAuthorization.count({ where }),
    db.otherAccess.count({ where }),
    db.finding.count({ where }),
  ]);
  return { logins, methods, grants, partners, apps, otherAccess, findings };
}

/**
 * Removes an account and everything recorded on it (logins with their methods and grants, partners,
 * apps, Ads/Brand Registry access, findings). Accounts that shared a 2SV device with it are
 * recomputed, and the people who held access on it get their totals refreshed, in the same transaction.
 */
export async function removeAccount(scope: Scope, input: RemoveAccountInput): Promise<void> {
  assertCanWrite(scope);
  const edit = dbFor(scope).$transaction(async (tx) => {
    const account = await tx.sellerAccount.findFirst({ where: { id: input.accountId, ...accountScopeWhere(scope) } });
    if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
    const claimed = await tx.sellerAccount.updateMany({ where: { id: account.id, version: input.version }, data: { version: { increment: 1 } } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "This account was changed by someone else since you opened it.");
    const people = await peopleOnAccounts(tx, scope.orgId, [account.id]);
    const devices = await tx.twoStepMethod.findMany({ where: { orgId: scope.orgId, login: { accountId: account.id } }, select: { deviceId: true } });
    const sharing = (await accountsUsingDevices(tx, scope.orgId, devices.map((d) => d.deviceId))).filter((id) => id !== account.id);
    const removed = await accountRemovalPreviewTx(tx, scope, account.id);
    await tx.sellerAccount.delete({ where: { id: account.id } });
    const { storeName, sellerId, region, marketplaces, plan, status, clientId } = account;
    await audit(tx, scope, { action: "account.removed", entityType: "SellerAccount", entityId: account.id, accountId: account.id, before: { storeName, sellerId, region, marketplaces, plan, status, clientId, removed } });
    await recomputeAccounts(tx, scope.orgId, sharing, { today: utcToday(), ...actorOf(scope) });
    await refreshPersonAccess(tx, scope.orgId, people);
  });
  return withCurrentValues(edit, () => accountFormValues(scope, input.accountId));
}

async function accountRemovalPreviewTx(tx: Tx, scope: Scope, accountId: string) {
  const where = { orgId: scope.orgId, accountId };
  return {
    logins: await tx.login.count({ where }),
    methods: await tx.twoStepMethod.count({ where: { orgId: scope.orgId, login: { accountId } } }),
    partners: await tx.authorizedPartner.count({ where }),
    apps: await tx.appAuthorization.count({ where }),
    otherAccess: await tx.otherAccess.count({ where }),
  };
}
