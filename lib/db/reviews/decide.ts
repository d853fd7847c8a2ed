import "server-only";
import { AppError } from "@/lib/errors";
import { decisionProblem, isOwnAccess, loweredGrants, type DecisionInput, type GrantLevel, type TaskKind } from "@/lib/reviews";
import type { BulkDecideInput } from "@/lib/validation/reviews";
import type { Tx } from "../client";
import { accountScopeWhere, type Scope } from "../scope";
import { createTask } from "../tasks/create-task";
import { dbFor } from "../tenant";
import { audit } from "../write-context";
import { managesCampaign } from "./access";

type ItemRow = Awaited<ReturnType<typeof loadItems>>[number];

async function loadItems(tx: Tx, scope: Scope, where: { id?: string; ids?: string[]; campaignId?: string }) {
  const accounts = accountScopeWhere(scope);
  return tx.reviewItem.findMany({
    where: {
      orgId: scope.orgId,
      ...(where.id ? { id: where.id } : {}),
      ...(where.ids ? { id: { in: where.ids } } : {}),
      ...(where.campaignId ? { campaignId: where.campaignId } : {}),
      // Only items on accounts the scope sees: a portal member never reaches another client's item.
      accountId: { in: (await tx.sellerAccount.findMany({ where: accounts, select: { id: true } })).map((a) => a.id) },
    },
    select: {
      id: true, campaignId: true, accountId: true, kind: true, subjectId: true, label: true, personId: true, personEmail: true, detail: true, reviewerId: true, decision: true,
      campaign: { select: { id: true, status: true, startedById: true, portalClientId: true, dueOn: true } },
    },
  });
}

/** The open high and critical findings about the access path an item stands for. */
async function openSevereFindings(tx: Tx, orgId: string, item: Pick<ItemRow, "accountId" | "kind" | "subjectId" | "personId">): Promise<number> {
  const subject = { LOGIN: { subjectType: "login" as const, subjectId: item.subjectId }, PARTNER: { subjectType: "partner" as const, subjectId: item.subjectId }, APP: { subjectType: "app" as const, subjectId: item.subjectId }, OTHER_ACCESS: { subjectType: "person" as const, subjectId: item.personId ?? "" } }[item.kind];
  return tx.finding.count({ where: { orgId, accountId: item.accountId, status: "OPEN", severity: { in: ["critical", "high"] }, ...subject } });
}

const TASK_FOR: Record<string, Partial<Record<"REDUCE" | "REMOVE", TaskKind>>> = {
  LOGIN: { REDUCE: "REDUCE_LOGIN", REMOVE: "REMOVE_LOGIN" },
  PARTNER: { REMOVE: "REMOVE_PARTNER" },
  APP: { REMOVE: "REMOVE_APP" },
  OTHER_ACCESS: { REDUCE: "REDUCE_OTHER_ACCESS", REMOVE: "REMOVE_OTHER_ACCESS" },
};

async function decideOne(tx: Tx, scope: Scope, email: string, item: ItemRow, input: DecisionInput, now: Date): Promise<void> {
  // A reviewer sees only their items; the campaign's manager sees and may decide all of them.
  const mine = item.reviewerId === scope.userId;
  if (!mine && !managesCampaign(scope, item.campaign)) throw new AppError("NOT_FOUND", "Review item not found");
  if (item.campaign.status !== "OPEN") throw new AppError("CONFLICT", "This campaign is completed");
  if (item.decision) throw new AppError("CONFLICT", "This item is already decided");
  if (isOwnAccess({ kind: item.kind, personEmail: item.personEmail, detail: item.detail as Record<string, unknown> }, email)) {
    throw new AppError("FORBIDDEN", "Nobody decides on their own access");
  }
  const detail = item.detail as Record<string, unknown>;
  const problem = decisionProblem({ kind: item.kind, detail }, input, await openSevereFindings(tx, scope.orgId, item));
  if (problem) throw new AppError("INVALID_INPUT", problem, problem === "commentRequired" ? { comment: "validation.review.commentRequired" } : { decision: `validation.review.${problem}` });
  const target =
    input.decision !== "REDUCE" ? null
    : item.kind === "LOGIN" ? { levels: loweredGrants((detail.grants as GrantLevel[] | undefined) ?? [], input.levels ?? []) }
    : { role: input.role };
  const decided = await tx.reviewItem.updateMany({
    where: { id: item.id, orgId: scope.orgId, decision: null },
    data: { decision: input.decision, target: target ? (JSON.parse(JSON.stringify(target)) as object) : undefined, comment: input.comment, decidedById: scope.userId, decidedAt: now },
  });
  if (decided.count !== 1) throw new AppError("CONFLICT", "This item is already decided");
  const kind = input.decision === "KEEP" ? undefined : TASK_FOR[item.kind][input.decision];
  if (kind) {
    const taskId = await createTask(scope, { accountId: item.accountId, kind, subjectId: item.subjectId, subjectLabel: item.label, target, reviewItemId: item.id, note: input.comment, dueOn: null }, tx);
    await tx.reviewItem.updateMany({ where: { id: item.id, orgId: scope.orgId }, data: { taskId } });
  }
  await audit(tx, scope, { action: "review.decided", entityType: "ReviewItem", entityId: item.id, accountId: item.accountId, after: { campaignId: item.campaignId, subject: item.label, decision: input.decision, target, comment: input.comment } });
}

/** A campaign whose every item is decided is complete. */
async function completeIfDone(tx: Tx, scope: Scope, campaignIds: string[], now: Date) {
  for (const campaignId of new Set(campaignIds)) {
    if ((await tx.reviewItem.count({ where: { orgId: scope.orgId, campaignId, decision: null } })) > 0) continue;
    const done = await tx.reviewCampaign.updateMany({ where: { id: campaignId, orgId: scope.orgId, status: "OPEN" }, data: { status: "COMPLETED", completedAt: now } });
    if (done.count === 1) await audit(tx, scope, { action: "review.completed", entityType: "ReviewCampaign", entityId: campaignId });
  }
}

async function reviewerEmail(tx: Tx, scope: Scope): Promise<string> {
  const user = await tx.user.findFirst({ where: { id: scope.userId }, select: { email: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Unknown user");
  return user.email;
}

/** Keep, reduce (to chosen levels) or remove one item; reduce and remove open a remediation task. */
export async function decideItem(scope: Scope, input: { itemId: string } & DecisionInput, now = new Date()): Promise<void> {
  await dbFor(scope).$transaction(async (tx) => {
    const [item] = await loadItems(tx, scope, { id: input.itemId });
    if (!item) throw new AppError("NOT_FOUND", "Review item not found");
    await decideOne(tx, scope, await reviewerEmail(tx, scope), item, input, now);
    await completeIfDone(tx, scope, [item.campaignId], now);
  });
}

/** The same decision on many items, after the form's confirmation step: all of them or none. */
export async function decideItems(scope: Scope, input: BulkDecideInput, now = new Date()): Promise<{ decided: number }> {
  return dbFor(scope).$transaction(async (tx) => {
    const items = await loadItems(tx, scope, { ids: input.itemIds, campaignId: input.campaignId });
    if (items.length !== new Set(input.itemIds).size) throw new AppError("NOT_FOUND", "Review item not found");
    const email = await reviewerEmail(tx, scope);
    for (const item of items) await decideOne(tx, scope, email, item, { decision: input.decision, comment: input.comment }, now);
    await completeIfDone(tx, scope, [input.campaignId], now);
    return { decided: items.length };
  }, { timeout: 60_000, maxWait: 15_000 });
}
