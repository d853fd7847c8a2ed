import "server-only";
import { AppError } from "@/lib/errors";
import { assignReviewers, nextRecurrence } from "@/lib/reviews";
import { earliestDayAnywhere, utcToday } from "@/lib/days";
import { dueDayError, type StartCampaignInput } from "@/lib/validation/reviews";
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
  const started = await startCampaignOnce(scope, input, null, new Date());
  if (!started) throw new Error("unreachable: only a recurrence can find its campaign already started");
  return started;
}

/**
 * `previousCampaignId` set: the next recurrence of that campaign. Its row carries the id under a UNIQUE
 * constraint and is inserted with ON CONFLICT DO NOTHING, so when it already exists (a retried job, a
 * second worker racing this one: the later insert waits for the earlier commit) nothing is written and
 * the result is null. Reviewers who may no longer review these accounts are left out rather than refused.
 * `startedAt` is the job's clock for a recurrence, since the next one is reckoned from it.
 */
async function startCampaignOnce(scope: Scope, input: StartCampaignInput, previousCampaignId: string | null, startedAt: Date): Promise<{ id: string; items: number } | null> {
  if (!canStartCampaign(scope)) throw new AppError("FORBIDDEN", "Only owners and admins start access reviews");
  // A person's start is held to today; a recurrence's due day is the job's reckoning from the last one.
  const dueError = previousCampaignId === null ? dueDayError(input.dueOn, earliestDayAnywhere()) : null;
  if (dueError) throw new AppError("INVALID_INPUT", dueError === "validation.date" ? "The due date is not a date" : "The due date is in the past", { dueOn: dueError });
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
  const chosen = input.reviewerIds.map((id) => options.find((o) => o.userId === id));
  const reviewers = previousCampaignId ? chosen.filter((r) => r) : chosen;
  if (reviewers.length === 0 || reviewers.some((r) => !r)) throw new AppError("INVALID_INPUT", "Unknown reviewer", { reviewerIds: "validation.review.unknownReviewer" });

  return db.$transaction(async (tx) => {
    const drafts = await freezeItems(tx, scope.orgId, accounts.map((a) => a.id));
    const assigned = assignReviewers(drafts, reviewers.map((r) => r!));
    const [campaign] = await tx.reviewCampaign.createManyAndReturn({
      data: [{
        orgId: scope.orgId,
        name: input.name,
        clientIds: input.clientIds,
        accountIds: accounts.map((a) => a.id),
        reviewerIds: reviewers.map((r) => r!.userId),
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        recurrence: input.recurrence,
        portalClientId: scope.portal ? (scope.clientIds?.[0] ?? null) : null,
        startedById: scope.userId,
        startedAt,
        previousCampaignId,
      }],
      select: { id: true },
      skipDuplicates: true,
    });
    if (!campaign) return null;
    await tx.reviewItem.createMany({
      data: drafts.map((d, i) => ({
        orgId: scope.orgId, campaignId: campaign.id, accountId: d.accountId, kind: d.kind, subjectId: d.subjectId, label: d.label,
        personId: d.personId, personEmail: d.personEmail, detail: JSON.parse(JSON.stringify(d.detail)) as object, reviewerId: assigned[i],
      })),
    });
    await audit(tx, scope, { action: "review.started", entityType: "ReviewCampaign", entityId: campaign.id, after: { name: input.name, accounts: accounts.length, items: drafts.length, reviewers: reviewers.map((r) => r!.userId), dueOn: input.dueOn, recurrence: input.recurrence, ...(previousCampaignId ? { previousCampaignId } : {}) } });
    return { id: campaign.id, items: drafts.length };
  }, { timeout: 60_000, maxWait: 15_000 });
}

/**
 * The next campaign of a recurring one (for the scheduled job, lib/db/jobs/recurrences.ts): same clients,
 * accounts and reviewers, starting and due as lib/reviews' nextRecurrence says, frozen from the data as
 * it is now. Null when there is nothing to start: a one-off campaign, one not yet due at `now`, or one
 * whose next campaign exists already (however many times or workers call this). The job runs it with the
 * scope of the campaign's starter, so it can start nothing that person could not.
 */
export async function startNextRecurrence(scope: Scope, campaignId: string, now: Date): Promise<{ id: string; items: number } | null> {
  const db = dbFor(scope);
  const today = utcToday(now);
  const campaign = await db.reviewCampaign.findFirst({ where: { id: campaignId, orgId: scope.orgId }, include: { next: { select: { id: true } } } });
  if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const next = nextRecurrence(campaign.recurrence, { startedOn: day(campaign.startedAt), dueOn: day(campaign.dueOn) }, today);
  if (!next || next.startsOn > today || campaign.next) return null;
  // Clients removed since are dropped; accounts chosen one by one stay in, those that came with a client are found again through it.
  const clientIds = (await db.client.findMany({ where: { orgId: scope.orgId, id: { in: campaign.clientIds } }, select: { id: true } })).map((c) => c.id);
  const viaClients = new Set((await db.sellerAccount.findMany({ where: { orgId: scope.orgId, clientId: { in: campaign.clientIds } }, select: { id: true } })).map((a) => a.id));
  const chosen = campaign.clientIds.length ? campaign.accountIds.filter((id) => !viaClients.has(id)) : campaign.accountIds;
  const existing = new Set((await db.sellerAccount.findMany({ where: { orgId: scope.orgId, id: { in: chosen } }, select: { id: true } })).map((a) => a.id));
  return startCampaignOnce(
    scope,
    { name: campaign.name, clientIds, accountIds: chosen.filter((id) => existing.has(id)), reviewerIds: campaign.reviewerIds, dueOn: next.dueOn, recurrence: campaign.recurrence },
    campaign.id,
    now,
  );
}
