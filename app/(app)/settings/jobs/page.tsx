import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { LocalTime } from "@/components/local-time";
import { requireScope } from "@/lib/auth/scope";
import { listJobRuns } from "@/lib/db/jobs/job-runs";
import { isOrgAdmin } from "@/lib/db/scope";
import { enumLabel } from "@/lib/i18n/enum-label";
import { formMessages } from "@/lib/i18n/form-messages";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import { retryJobAction } from "../actions";

export const generateMetadata = () => pageTitle("jobs.page.title");

/** Background jobs of the caller's organisation and the system-wide ones, for Owners and Admins (others: 404). */
export default async function JobsPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  if (scope.portal || !isOrgAdmin(scope)) notFound();
  const runs = await listJobRuns(scope);
  return (
    <div className="max-w-4xl space-y-4">
      <p className="text-sm"><Link href="/settings" className="text-blue-700 underline">{t("jobs.page.back")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("jobs.page.title")}</h1>
      <p className="text-sm text-slate-600">{t("jobs.page.intro")}</p>
      {runs.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="jobs-empty">{t("jobs.page.empty")}</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="jobs-table">
          <thead>
            <tr className="text-left">
              <th className="p-2">{t("jobs.page.name")}</th>
              <th className="p-2">{t("jobs.page.state")}</th>
              <th className="p-2">{t("jobs.page.created")}</th>
              <th className="p-2">{t("jobs.page.completed")}</th>
              <th className="p-2">{t("jobs.page.error")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-job-id={run.id} className="border-t border-slate-200 align-top">
                <td className="p-2 font-mono">{run.name}</td>
                <td className="p-2" data-testid="job-state" data-state={run.state}>{enumLabel(t, "jobs.state", run.state)}{run.retryCount > 0 ? ` (${t("jobs.page.retries", { count: run.retryCount })})` : ""}</td>
                <td className="p-2"><LocalTime iso={run.createdOn.toISOString()} locale={locale} /></td>
                <td className="p-2">{run.completedOn ? <LocalTime iso={run.completedOn.toISOString()} locale={locale} /> : "—"}</td>
                <td className="p-2">
                  {run.error && <p className="mb-1 break-words text-red-800" data-testid="job-error">{run.error}</p>}
                  {run.errorInServerLog && <p className="mb-1 text-red-800" data-testid="job-error-in-log">{t("jobs.page.errorInServerLog")}</p>}
                  {run.state === "failed" && (
                    <ActionForm action={retryJobAction} hidden={{ jobId: run.id }} submitLabel={t("jobs.page.retry")} pendingLabel={t("jobs.page.retrying")} messages={formMessages(t, "jobs.page.retried")} variant="secondary" inline />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
