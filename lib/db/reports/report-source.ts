import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { REMEDIATION, ruleTitle, type EvidenceData, type RuleId } from "@/lib/risk";
import { evidenceText } from "@/lib/risk/evidence-en";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import { appDetail, otherRoleLabel, partnerDetail } from "@/lib/reports/access-words";
import { labelOr, reportT } from "@/lib/reports/labels";
import { bySeverity, type ReportAccess, type ReportAccount, type ReportHead, type ReportSeverity } from "@/lib/reports/content";
import type { Prisma } from "../generated/client";
import { labelsFor } from "../labels";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";

/** What a report is about: a whole client, or one account (of a client, or of none). */
export interface ReportTarget {
  clientId: string | null;
  accountId: string | null;
  title: string;
  clientName: string | null;
}

/** The client or account, in scope, or NOT_FOUND (another tenant's id, or one the caller may not see). */
export async function getReportTargetOrThrow(scope: Scope, input: { clientId?: string | null; accountId?: string | null }): Promise<ReportTarget> {
  const db = dbFor(scope);
  if (input.accountId) {
    const account = await db.sellerAccount.findFirst({
      where: { id: input.accountId, ...accountScopeWhere(scope), ...(input.clientId ? { clientId: input.clientId } : {}) },
      select: { id: true, storeName: true, clientId: true, client: { select: { name: true } } },
    });
    if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
    return { clientId: account.clientId, accountId: account.id, title: account.storeName, clientName: account.client?.name ?? null };
  }
  const client = input.clientId && (!scope.clientIds || scope.clientIds.includes(input.clientId))
    ? await db.client.findFirst({ where: { id: input.clientId, orgId: scope.orgId }, select: { id: true, name: true } })
    : null;
  if (!client) throw new AppError("NOT_FOUND", "Client not found");
  return { clientId: client.id, accountId: null, title: client.name, clientName: client.name };
}

const accountsWhere = (scope: Scope, target: ReportTarget) =>
  target.accountId ? { id: target.accountId, ...accountScopeWhere(scope) } : { ...accountScopeWhere(scope), clientId: target.clientId };

/** The cover's figures: set-based, whatever the number of accounts. */
export async function reportHead(scope: Scope, target: ReportTarget, meta: { producedAt: Date; producedBy: string; locale: Locale }): Promise<ReportHead> {
  const db = dbFor(scope);
  const where = accountsWhere(scope, target);
  const since = new Date(meta.producedAt.getTime() - 90 * 86_400_000);
  const [totals, open, accepted, trend] = await Promise.all([
    db.sellerAccount.aggregate({ where, _avg: { score: true }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["severity"], where: { orgId: scope.orgId, status: "OPEN", account: where }, _count: { _all: true } }),
    db.finding.count({ where: { orgId: scope.orgId, status: "ACCEPTED", account: where } }),
    scoreTrend(scope, target, since),
  ]);
  const openBySeverity: Record<ReportSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const g of open) openBySeverity[g.severity] = g._count._all;
  return {
    kind: target.accountId ? "account" : "client",
    title: target.title,
    clientName: target.clientName,
    agencyName: scope.orgName,
    producedAt: meta.producedAt.toISOString(),
    producedBy: meta.producedBy,
    locale: meta.locale,
    score: totals._count._all ? Math.round(totals._avg.score ?? 0) : null,
    accounts: totals._count._all,
    openBySeverity,
    accepted,
    trend,
  };
}

/**
 * The mean daily score of the target's accounts over the window, in one join. Prisma's relation filter
 * (`account: where`) took 6–7 s for 500 accounts × 90 days (a correlated sub-select per row); this takes
 * milliseconds.
 */
async function scoreTrend(scope: Scope, target: ReportTarget, since: Date): Promise<{ day: string; score: number }[]> {
  const rows = await dbFor(scope).$queryRawUnsafe<{ day: Date; score: number }[]>(
    `SELECT d.day, round(avg(d.score))::int AS score
     FROM "AccountScoreDaily" d JOIN "SellerAccount" a ON a.id = d."accountId" AND a."orgId" = $1
     WHERE d."orgId" = $1 AND d.day >= $2::date AND ${target.accountId ? `a.id = $3` : `a."clientId" = $3`}
       AND ($4::text[] IS NULL OR a."clientId" = ANY($4::text[]))
     GROUP BY d.day ORDER BY d.day`,
    scope.orgId,
    since.toISOString().slice(0, 10),
    target.accountId ?? target.clientId,
    scope.clientIds,
  );
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), score: r.score }));
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const LEVELS = ["NONE", "VIEW", "VIEW_EDIT", "ADMIN"] as const;

/** One page of accounts with everything the report shows of them. */
function readAccountPage(scope: Scope, where: Prisma.SellerAccountWhereInput, pageSize: number) {
  return dbFor(scope).sellerAccount.findMany({
      where,
      orderBy: [{ score: "asc" }, { id: "asc" }],
      take: pageSize,
      select: {
        id: true, storeName: true, sellerId: true, score: true,
        logins: {
          select: { id: true, email: true, role: true, status: true, person: { select: { id: true, name: true, external: true, company: true } }, permissions: { select: { level: true } } },
          orderBy: [{ role: "asc" }, { email: "asc" }],
        },
        partners: { select: { id: true, company: true, rights: true, acceptedAt: true, linkSentAt: true }, orderBy: { company: "asc" } },
        apps: { select: { id: true, appName: true, developer: true, expiresAt: true, roles: true }, orderBy: { appName: "asc" } },
        otherAccess: { select: { console: true, role: true, person: { select: { name: true } } } },
        findings: {
          where: { status: { in: ["OPEN", "ACCEPTED"] } },
          select: { ruleId: true, severity: true, subjectType: true, subjectId: true, evidence: true, evidenceData: true, status: true, acceptedReason: true, acceptedById: true, acceptedUntil: true, firstSeenAt: true },
          orderBy: [{ ruleId: "asc" }, { subjectId: "asc" }],
        },
      },
    });
}

/**
 * The accounts of the report, a page at a time, worst score first (keyset: no OFFSET, no growing scan), each
 * page's rows read in a handful of set-based statements and turned into plain report data at once, so
 * nothing but the current page is held (decision 017 has the memory figures).
 */
export async function* reportAccounts(scope: Scope, target: ReportTarget, locale: Locale, pageSize = 50): AsyncGenerator<ReportAccount[]> {
  const db = dbFor(scope);
  const where = accountsWhere(scope, target);
  const t = reportT(locale);
  // Worst score first, as a reader triages; (score, id) is the keyset (index SellerAccount(orgId, score, id)).
  let cursor: { score: number; id: string } | null = null;
  for (;;) {
    const after: Prisma.SellerAccountWhereInput | null = cursor && { OR: [{ score: { gt: cursor.score } }, { score: cursor.score, id: { gt: cursor.id } }] };
    const accounts = await readAccountPage(scope, after ? { AND: [where, after] } : where, pageSize);
    if (accounts.length === 0) return;
    cursor = { score: accounts[accounts.length - 1].score, id: accounts[accounts.length - 1].id };
    // Names for ids the findings mention (people, devices) and for approvers: one statement each per page.
    const mentioned = new Set<string>();
    const approverIds = new Set<string>();
    for (const a of accounts) {
      for (const f of a.findings) {
        mentioned.add(f.subjectId);
        if (locale === "ja") for (const id of evidenceIds(f.evidenceData as EvidenceData)) mentioned.add(id);
        if (f.acceptedById) approverIds.add(f.acceptedById);
      }
    }
    const [labels, approvers] = await Promise.all([
      labelsFor(scope, [...mentioned]),
      approverIds.size ? db.user.findMany({ where: { id: { in: [...approverIds] } }, select: { id: true, name: true, email: true } }) : [],
    ]);
    const approverName = new Map(approvers.map((u) => [u.id, u.name || u.email]));
    yield accounts.map((a) => {
      const loginLabel = new Map(a.logins.map((l) => [l.id, l.email ? `${l.person.name} <${l.email}>` : l.person.name]));
      const subjectOf = (type: string, id: string) =>
        type === "account" ? a.storeName
        : type === "login" ? (loginLabel.get(id) ?? id)
        : type === "partner" ? (a.partners.find((p) => p.id === id)?.company ?? id)
        : type === "app" ? (a.apps.find((p) => p.id === id)?.appName ?? id)
        : (labels.get(id) ?? id);
      const rule = (id: string) => ruleTitle(id, locale);
      const evidence = (f: (typeof a.findings)[number]) =>
        evidenceText(locale, f, (id) => labels.get(id) ?? id);
      const access: ReportAccess[] = [
        ...a.logins.map((l) => ({
          kind: "login" as const,
          holder: loginLabel.get(l.id)!,
          level: l.role === "PRIMARY" ? "ADMIN" : LEVELS[Math.max(0, ...l.permissions.map((p) => LEVELS.indexOf(p.level)))],
          detail: [t(`report.role.${l.role}`), labelOr(t, `loginStatus.${l.status}`, l.status), l.person.external ? `${t("report.external")}${l.person.company ? `: ${l.person.company}` : ""}` : null].filter(Boolean).join(" · "),
        })),
        ...a.partners.map((p) => ({ kind: "partner" as const, holder: p.company, level: p.rights.join(", "), detail: partnerDetail(p, locale) })),
        ...a.apps.map((p) => ({ kind: "app" as const, holder: p.appName, level: p.roles.join(", "), detail: appDetail(p, locale) })),
        ...a.otherAccess.map((o) => ({ kind: o.console, holder: o.person.name, level: otherRoleLabel(t, o.role), detail: "" })),
      ];
      return {
        id: a.id,
        storeName: a.storeName,
        sellerId: a.sellerId,
        score: a.score,
        findings: a.findings
          .filter((f) => f.status === "OPEN")
          .map((f) => ({ ruleId: f.ruleId, rule: rule(f.ruleId), severity: f.severity, subject: subjectOf(f.subjectType, f.subjectId), evidence: evidence(f), remediation: REMEDIATION[f.ruleId as RuleId]?.[locale] ?? "", firstSeen: day(f.firstSeenAt)! }))
          .sort(bySeverity),
        accepted: a.findings
          .filter((f) => f.status === "ACCEPTED")
          .map((f) => ({ ruleId: f.ruleId, rule: rule(f.ruleId), severity: f.severity, subject: subjectOf(f.subjectType, f.subjectId), reason: f.acceptedReason ?? "", approver: f.acceptedById ? (approverName.get(f.acceptedById) ?? "") : "", until: day(f.acceptedUntil) })),
        access,
      };
    });
    if (accounts.length < pageSize) return;
  }
}
