import { ActionForm } from "@/components/action-form";
import type { listAccountReports } from "@/lib/db/reports/report-records";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { REPORT_FORMATS } from "@/lib/reports/content";
import { instant } from "@/lib/reports/labels";
import { produceReportAction } from "../../../clients/[id]/actions";

/** A report about this one account (Owners and Admins, as on the client page), also for an account with no client. */
export function ReportSection({ accountId, reports, t, locale }: { accountId: string; reports: Awaited<ReturnType<typeof listAccountReports>>; t: Translate; locale: Locale }) {
  return (
    <section aria-labelledby="account-report" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="account-report">
      <h2 id="account-report" className="mb-2 text-lg font-semibold">{t("reports.produce")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("reports.accountIntro")}</p>
      <ActionForm
        action={produceReportAction}
        hidden={{ clientId: "", accountId }}
        fields={[
          { name: "format", label: t("reports.format"), type: "select", defaultValue: "PDF", options: REPORT_FORMATS.map((f) => ({ value: f, label: f })) },
          { name: "locale", label: t("reports.language"), type: "select", defaultValue: locale, options: [{ value: "ja", label: t("reports.lang.ja") }, { value: "en", label: t("reports.lang.en") }] },
        ]}
        submitLabel={t("reports.produce")}
        pendingLabel={t("reports.producing")}
        messages={formMessages(t, "reports.produced")}
        inline
        testId="produce-account-report-form"
      />
      {reports.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm">
          {reports.map((r) => (
            <li key={r.id} data-testid="account-report-row">
              {instant(r.createdAt)} · {r.format} · {r.locale === "ja" ? t("reports.lang.ja") : t("reports.lang.en")} ·{" "}
              <a href={`/api/reports/${r.id}`} className="text-blue-800 underline" download>{t("reports.download")}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
