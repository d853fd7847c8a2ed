import "server-only";
import { AppError } from "@/lib/errors";
import type { ReportSummary } from "@/lib/reports/content";
import { renderReport } from "@/lib/reports/render";
import type { ProduceReportInput } from "@/lib/validation/reports";
import { isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";
import { getReportTargetOrThrow, reportAccounts, reportHead } from "./report-source";

// Reports follow the client pages' rule (decision 017): Owners and Admins, who keep the list of clients,
// produce and download them; everyone else gets NOT_FOUND, as the pages answer 404.
function assertCanSeeReports(scope: Scope): void {
  if (!isOrgAdmin(scope) || scope.portal) throw new AppError("NOT_FOUND", "Report not found");
}

export interface ReportRow {
  id: string;
  clientId: string | null;
  accountId: string | null;
  title: string;
  format: "PDF" | "XLSX" | "CSV";
  locale: string;
  createdAt: string;
  createdBy: string;
  sha256: string;
  sizeBytes: number;
}

/** Produces the report, keeps it with its hash, and records the audit event, all or nothing. */
export async function produceReport(scope: Scope, input: ProduceReportInput, producedAt = new Date()): Promise<{ id: string; sha256: string }> {
  // An action refuses a role with FORBIDDEN, as the other client actions do; reading answers NOT_FOUND.
  if (!isOrgAdmin(scope) || scope.portal) throw new AppError("FORBIDDEN", "Only owners and admins produce reports");
  const db = dbFor(scope);
  const target = await getReportTargetOrThrow(scope, input);
  const [user, previous] = await Promise.all([
    db.user.findFirst({ where: { id: scope.userId }, select: { name: true, email: true } }),
    // "Since the previous report": the last one about the same client (or the same account).
    db.report.findFirst({ where: { orgId: scope.orgId, clientId: target.clientId, accountId: target.accountId }, orderBy: { createdAt: "desc" }, select: { summary: true } }),
  ]);
  const producedBy = user?.name || user?.email || "";
  const head = await reportHead(scope, target, { producedAt, producedBy, locale: input.locale });
  const rendered = await renderReport(input.format, head, reportAccounts(scope, target, input.locale), (previous?.summary as ReportSummary | undefined)?.producedAt ? (previous!.summary as unknown as ReportSummary) : null);
  return db.$transaction(async (tx) => {
    const report = await tx.report.create({
      data: {
        orgId: scope.orgId, clientId: target.clientId, accountId: target.accountId, title: target.title, format: input.format, locale: input.locale,
        createdById: scope.userId, createdAt: producedAt, sha256: rendered.sha256, sizeBytes: rendered.bytes.length, content: new Uint8Array(rendered.bytes),
        summary: JSON.parse(JSON.stringify(rendered.summary)) as object,
      },
      select: { id: true },
    });
    await audit(tx, scope, {
      action: "report.produced", entityType: "Report", entityId: report.id, accountId: target.accountId,
      after: { clientId: target.clientId, title: target.title, format: input.format, locale: input.locale, sha256: rendered.sha256, sizeBytes: rendered.bytes.length },
    });
    return { id: report.id, sha256: rendered.sha256 };
  });
}

/** The reports about a client and its accounts, newest first (without their bytes). */
export async function listClientReports(scope: Scope, clientId: string, limit = 100): Promise<ReportRow[]> {
  assertCanSeeReports(scope);
  const rows = await dbFor(scope).report.findMany({
    where: { orgId: scope.orgId, clientId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, clientId: true, accountId: true, title: true, format: true, locale: true, createdAt: true, createdById: true, sha256: true, sizeBytes: true },
  });
  const users = await dbFor(scope).user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true, email: true } });
  const name = new Map(users.map((u) => [u.id, u.name || u.email]));
  return rows.map(({ createdById, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString(), createdBy: name.get(createdById) ?? "" }));
}

/** The reports about one account (with or without a client), newest first (without their bytes). */
export async function listAccountReports(scope: Scope, accountId: string, limit = 20): Promise<Pick<ReportRow, "id" | "format" | "locale" | "createdAt" | "sha256">[]> {
  assertCanSeeReports(scope);
  const rows = await dbFor(scope).report.findMany({
    where: { orgId: scope.orgId, accountId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, format: true, locale: true, createdAt: true, sha256: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One kept report with its bytes; another tenant's id, or a caller who may not see reports, gets NOT_FOUND. */
export async function getReportFileOrThrow(scope: Scope, reportId: string) {
  assertCanSeeReports(scope);
  const report = await dbFor(scope).report.findFirst({
    where: { id: reportId, orgId: scope.orgId },
    select: { id: true, title: true, format: true, locale: true, createdAt: true, sha256: true, content: true },
  });
  if (!report) throw new AppError("NOT_FOUND", "Report not found");
  return { ...report, content: Buffer.from(report.content) };
}

/** The client page's header and the account choices of its "produce report" form. */
export async function getReportClientOrThrow(scope: Scope, clientId: string): Promise<{ id: string; name: string; accounts: { id: string; storeName: string }[] }> {
  assertCanSeeReports(scope);
  const client = await dbFor(scope).client.findFirst({
    where: { id: clientId, orgId: scope.orgId },
    select: { id: true, name: true, accounts: { where: { orgId: scope.orgId }, select: { id: true, storeName: true }, orderBy: { storeName: "asc" } } },
  });
  if (!client) throw new AppError("NOT_FOUND", "Client not found");
  return client;
}
