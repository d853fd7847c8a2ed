import "server-only";
import { AppError } from "@/lib/errors";
import { acceptanceWindowError, type AcceptFindingInput } from "@/lib/validation/findings";
import { recomputeAccounts } from "./risk/recompute";
import { actorOf, accountScopeWhere, type Scope } from "./scope";
import { assertCanWrite, audit } from "./write-context";
import { utcToday } from "@/lib/days";
import { dbFor } from "./tenant";

async function findingInScope(scope: Scope, findingId: string) {
  const finding = await dbFor(scope).finding.findFirst({
    where: { id: findingId, orgId: scope.orgId, account: accountScopeWhere(scope) },
    select: { id: true, accountId: true, status: true, ruleId: true },
  });
  if (!finding) throw new AppError("NOT_FOUND", "Finding not found");
  return finding;
}

/** Accepting a risk takes it out of the open list and the score until the chosen day has passed. */
export async function acceptFinding(scope: Scope, input: AcceptFindingInput): Promise<void> {
  assertCanWrite(scope);
  const today = utcToday();
  const windowError = acceptanceWindowError(input.until, today);
  if (windowError) throw new AppError("INVALID_INPUT", windowError, { until: windowError });
  const finding = await findingInScope(scope, input.findingId);
  if (finding.status !== "OPEN") throw new AppError("CONFLICT", "Only an open finding can be accepted");
  await dbFor(scope).$transaction(async (tx) => {
    const updated = await tx.finding.updateMany({
      where: { id: finding.id, orgId: scope.orgId, status: "OPEN" },
      data: { status: "ACCEPTED", acceptedReason: input.reason, acceptedUntil: new Date(`${input.until}T00:00:00Z`), acceptedById: scope.userId },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Only an open finding can be accepted");
    await audit(tx, scope, {
      action: "finding.accepted", entityType: "Finding", entityId: finding.id, accountId: finding.accountId,
      before: { status: "OPEN" }, after: { status: "ACCEPTED", reason: input.reason, until: input.until, rule: finding.ruleId },
    });
    await recomputeAccounts(tx, scope.orgId, [finding.accountId], { today, ...actorOf(scope) });
  });
}

export async function reopenFinding(scope: Scope, findingId: string): Promise<void> {
  assertCanWrite(scope);
  const finding = await findingInScope(scope, findingId);
  if (finding.status !== "ACCEPTED") throw new AppError("CONFLICT", "Only an accepted finding can be re-opened");
  await dbFor(scope).$transaction(async (tx) => {
    await tx.finding.update({
      where: { id: finding.id },
      data: { status: "OPEN", acceptedReason: null, acceptedUntil: null, acceptedById: null },
    });
    await audit(tx, scope, { action: "finding.reopened", entityType: "Finding", entityId: finding.id, accountId: finding.accountId, before: { status: "ACCEPTED" }, after: { status: "OPEN" } });
    await recomputeAccounts(tx, scope.orgId, [finding.accountId], { today: utcToday(), ...actorOf(scope) });
  });
}

/** Keeps a page honest when nobody has written since yesterday: age-based rules move with the date. */
export async function refreshAccountIfStale(scope: Scope, accountId: string): Promise<void> {
  const today = utcToday();
  const stale = await dbFor(scope).sellerAccount.findFirst({
    where: { id: accountId, ...accountScopeWhere(scope), OR: [{ evaluatedOn: null }, { evaluatedOn: { lt: new Date(`${today}T00:00:00Z`) } }] },
    select: { id: true },
  });
  if (stale) await dbFor(scope).$transaction((tx) => recomputeAccounts(tx, scope.orgId, [stale.id], { today }));
}
