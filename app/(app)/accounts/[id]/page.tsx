import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ScoreBadge } from "@/components/score-badge";
import { Sparkline } from "@/components/sparkline";
import { requireScope } from "@/lib/auth/scope";
import { ActionForm } from "@/components/action-form";
import { listTools } from "@/lib/db/accounts/read-accounts";
import { readAccountPageModel } from "@/lib/db/accounts/account-page-model";
import { utcToday } from "@/lib/days";
import { formMessages } from "@/lib/i18n/form-messages";
import { AppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import { accountIdSchema } from "@/lib/validation/accounts";
import { markVerifiedAction } from "./actions";
import { innerHtml } from "@/lib/html/safe-html";
import { factsHtml } from "./_components/account-html";
import { FindingsSection } from "./_components/findings-section";
import { HistorySection } from "./_components/history-section";
import { LoginsSection } from "./_components/logins-section";
import { AccountEditor } from "./_components/account-editor-panel";
import { editingSummaries } from "./_components/account-editing";
import { AccountEditingProvider } from "./_components/editing-context";
import { AppsSection, OtherAccessSection, PartnersSection } from "./_components/other-access-section";
import { ProvenanceLine } from "./_components/provenance-line";
import { PermissionsSection } from "./_components/permissions-section";
import { ReportSection } from "./_components/report-section";

// Cached for the request: the title and the page read the account once.
const load = cache(async (id: string) => {
  const scope = await requireScope();
  const parsed = accountIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return { scope, ...(await readAccountPageModel(scope, parsed.data, { labels: (await getLocale()) === "ja", editing: false })) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { account } = await load((await params).id);
  return pageTitle("nav.accounts", account.storeName);
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ scope, account, scores: history, history: events, reviews, findingTasks, writable, provenance, reports, labels }, t, locale] = await Promise.all([load(id), getT(), getLocale()]);
  const tools = listTools();
  const page = (
    <div className="space-y-4">
      <nav aria-label={t("nav.breadcrumb")} className="text-sm"><Link href="/accounts">{t("nav.accounts")}</Link> / <span aria-current="page">{account.storeName}</span></nav>
      <header className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <h1 className="text-2xl font-semibold">{account.storeName}</h1>
          {/* Static facts as markup, rendered once (decision 052). */}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" dangerouslySetInnerHTML={innerHtml(factsHtml(account, t, Boolean(scope.portal)))} />
          <div className="mt-1"><ProvenanceLine provenance={provenance.account} t={t} /></div>
          <p className="mt-2 text-sm"><Link href={`/accounts/${account.id}/triage`} className="text-blue-800 underline" data-testid="triage-link">{t("triage.link")}</Link></p>
          {writable && (
            <div className="mt-3">
              <ActionForm action={markVerifiedAction} hidden={{ accountId: account.id, version: account.version, confirm: "yes" }} submitLabel={t("account.markVerified")} pendingLabel={t("form.saving")} messages={formMessages(t, "form.saved")} variant="secondary" inline />
            </div>
          )}
          {writable && <AccountEditor />}
        </div>
        <div className="text-center">
          <div className="text-xs text-slate-500">{t("account.score")}</div>
          <div className="text-3xl"><ScoreBadge score={account.score} label={t("account.score")} /></div>
          <div className="mt-2"><Sparkline points={history} label={t("account.scoreTrend", { days: 90 })} /></div>
        </div>
      </header>
      <FindingsSection account={account} t={t} locale={locale} canWrite={writable} today={utcToday()} labels={labels} tasks={findingTasks} />
      <LoginsSection account={account} t={t} canWrite={writable} reviews={reviews} provenance={new Map([...provenance.logins, ...provenance.children])} />
      <PermissionsSection account={account} tools={tools} t={t} locale={locale} />
      <div className="grid gap-4 md:grid-cols-3">
        <AppsSection account={account} t={t} editing={writable} sources={provenance.children} />
        <PartnersSection account={account} t={t} editing={writable} sources={provenance.children} />
        <OtherAccessSection account={account} t={t} editing={writable} sources={provenance.children} />
      </div>
      {reports && <ReportSection accountId={account.id} reports={reports} t={t} locale={locale} />}
      <HistorySection history={events} t={t} locale={locale} />
    </div>
  );
  // A writer's editors are fetched when first reached for (decision 063): the page carries their summaries only.
  return writable ? <AccountEditingProvider accountId={account.id} version={account.version} locale={locale} summaries={editingSummaries(t)}>{page}</AccountEditingProvider> : page;
}
