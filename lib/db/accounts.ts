import "server-only";
import { AppError } from "@/lib/errors";
import type { AccountListQuery } from "@/lib/validation/accounts";
import { getDb } from "./client";
import { accountScopeWhere, type Scope } from "./scope";

export interface AccountListRow {
  id: string;
  storeName: string;
  sellerId: string | null;
  region: string;
  marketplaces: string[];
  plan: string;
  status: string;
  clientName: string | null;
  score: number;
  loginCount: number;
  openFindings: number;
}

export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAccounts(scope: Scope, query: AccountListQuery): Promise<AccountListPage> {
  const db = getDb();
  const where = {
    ...accountScopeWhere(scope),
    ...(query.q
      ? {
          OR: [
            { storeName: { contains: query.q, mode: "insensitive" as const } },
            { sellerId: { contains: query.q, mode: "insensitive" as const } },
            { logins: { some: { orgId: scope.orgId, email: { contains: query.q, mode: "insensitive" as const } } } },
          ],
        }
      : {}),
  };
  const orderBy =
    query.sort === "score"
      ? [{ score: query.dir }, { id: "asc" as const }]
      : [{ storeName: query.dir }, { id: "asc" as const }];
  const [total, accounts] = await Promise.all([
    db.sellerAccount.count({ where }),
    db.sellerAccount.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true, storeName: true, sellerId: true, region: true, marketplaces: true, plan: true, status: true, score: true,
        client: { select: { name: true } },
      },
    }),
  ]);
  const ids = accounts.map((a) => a.id);
  // Grouped counts over this page's ids only (a relation _count would scan whole child tables).
  const [loginCounts, findingCounts] = await Promise.all([
    db.login.groupBy({ by: ["accountId"], where: { orgId: scope.orgId, accountId: { in: ids } }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["accountId"], where: { orgId: scope.orgId, accountId: { in: ids }, status: "OPEN" }, _count: { _all: true } }),
  ]);
  const logins = new Map(loginCounts.map((c) => [c.accountId, c._count._all]));
  const findings = new Map(findingCounts.map((c) => [c.accountId, c._count._all]));
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: accounts.map((a) => ({
      id: a.id,
      storeName: a.storeName,
      sellerId: a.sellerId,
      region: a.region,
      marketplaces: a.marketplaces,
      plan: a.plan,
      status: a.status,
      clientName: a.client?.name ?? null,
      score: a.score,
      loginCount: logins.get(a.id) ?? 0,
      openFindings: findings.get(a.id) ?? 0,
    })),
  };
}

/** One account with everything its page shows; another tenant's id is NOT_FOUND. */
export async function getAccountDetailOrThrow(scope: Scope, id: string) {
  const account = await getDb().sellerAccount.findFirst({
    where: { id, ...accountScopeWhere(scope) },
    include: {
      client: { select: { id: true, name: true } },
      logins: {
        orderBy: [{ role: "asc" }, { email: "asc" }],
        include: {
          person: { select: { id: true, name: true, external: true, company: true, departedAt: true } },
          usedBy: { select: { person: { select: { id: true, name: true } } } },
          twoStepMethods: {
            orderBy: [{ role: "asc" }, { kind: "asc" }],
            include: { device: { select: { id: true, label: true, kind: true, skipOtpOnBrowser: true, holder: { select: { id: true, name: true } } } } },
          },
          permissions: { select: { toolId: true, level: true, marketplace: true } },
        },
      },
      partners: { orderBy: { company: "asc" } },
      apps: { orderBy: { appName: "asc" } },
      otherAccess: { include: { person: { select: { id: true, name: true } } }, orderBy: { console: "asc" } },
      findings: { where: { status: { in: ["OPEN", "ACCEPTED"] } }, orderBy: [{ severity: "asc" }, { ruleId: "asc" }] },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
  return account;
}

export type AccountDetail = Awaited<ReturnType<typeof getAccountDetailOrThrow>>;

export async function listTools() {
  return getDb().tool.findMany({ orderBy: [{ sortOrder: "asc" }] });
}
