import "server-only";
import { AppError } from "@/lib/errors";
import type { EvidenceMeta, EvidenceRow } from "@/lib/reviews/evidence";
import { accountScopeWhere, type Scope } from "../scope";
import { readerFor } from "../replica";
import { managesCampaign } from "./access";

/**
 * The evidence pack's rows: only for the campaign's manager, every item in scope, optionally of one client.
 * A read-only export that may be large: read from the read replica when there is one (lib/db/replica.ts).
 */
export async function getEvidenceOrThrow(scope: Scope, campaignId: string, clientId?: string): Promise<{ meta: EvidenceMeta; rows: EvidenceRow[] }> {
  const db = readerFor(scope);
  const campaign = await db.reviewCampaign.findFirst({ where: { id: campaignId, orgId: scope.orgId } });
  if (!campaign || !managesCampaign(scope, campaign)) throw new AppError("NOT_FOUND", "Campaign not found");
  const accounts = await db.sellerAccount.findMany({
    where: { AND: [accountScopeWhere(scope), clientId ? { clientId } : {}, { id: { in: campaign.accountIds } }] },
    select: { id: true, storeName: true, sellerId: true, client: { select: { name: true } } },
  });
  // A client with no account in the campaign (or none the caller sees) is not found, not an empty pack (decision 090).
  if (clientId && accounts.length === 0) throw new AppError("NOT_FOUND", "Client not in this campaign");
  const items = await db.reviewItem.findMany({
    where: { orgId: scope.orgId, campaignId, accountId: { in: accounts.map((a) => a.id) } },
    orderBy: [{ accountId: "asc" }, { kind: "asc" }, { label: "asc" }],
  });
  const tasks = await db.remediationTask.findMany({ where: { orgId: scope.orgId, id: { in: items.map((i) => i.taskId).filter((v): v is string => !!v) } } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set([campaign.startedById, ...items.flatMap((i) => [i.reviewerId, i.decidedById])].filter((v): v is string => !!v))] } }, select: { id: true, name: true, email: true } });
  const who = (id: string | null) => (id ? (users.find((u) => u.id === id) ? `${users.find((u) => u.id === id)!.name} <${users.find((u) => u.id === id)!.email}>` : id) : null);
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  return {
    meta: { campaignName: campaign.name, startedAt: campaign.startedAt, completedAt: campaign.completedAt, dueOn: campaign.dueOn.toISOString().slice(0, 10), startedBy: who(campaign.startedById) ?? "", generatedAt: new Date(), clientName: clientId ? (accounts[0].client?.name ?? null) : null },
    rows: items.map((i) => {
      const account = accountOf.get(i.accountId)!;
      const task = i.taskId ? taskOf.get(i.taskId) : undefined;
      return {
        clientName: account.client?.name ?? null, storeName: account.storeName, sellerId: account.sellerId, kind: i.kind, label: i.label,
        detail: (i.detail ?? {}) as Record<string, unknown>, reviewer: who(i.reviewerId), decision: i.decision, comment: i.comment,
        decidedBy: who(i.decidedById), decidedAt: i.decidedAt,
        task: task ? { kind: task.kind, subjectLabel: task.subjectLabel, target: task.target, status: task.status, closedAt: task.closedAt, closeNote: task.closeNote, url: task.url } : null,
      };
    }),
  };
}
