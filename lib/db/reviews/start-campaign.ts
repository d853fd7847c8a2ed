import "server-only";
import { AppError } from "@/lib/errors";
import { assignReviewers, nextDueOn } from "@/lib/reviews";
import type { StartCampaignInput } from "@/lib/validation/reviews";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";
import { canStartCampaign } from "./access";
import { freezeItems } from "./freeze";
import { reviewerOptions } from "./reviewers";

/**
 * Starts a campaign: resolves the chosen clients and accounts within the scope, checks every reviewer
 * can be one, freezes one item per access path and hands each to a reviewer (never their own access).
 * Plain function of scope and input, so a scheduled job can start the next recurrence the same way.
 */
export async function startCampaign(scope: Scope, input: StartCampaignInput): Promise<{ id: string; items: number }> {
  if (!canStartCampaign(scope)) throw new AppError("FORBIDDEN", "Only owners and admins start access reviews");
  const db = dbFor(scope);
  const scoped = accountScopeWhere(scope);
  if (input.clientIds.length > 0) {
    const allowed = scope.clientIds ? input.clientIds.filter((c) => scope.clientIds!.includes(c)) : input.clientIds;
    const clients = await db.client.count({ where: { orgId: scope.orgId, id: { in: allowed } } });
    if (clients !== new Set(input.clientIds).size) throw new AppError("NOT_FOUND", "Client not found");
  }
  const accounts = await db.sellerAccount.findMany({
    where: { ...scoped, OR: [{ id: { in: input.accountIds } }, ...(input.clientIds.length ? [{ clientId: { in: input.clientIds } }] : [])] },
    select: { id: true, clientId: true },
    orderBy: { storeName: "asc" },
  });
  const found = new Set(accounts.map((a) => a.id));
  if (input.accountIds.some((id) => !found.has(id))) throw new AppError("NOT_FOUND", "Seller account not found");
  if (accounts.length === 0) throw new AppError("INVALID_INPUT", "No accounts to review", { clientIds: "validation.review.noAccounts" });
  const options = await reviewerOptions(scope, accounts);
  const reviewers = input.reviewerIds.map((id) => options.find((o) => o.userId === id));
  if (reviewers.some((r) => !r)) throw new AppError("INVALID_INPUT", "Unknown reviewer", { reviewerIds: "validation.review.unknownReviewer" });

  return db.$transaction(async (tx) => {
    const drafts = await freezeItems(tx, scope.orgId, accounts.map((a) => a.id));
    const assigned = assignReviewers(drafts, reviewers.map((r) => r!));
    const campaign = await tx.reviewCampaign.create({
      data: {
        orgId: scope.orgId,
        name: input.name,
        clientIds: input.clientIds,
        accountIds: accounts.map((a) => a.id),
        reviewerIds: input.reviewerIds,
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        recurrence: input.recurrence,
        portalClientId: scope.portal ? (scope.clientIds?.[0] ?? null) : null,
        startedById: scope.userId,
      },
      select: { id: true },
    });
    await tx.reviewItem.createMany({
      data: drafts.map((d, i) => ({
        orgId: scope.orgId, campaignId: campaign.id, accountId: d.accountId, kind: d.kind, subjectId: d.subjectId, label: d.label,
        personId: d.personId, personEmail: d.personEmail, detail: JSON.parse(JSON.stringify(d.detail)) as object, reviewerId: assigned[i],
      })),
    });
    await audit(tx, scope, { action: "review.started", entityType: "ReviewCampaign", entityId: campaign.id, after: { name: input.name, accounts: accounts.length, items: drafts.length, reviewers: input.reviewerIds, dueOn: input.dueOn, recurrence: input.recurrence } });
    return { id: campaign.id, items: drafts.length };
  }, { timeout: 60_000, maxWait: 15_000 });
}

/**
 * The next campaign of a recurring one (for the scheduled job): same clients, accounts and reviewers, due
 * one period after the last, frozen from the data as it is now. Null for a one-off campaign. The job runs
 * it with the scope of the campaign's starter, so it can start nothing that person could not.
 */
export async function startNextRecurrence(scope: Scope, campaignId: string): Promise<{ id: string; items: number } | null> {
  const campaign = await dbFor(scope).reviewCampaign.findFirst({ where: { id: campaignId, orgId: scope.orgId } });
  if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");
  const dueOn = nextDueOn(campaign.recurrence, campaign.dueOn.toISOString().slice(0, 10));
  if (!dueOn) return null;
  // Accounts chosen one by one stay in; those that came with a client are found again through it.
  const viaClients = new Set((await dbFor(scope).sellerAccount.findMany({ where: { orgId: scope.orgId, clientId: { in: campaign.clientIds } }, select: { id: true } })).map((a) => a.id));
  const chosen = campaign.clientIds.length ? campaign.accountIds.filter((id) => !viaClients.has(id)) : campaign.accountIds;
  const existing = new Set((await dbFor(scope).sellerAccount.findMany({ where: { orgId: scope.orgId, id: { in: chosen } }, select: { id: true } })).map((a) => a.id));
  return startCampaign(scope, { name: campaign.name, clientIds: campaign.clientIds, accountIds: chosen.filter((id) => existing.has(id)), reviewerIds: campaign.reviewerIds, dueOn, recurrence: campaign.recurrence });
}
