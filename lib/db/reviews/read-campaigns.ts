import "server-only";
import { AppError } from "@/lib/errors";
import { diffSinceLast, isOwnAccess, type CampaignDiff, type Decision, type ItemKind } from "@/lib/reviews";
import { accountScopeWhere, isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { canStartCampaign, managesCampaign } from "./access";

export interface CampaignSummary {
  id: string;
  name: string;
  status: "OPEN" | "COMPLETED";
  dueOn: string;
  recurrence: string;
  startedAt: Date;
  completedAt: Date | null;
  decided: number;
  total: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Accounts the scope sees, as ids: every campaign read is cut to them. */
async function visibleAccountIds(scope: Scope): Promise<string[]> {
  return (await dbFor(scope).sellerAccount.findMany({ where: accountScopeWhere(scope), select: { id: true } })).map((a) => a.id);
}

/** Campaigns the scope manages, or reviews items in; progress counts only the items it sees. */
export async function listCampaigns(scope: Scope): Promise<CampaignSummary[]> {
  const db = dbFor(scope);
  const accounts = await visibleAccountIds(scope);
  const mayManageAll = isOrgAdmin(scope) && !scope.portal;
  const campaigns = await db.reviewCampaign.findMany({
    where: {
      orgId: scope.orgId,
      ...(mayManageAll ? {} : { OR: [{ startedById: scope.userId }, { reviewerIds: { has: scope.userId } }, ...(canStartCampaign(scope) && scope.clientIds?.[0] ? [{ portalClientId: scope.clientIds[0] }] : [])] }),
      items: { some: { accountId: { in: accounts } } },
    },
    orderBy: [{ status: "asc" }, { dueOn: "asc" }],
    take: 200,
  });
  const counts = await db.reviewItem.groupBy({
    by: ["campaignId"],
    where: { orgId: scope.orgId, campaignId: { in: campaigns.map((c) => c.id) }, accountId: { in: accounts } },
    _count: { _all: true, decision: true },
  });
  const countOf = new Map(counts.map((c) => [c.campaignId, c._count]));
  return campaigns.map((c) => ({
    id: c.id, name: c.name, status: c.status, dueOn: day(c.dueOn), recurrence: c.recurrence, startedAt: c.startedAt, completedAt: c.completedAt,
    decided: countOf.get(c.id)?.decision ?? 0, total: countOf.get(c.id)?._all ?? 0,
  }));
}

export interface CampaignItemRow {
  id: string;
  accountId: string;
  storeName: string;
  clientId: string | null;
  clientName: string | null;
  kind: ItemKind;
  label: string;
  detail: Record<string, unknown>;
  reviewerId: string | null;
  reviewer: string | null;
  decision: Decision | null;
  target: unknown;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  taskId: string | null;
  taskStatus: string | null;
  /** Open high and critical findings about it now (a keep needs a comment then). */
  openSevere: number;
  /** The signed-in user may decide it (theirs or managed, not decided, not their own access). */
  decidable: boolean;
  ownAccess: boolean;
}

export interface CampaignPage {
  id: string;
  name: string;
  status: "OPEN" | "COMPLETED";
  dueOn: string;
  recurrence: string;
  startedAt: Date;
  completedAt: Date | null;
  manages: boolean;
  items: CampaignItemRow[];
  /** Per account: what changed since its last completed campaign (null: none before). */
  changes: Map<string, CampaignDiff | null>;
}

/** One campaign as the scope may see it: a reviewer only their items, a manager every item in scope. */
export async function getCampaignPageOrThrow(scope: Scope, campaignId: string): Promise<CampaignPage> {
  const db = dbFor(scope);
  const campaign = await db.reviewCampaign.findFirst({ where: { id: campaignId, orgId: scope.orgId } });
  if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");
  const manages = managesCampaign(scope, campaign);
  const accounts = await visibleAccountIds(scope);
  const items = await db.reviewItem.findMany({
    where: { orgId: scope.orgId, campaignId, accountId: { in: accounts }, ...(manages ? {} : { reviewerId: scope.userId }) },
    orderBy: [{ accountId: "asc" }, { kind: "asc" }, { label: "asc" }],
  });
  if (items.length === 0 && !manages) throw new AppError("NOT_FOUND", "Campaign not found");
  const accountRows = await db.sellerAccount.findMany({ where: { orgId: scope.orgId, id: { in: [...new Set(items.map((i) => i.accountId))] } }, select: { id: true, storeName: true, clientId: true, client: { select: { name: true } } } });
  const userIds = [...new Set(items.flatMap((i) => [i.reviewerId, i.decidedById]).filter((v): v is string => !!v))];
  const users = await db.user.findMany({ where: { id: { in: [...userIds, scope.userId] } }, select: { id: true, name: true, email: true } });
  const me = users.find((u) => u.id === scope.userId)?.email ?? "";
  const tasks = await db.remediationTask.findMany({ where: { orgId: scope.orgId, id: { in: items.map((i) => i.taskId).filter((v): v is string => !!v) } }, select: { id: true, status: true } });
  const findings = await db.finding.findMany({
    where: { orgId: scope.orgId, accountId: { in: accountRows.map((a) => a.id) }, status: "OPEN", severity: { in: ["critical", "high"] } },
    select: { accountId: true, subjectType: true, subjectId: true },
  });
  const severe = (i: (typeof items)[number]) =>
    findings.filter((f) => f.accountId === i.accountId && (i.kind === "OTHER_ACCESS" ? f.subjectType === "person" && f.subjectId === i.personId : f.subjectId === i.subjectId)).length;
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const accountOf = new Map(accountRows.map((a) => [a.id, a]));
  const taskOf = new Map(tasks.map((t) => [t.id, t.status]));
  const open = campaign.status === "OPEN";
  return {
    id: campaign.id, name: campaign.name, status: campaign.status, dueOn: day(campaign.dueOn), recurrence: campaign.recurrence,
    startedAt: campaign.startedAt, completedAt: campaign.completedAt, manages,
    items: items.map((i) => {
      const detail = (i.detail ?? {}) as Record<string, unknown>;
      const ownAccess = isOwnAccess({ kind: i.kind, personEmail: i.personEmail, detail }, me);
      return {
        id: i.id, accountId: i.accountId, storeName: accountOf.get(i.accountId)?.storeName ?? "—", clientId: accountOf.get(i.accountId)?.clientId ?? null,
        clientName: accountOf.get(i.accountId)?.client?.name ?? null,
        kind: i.kind, label: i.label, detail, reviewerId: i.reviewerId, reviewer: i.reviewerId ? (nameOf.get(i.reviewerId) ?? "—") : null,
        decision: i.decision, target: i.target, comment: i.comment, decidedBy: i.decidedById ? (nameOf.get(i.decidedById) ?? "—") : null, decidedAt: i.decidedAt,
        taskId: i.taskId, taskStatus: i.taskId ? (taskOf.get(i.taskId) ?? null) : null, openSevere: severe(i),
        decidable: open && !i.decision && !ownAccess && (i.reviewerId === scope.userId || manages), ownAccess,
      };
    }),
    changes: await changesSinceLast(scope, campaign.id, campaign.startedAt, items),
  };
}

/** Per account, the difference between this campaign's frozen items and those of the account's last completed campaign before it. */
async function changesSinceLast(scope: Scope, campaignId: string, startedAt: Date, items: { accountId: string; kind: ItemKind; subjectId: string; label: string; detail: unknown }[]) {
  const db = dbFor(scope);
  const accountIds = [...new Set(items.map((i) => i.accountId))];
  const previous = await db.reviewItem.findMany({
    where: { orgId: scope.orgId, accountId: { in: accountIds }, campaignId: { not: campaignId }, campaign: { status: "COMPLETED", completedAt: { lte: startedAt } } },
    select: { accountId: true, kind: true, subjectId: true, label: true, detail: true, campaignId: true, campaign: { select: { completedAt: true } } },
  });
  const changes = new Map<string, CampaignDiff | null>();
  for (const accountId of accountIds) {
    const before = previous.filter((p) => p.accountId === accountId);
    if (before.length === 0) { changes.set(accountId, null); continue; }
    const latest = before.reduce((a, b) => ((a.campaign.completedAt?.getTime() ?? 0) >= (b.campaign.completedAt?.getTime() ?? 0) ? a : b)).campaignId;
    const asDiff = (i: { kind: ItemKind; subjectId: string; label: string; detail: unknown }) => ({ kind: i.kind, subjectId: i.subjectId, label: i.label, detail: (i.detail ?? {}) as Record<string, unknown> });
    changes.set(accountId, diffSinceLast(items.filter((i) => i.accountId === accountId).map(asDiff), before.filter((p) => p.campaignId === latest).map(asDiff)));
  }
  return changes;
}

/** The scope's own undecided items in open campaigns past their due day, per campaign (the digest and the daily reminder), on accounts it still sees. */
export async function listMyOverdueReviews(scope: Scope, today: string): Promise<{ campaignId: string; name: string; dueOn: string; undecided: number }[]> {
  const db = dbFor(scope);
  const rows = await db.reviewItem.groupBy({
    by: ["campaignId"],
    where: { orgId: scope.orgId, reviewerId: scope.userId, decision: null, accountId: { in: await visibleAccountIds(scope) }, campaign: { status: "OPEN", dueOn: { lt: new Date(`${today}T00:00:00Z`) } } },
    _count: { _all: true },
  });
  if (rows.length === 0) return [];
  const campaigns = await db.reviewCampaign.findMany({ where: { orgId: scope.orgId, id: { in: rows.map((r) => r.campaignId) } }, select: { id: true, name: true, dueOn: true }, orderBy: [{ dueOn: "asc" }, { name: "asc" }] });
  const count = new Map(rows.map((r) => [r.campaignId, r._count._all]));
  return campaigns.map((c) => ({ campaignId: c.id, name: c.name, dueOn: day(c.dueOn), undecided: count.get(c.id) ?? 0 }));
}
