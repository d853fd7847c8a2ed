import { LocalTime } from "@/components/local-time";
import type { HistoryEntry } from "@/lib/db/history";
import { historyActionLabel, historyDetail } from "@/lib/i18n/enum-label";
import type { Locale } from "@/lib/i18n/locales";
import { apiTokenActorText } from "@/lib/i18n/provenance-text";
import type { Translate } from "@/lib/i18n/server";
import { RULES } from "@/lib/risk";
import { Empty, Section } from "./section";

/** What happened to this account and its risks, newest first: the audit trail, readable. */
export function HistorySection({ history, t, locale }: { history: HistoryEntry[]; t: Translate; locale: Locale }) {
  const title = (id: string | null) => (id ? (RULES.find((r) => r.id === id)?.title[locale] ?? id) : null);
  return (
    <Section id="history" title={t("history.title")}>
      {history.length === 0 ? (
        <Empty>{t("history.empty")}</Empty>
      ) : (
        <ol className="space-y-1 text-sm" data-testid="history">
          {history.map((e) => { const detail = historyDetail(e, t); return (
            <li key={e.id} className="flex flex-wrap gap-x-2 border-l-2 border-slate-200 pl-2">
              <span className="text-slate-500"><LocalTime iso={e.at.toISOString()} locale={locale} /></span>
              <span className="font-medium">{historyActionLabel(t, e.action)}</span>
              {e.ruleId && <span>{title(e.ruleId)}</span>}
              {/* Reasons and notes are typed by people: a long unbroken one wraps instead of widening the page. */}
              {detail && <span className="min-w-0 text-slate-700 [overflow-wrap:anywhere]">{detail}</span>}
              <span className="text-slate-500">{e.actorToken ? apiTokenActorText(e.actorToken, t) : (e.actor ?? t("history.system"))}</span>
            </li>
          ); })}
        </ol>
      )}
    </Section>
  );
}
