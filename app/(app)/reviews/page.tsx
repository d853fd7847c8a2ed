import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { TableHead } from "@/components/table-head";
import { requireScope } from "@/lib/auth/scope";
import { canStartCampaign } from "@/lib/db/reviews/access";
import { listCampaigns } from "@/lib/db/reviews/read-campaigns";
import { campaignStartOptions } from "@/lib/db/reviews/reviewers";
import { addDays } from "@/lib/dates";
import { formMessages } from "@/lib/i18n/form-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getT } from "@/lib/i18n/server";
import { RECURRENCES } from "@/lib/reviews";
import { NO_PARAMETERS, unknownParameters, type SearchParamsRecord } from "@/lib/validation/ignored-filters";
import { startCampaignAction } from "./actions";
import { CampaignLink, StartCampaignSent } from "./_components/started-campaign-focus";
import { utcToday } from "@/lib/days";

export const generateMetadata = () => pageTitle("nav.reviews");

/** Access review campaigns the member runs or reviews in; Owners/Admins (and a client's own admins) start them here. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const [scope, t, raw] = await Promise.all([requireScope(), getT(), searchParams]);
  const [campaigns, options] = await Promise.all([listCampaigns(scope), canStartCampaign(scope) ? campaignStartOptions(scope) : null]);
  const clientName = new Map(options?.clients.map((c) => [c.id, c.name]) ?? []);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("reviews.title")}</h1>
      <IgnoredFiltersNotice ignored={unknownParameters(raw, NO_PARAMETERS)} t={t} />
      <p className="text-sm text-slate-700">{t("reviews.intro")}</p>
      <section aria-labelledby="campaigns" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="campaigns" className="sr-only">{t("reviews.title")}</h2>
        {campaigns.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reviews.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={[t("reviews.col.name"), t("reviews.col.progress"), t("reviews.col.due"), t("reviews.col.status")]} />
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id} className="border-t border-slate-100" data-testid="campaign-row">
                  <td className="px-2 py-2"><CampaignLink id={c.id}>{c.name}</CampaignLink></td>
                  <td className="px-2 py-2 tabular-nums">{t("reviews.progress", { decided: c.decided, total: c.total })}</td>
                  <td className="px-2 py-2 tabular-nums">{c.dueOn}{c.recurrence !== "NONE" && <span className="text-slate-500"> · {t(`reviews.recurrence.${c.recurrence as "NONE"}`)}</span>}</td>
                  <td className="px-2 py-2">{t(`reviews.status.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {options && (
        <section aria-labelledby="start-campaign" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="start-campaign" className="mb-2 text-lg font-semibold">{t("reviews.start")}</h2>
          {options.accounts.length === 0 ? (
            // A new organisation: a review of nothing cannot start, so say what comes first (probe 45, L4).
            <p className="text-sm text-slate-700" data-testid="start-campaign-empty">
              {t("reviews.start.noAccounts")} <Link href="/accounts/new">{t("accounts.add")}</Link>
            </p>
          ) : (
          <StartCampaignSent>
          <ActionForm
            action={startCampaignAction}
            fields={[
              { name: "name", label: t("reviews.start.name"), type: "text", required: true },
              { name: "clientIds", label: t("reviews.start.clients"), type: "checkboxes", options: options.clients.map((c) => ({ value: c.id, label: c.name })) },
              // Folded: a client box covers its accounts, and a keyboard reaches Start without passing each account (probe 45, M9).
              { name: "accountIds", label: t("reviews.start.accounts"), type: "checkboxes", folded: t("reviews.start.accountsFold", { count: options.accounts.length }), options: options.accounts.map((a) => ({ value: a.id, label: a.clientId && clientName.has(a.clientId) ? `${a.storeName} (${clientName.get(a.clientId)})` : a.storeName })) },
              { name: "reviewerIds", label: t("reviews.start.reviewers"), type: "checkboxes", defaultValues: options.defaultReviewerIds, options: options.reviewers.map((r) => ({ value: r.userId, label: `${r.name} <${r.email}>${r.clientId ? ` · ${clientName.get(r.clientId) ?? ""}` : ""}` })) },
              { name: "dueOn", label: t("reviews.start.dueOn"), type: "date", required: true, defaultValue: addDays(utcToday(), 30) },
              { name: "recurrence", label: t("reviews.start.recurrence"), type: "select", options: RECURRENCES.map((r) => ({ value: r, label: t(`reviews.recurrence.${r}`) })) },
            ]}
            submitLabel={t("reviews.start.submit")}
            pendingLabel={t("reviews.start.starting")}
            messages={formMessages(t, "reviews.start.done")}
            testId="start-campaign-form"
          />
          </StartCampaignSent>
          )}
        </section>
      )}
    </div>
  );
}
