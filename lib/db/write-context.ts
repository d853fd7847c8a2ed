import "server-only";
import { utcToday } from "@/lib/days";
import { AppError } from "@/lib/errors";
import { guardOtherClientsFindings } from "./client-reach";
import type { Tx } from "./client";
import { peopleOnAccounts, refreshPersonAccess } from "./people/person-access";
import { recomputeAccounts } from "./risk/recompute";
import { accountScopeWhere, actorOf, type Scope } from "./scope";
import { dbFor } from "./tenant";

export function canWrite(scope: Scope): boolean {
  return scope.role !== "VIEWER";
}

export function assertCanWrite(scope: Scope): void {
  if (!canWrite(scope)) throw new AppError("FORBIDDEN", "Viewers cannot change data");
}

export async function audit(
  tx: Tx,
  scope: Scope,
  event: { action: string; entityType: string; entityId?: string | null; accountId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: scope.orgId,
      ...actorOf(scope),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      accountId: event.accountId ?? null,
      before: event.before === undefined ? undefined : (JSON.parse(JSON.stringify(event.before)) as object),
      after: event.after === undefined ? undefined : (JSON.parse(JSON.stringify(event.after)) as object),
    },
  });
}

/**
 * Every change to an account's access data goes through here: one transaction that checks the
 * account is in scope, bumps its version (optimistic locking: a stale form gets CONFLICT), runs the
 * change, and recomputes findings and scores of every account the change touches.
 */
export async function writeAccountData<T>(
  scope: Scope,
  accountId: string,
  expectedVersion: number | undefined,
  change: (tx: Tx) => Promise<{ value: T; alsoTouches?: string[] }>,
): Promise<T> {
  assertCanWrite(scope);
  return dbFor(scope).$transaction(async (tx) => {
    const account = await tx.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { id: true, version: true } });
    if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
    const stale = () => new AppError("CONFLICT", "This account was changed by someone else since you opened it. Reload to see the latest data.");
    if (expectedVersion !== undefined && account.version !== expectedVersion) throw stale();
    // The version is compared again by the UPDATE itself: two writers that both read the same version
    // queue on the row lock, and the second finds the version moved (READ COMMITTED re-checks the WHERE),
    // so exactly one of them wins instead of both incrementing.
    const bumped = await tx.sellerAccount.updateMany({ where: { id: account.id, version: account.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw stale();
    // The people on the account before and after the change: whoever lost or gained access.
    const before = await peopleOnAccounts(tx, scope.orgId, [account.id]);
    const { value, alsoTouches = [] } = await change(tx);
    const touched = [...new Set([account.id, ...alsoTouches])];
    // A client-scoped member's change may not bring another client's account a finding (decision 082).
    const noNewFindingsElsewhere = await guardOtherClientsFindings(tx, scope, touched);
    await recomputeAccounts(tx, scope.orgId, touched, { today: utcToday(), ...actorOf(scope) });
    await noNewFindingsElsewhere();
    const after = await peopleOnAccounts(tx, scope.orgId, [account.id]);
    await refreshPersonAccess(tx, scope.orgId, [...new Set([...before, ...after])]);
    return value;
  });
}

/** Accounts (in the same organisation) whose logins use any of these devices for 2SV. */
export async function accountsUsingDevices(tx: Tx, orgId: string, deviceIds: (string | null | undefined)[]): Promise<string[]> {
  const ids = deviceIds.filter((d): d is string => !!d);
  if (ids.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ accountId: string }[]>(
    `SELECT DISTINCT l."accountId" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId" WHERE m."orgId" = $1 AND m."deviceId" = ANY($2::text[])`,
    orgId,
    ids,
  );
  return rows.map((r) => r.accountId);
}
