import "server-only";
import { accountScopeWhere, type Scope } from "./scope";
import { dbFor } from "./tenant";

export interface ScoreSummary {
  portfolio: { score: number | null; accounts: number };
  clients: { clientId: string | null; name: string | null; score: number; accounts: number }[];
}

/** Portfolio and per-client scores: the mean of account scores, as lib/risk's aggregateScore defines. */
export async function scoreSummary(scope: Scope): Promise<ScoreSummary> {
  const db = dbFor(scope);
  const groups = await db.sellerAccount.groupBy({ by: ["clientId"], where: accountScopeWhere(scope), _sum: { score: true }, _count: { _all: true } });
  const names = new Map(
    (await db.client.findMany({ where: { orgId: scope.orgId, id: { in: groups.map((g) => g.clientId).filter((id): id is string => !!id) } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const total = groups.reduce((n, g) => n + g._count._all, 0);
  const sum = groups.reduce((n, g) => n + (g._sum.score ?? 0), 0);
  return {
    portfolio: { score: total ? Math.round(sum / total) : null, accounts: total },
    clients: groups
      .map((g) => ({ clientId: g.clientId, name: g.clientId ? (names.get(g.clientId) ?? null) : null, score: Math.round((g._sum.score ?? 0) / g._count._all), accounts: g._count._all }))
      .sort((a, b) => a.score - b.score || (a.name ?? "").localeCompare(b.name ?? "")),
  };
}

/** Daily scores of one account (already scope-checked by the caller's account read). */
export async function scoreHistory(scope: Scope, accountId: string, days = 90): Promise<{ day: string; score: number }[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await dbFor(scope).accountScoreDaily.findMany({
    where: { orgId: scope.orgId, accountId, day: { gte: since }, account: accountScopeWhere(scope) },
    orderBy: { day: "asc" },
    select: { day: true, score: true },
  });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), score: r.score }));
}
