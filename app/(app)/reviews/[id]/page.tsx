import Link from "@/components/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { Day } from "@/components/day";
import { TableHead } from "@/components/table-head";
import { requireScope } from "@/lib/auth/scope";
import { getCampaignPageOrThrow, type CampaignItemRow } from "@/lib/db/reviews/read-campaigns";
import { AppError } from "@/lib/errors";
import { formMessages } from "@/lib/i18n/form-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { progressOf, type DiffItem } from "@/lib/reviews";
import { itemLabel } from "@/lib/reviews/item-detail-text";
import { NO_PARAMETERS, unknownParameters, type SearchParamsRecord } from "@/lib/validation/ignored-filters";
import { recordId } from "@/lib/validation/record-fields";
import { decideItemsAction } from "../actions";
import { DecideForm } from "./_components/decide-form";
import { BulkDecisionSent, DecisionResult, DecisionSent } from "./_components/decision-focus";
import { ItemDetail } from "./_components/item-detail";

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) (groups.get(key(row)) ?? groups.set(key(row), []).get(key(row))!).push(row);
  return groups;
}

// One read per request for the title and the page. An id that cannot be a campaign's is not found before any query.
const loadCampaign = cache(async (id: string) => {
  const scope = await requireScope();
  const parsed = recordId.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Campaign not found");
  return getCampaignPageOrThrow(scope, parsed.data);
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const campaign = await loadCampaign((await params).id).catch(() => null);
  return campaign ? pageTitle("nav.reviews", campaign.name) : pageTitle("notFound.title");
}

/** One campaign: progress, what changed per account, each item with its decision, bulk decisions, evidence. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const [{ id }, t, locale, raw] = await Promise.all([params, getT(), getLocale(), searchParams]);
  const campaign = await loadCampaign(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const messages = formMessages(t, "reviews.decide.saved");
  const accounts = groupBy(campaign.items, (i) => i.accountId);
  const reviewers = groupBy(campaign.items, (i) => i.reviewer ?? t("reviews.unassigned"));
  const decidable = campaign.items.filter((i) => i.decidable);
  const clients = [...new Set(campaign.items.map((i) => i.clientId).filter((c): c is string => !!c))];
  const total = progressOf(campaign.items);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/reviews">← {t("reviews.title")}</Link></p>
      <h1 className="text-2xl font-semibold">{campaign.name}</h1>
      <IgnoredFiltersNotice ignored={unknownParameters(raw, NO_PARAMETERS)} t={t} />
      <p className="text-sm text-slate-700" data-testid="campaign-summary">
        {t(`reviews.status.${campaign.status}`)} · {t("reviews.col.due")} {campaign.dueOn} · {t("reviews.progress", total)}
      </p>
      {campaign.manages && (
        <section aria-labelledby="progress" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
          <h2 id="progress" className="sr-only">{t("reviews.col.progress")}</h2>
          <div>
            <h3 className="font-semibold">{t("reviews.byReviewer")}</h3>
            <ul className="text-sm" data-testid="progress-by-reviewer">
              {[...reviewers].map(([name, items]) => <li key={name}>{name}: {t("reviews.progress", progressOf(items))}</li>)}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">{t("reviews.byAccount")}</h3>
            <ul className="text-sm">
              {[...accounts].map(([accountId, items]) => <li key={accountId}>{items[0].storeName}: {t("reviews.progress", progressOf(items))}</li>)}
            </ul>
          </div>
        </section>
      )}
      {campaign.manages && (
        <section aria-labelledby="evidence" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="evidence" className="mb-1 font-semibold">{t("reviews.evidence")}</h2>
          <p className="flex flex-wrap gap-3">
            <a href={`/api/reviews/${campaign.id}/evidence?format=xlsx`} data-testid="evidence-xlsx">{t("reviews.evidence.xlsx")}</a>
            <a href={`/api/reviews/${campaign.id}/evidence?format=csv`} data-testid="evidence-csv">{t("reviews.evidence.csv")}</a>
            <a href={`/api/reviews/${campaign.id}/evidence?format=pdf`} data-testid="evidence-pdf">{t("reviews.evidence.pdf")}</a>
          </p>
          {clients.length > 1 && (
            <ul className="mt-1">
              {clients.map((c) => (
                <li key={c}>
                  {t("reviews.evidence.client", { name: campaign.items.find((i) => i.clientId === c)!.clientName ?? c })}:{" "}
                  <a href={`/api/reviews/${campaign.id}/evidence?format=xlsx&client=${c}`}>XLSX</a> · <a href={`/api/reviews/${campaign.id}/evidence?format=csv&client=${c}`}>CSV</a> · <a href={`/api/reviews/${campaign.id}/evidence?format=pdf&client=${c}`}>PDF</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {[...accounts].map(([accountId, items]) => (
        <AccountItems key={accountId} accountId={accountId} items={items} changes={campaign.changes.get(accountId) ?? null} t={t} locale={locale} messages={messages} />
      ))}
      {decidable.length > 0 && (
        <section aria-labelledby="bulk" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="bulk" className="mb-2 text-lg font-semibold">{t("reviews.bulk.title")}</h2>
          <BulkDecisionSent field="itemIds">
            <ActionForm
              action={decideItemsAction}
              hidden={{ campaignId: campaign.id }}
              fields={[
                { name: "itemIds", label: t("reviews.bulk.pick"), type: "checkboxes", selectAll: { all: t("reviews.bulk.selectAll"), none: t("reviews.bulk.selectNone") }, options: decidable.map((i) => ({ value: i.id, label: `${i.storeName} · ${t(`reviews.kind.${i.kind}`)} · ${itemLabel(i, locale)}` })) },
                { name: "decision", label: t("reviews.col.decision"), type: "select", required: true, options: [{ value: "", label: t("reviews.decide.choose") }, ...(["KEEP", "REMOVE"] as const).map((d) => ({ value: d, label: t(`reviews.decision.${d}`) }))] },
                { name: "comment", label: t("reviews.decide.comment"), type: "text" },
                { name: "confirm", label: t("reviews.bulk.confirm"), type: "checkboxes", options: [{ value: "yes", label: t("reviews.bulk.confirm") }] },
              ]}
              submitLabel={t("reviews.bulk.submit")}
              pendingLabel={t("reviews.decide.saving")}
              messages={messages}
              testId="bulk-decide-form"
            />
          </BulkDecisionSent>
        </section>
      )}
    </div>
  );
}

function AccountItems({ accountId, items, changes, t, locale, messages }: { accountId: string; items: CampaignItemRow[]; changes: { added: DiffItem[]; removed: DiffItem[]; changed: DiffItem[] } | null; t: Awaited<ReturnType<typeof getT>>; locale: Locale; messages: ReturnType<typeof formMessages> }) {
  const names = (list: DiffItem[]) => list.map((i) => itemLabel(i, locale)).join(", ");
  return (
    <section aria-labelledby={`account-${accountId}`} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="campaign-account">
      <h2 id={`account-${accountId}`} className="text-lg font-semibold"><Link href={`/accounts/${accountId}`}>{items[0].storeName}</Link></h2>
      <div className="mb-2 text-sm text-slate-700" data-testid="changes">
        <span className="font-medium">{t("reviews.changes.title")}: </span>
        {changes === null ? t("reviews.changes.first")
          : changes.added.length + changes.removed.length + changes.changed.length === 0 ? t("reviews.changes.none")
          : <>
              {changes.added.length > 0 && <span>{t("reviews.changes.added")}: {names(changes.added)}. </span>}
              {changes.removed.length > 0 && <span>{t("reviews.changes.removed")}: {names(changes.removed)}. </span>}
              {changes.changed.length > 0 && <span>{t("reviews.changes.changed")}: {names(changes.changed)}.</span>}
            </>}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <TableHead columns={[t("reviews.col.kind"), t("reviews.col.item"), t("reviews.col.detail"), t("reviews.col.reviewer"), t("reviews.col.decision")]} />
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-slate-100 align-top" data-testid="review-item">
                <td className="px-2 py-2">{t(`reviews.kind.${item.kind}`)}</td>
                <td className="px-2 py-2 [overflow-wrap:anywhere]">
                  {itemLabel(item, locale)}
                  {item.openSevere > 0 && <div className="text-xs text-red-800">{t("reviews.severe", { count: item.openSevere })}</div>}
                </td>
                <td className="px-2 py-2 text-xs text-slate-700"><ItemDetail item={item} locale={locale} /></td>
                <td className="px-2 py-2">{item.reviewer ?? t("reviews.unassigned")}</td>
                <td className="px-2 py-2" data-testid="item-decision">
                  {item.decision ? (
                    <DecisionResult itemId={item.id} className="text-xs">
                      <span className={item.decision === "KEEP" ? "font-medium text-emerald-800" : "font-medium text-red-800"}>{t(`reviews.decision.${item.decision}`)}</span>{" "}
                      <span className="text-slate-500">{item.decidedBy} · {item.decidedAt && <Day value={item.decidedAt} />}</span>
                      {item.comment && <div className="text-slate-600 [overflow-wrap:anywhere]">“{item.comment}”</div>}
                      {item.taskStatus && <div><Link href="/tasks?status=ALL">{t("reviews.task")}: {t(`tasks.status.${item.taskStatus as "OPEN"}`)}</Link></div>}
                    </DecisionResult>
                  ) : item.ownAccess ? (
                    <span className="text-xs text-slate-600">{t("reviews.ownAccess")}</span>
                  ) : item.decidable ? (
                    <DecisionSent itemId={item.id}><DecideForm item={item} t={t} locale={locale} messages={messages} /></DecisionSent>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
