import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { TableHead } from "@/components/table-head";
import { requireScope } from "@/lib/auth/scope";
import { getReportClientOrThrow, listClientReports } from "@/lib/db/reports/report-records";
import { isOrgAdmin } from "@/lib/db/scope";
import { AppError } from "@/lib/errors";
import { formMessages } from "@/lib/i18n/form-messages";
import { getLocale, getT } from "@/lib/i18n/server";
import { REPORT_FORMATS } from "@/lib/reports/content";
import { instant } from "@/lib/reports/labels";
import { NO_PARAMETERS, unknownParameters, type SearchParamsRecord } from "@/lib/validation/ignored-filters";
import { reportIdSchema } from "@/lib/validation/reports";
import { produceReportAction } from "./actions";

/** A client's page: its reports, kept and downloadable again, and the form that produces one (Owners and Admins, like /clients). */
export default async function ClientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const [scope, t, locale, raw] = await Promise.all([requireScope(), getT(), getLocale(), searchParams]);
  if (!isOrgAdmin(scope) || scope.portal) notFound();
  const id = reportIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let client;
  try {
    client = await getReportClientOrThrow(scope, id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const reports = await listClientReports(scope, client.id);
  return (
    <div className="max-w-5xl space-y-4">
      <p className="text-sm"><Link href="/clients" className="text-blue-800 underline">{t("clients.title")}</Link></p>
      <h1 className="text-2xl font-semibold" data-testid="client-name">{client.name}</h1>
      <IgnoredFiltersNotice ignored={unknownParameters(raw, NO_PARAMETERS)} t={t} />
      <p className="text-sm text-slate-700">{t("reports.accounts")}: <span className="tabular-nums">{client.accounts.length}</span></p>
      <section aria-labelledby="produce-report" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="produce-report" className="mb-2 text-lg font-semibold">{t("reports.produce")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("reports.intro")}</p>
        <ActionForm
          action={produceReportAction}
          hidden={{ clientId: client.id }}
          fields={[
            { name: "accountId", label: t("reports.target"), type: "select", defaultValue: "", options: [{ value: "", label: t("reports.wholeClient") }, ...client.accounts.map((a) => ({ value: a.id, label: a.storeName }))] },
            { name: "format", label: t("reports.format"), type: "select", defaultValue: "PDF", options: REPORT_FORMATS.map((f) => ({ value: f, label: f })) },
            { name: "locale", label: t("reports.language"), type: "select", defaultValue: locale, options: [{ value: "ja", label: t("reports.lang.ja") }, { value: "en", label: t("reports.lang.en") }] },
          ]}
          submitLabel={t("reports.produce")}
          pendingLabel={t("reports.producing")}
          messages={formMessages(t, "reports.produced")}
          inline
          testId="produce-report-form"
        />
      </section>
      <section aria-labelledby="report-list" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="report-list" className="mb-2 text-lg font-semibold">{t("reports.list")}</h2>
        {reports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reports.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={[t("reports.when"), t("reports.about"), t("reports.format"), t("reports.language"), t("reports.who"), t("reports.sha256"), t("reports.download")]} />
            <tbody>
              {reports.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="report-row" data-format={r.format}>
                  <td className="px-2 py-2 whitespace-nowrap">{instant(r.createdAt)}</td>
                  <td className="px-2 py-2">{r.accountId ? r.title : t("reports.wholeClient")}</td>
                  <td className="px-2 py-2">{r.format}</td>
                  <td className="px-2 py-2">{r.locale === "ja" ? t("reports.lang.ja") : t("reports.lang.en")}</td>
                  <td className="px-2 py-2">{r.createdBy}</td>
                  <td className="px-2 py-2"><code className="break-all text-xs" title={r.sha256}>{r.sha256.slice(0, 16)}…</code></td>
                  <td className="px-2 py-2">
                    <a href={`/api/reports/${r.id}`} className="text-blue-800 underline" download data-testid="report-download">
                      {t("reports.download")} ({Math.max(1, Math.round(r.sizeBytes / 1024))} KB)
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
