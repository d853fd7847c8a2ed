import { LocalTime } from "@/components/local-time";
import type { HistoryEntry } from "@/lib/db/history";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { RULES } from "@/lib/risk";
import { Empty, Section } from "./section";

const KNOWN = new Set([
  "finding.resolved", "finding.reopened", "finding.accepted", "finding.acceptance_expired", "twoStepMethod.added", "twoStepMethod.removed",
  "login.updated", "account.verified", "loginUser.removed", "snapshot.imported", "access.reviewed",
]);

function detail(entry: HistoryEntry): string {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (entry.action === "finding.accepted" && typeof after.reason === "string") return `“${after.reason}” → ${String(after.until ?? "")}`;
  if (entry.action === "access.reviewed") return [after.decision, after.note ? `“${String(after.note)}”` : null].filter(Boolean).join(" ");
  if (entry.action === "login.updated") {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    return before.status !== after.status ? `${String(before.status)} → ${String(after.status)}` : "";
  }
  if (entry.action.startsWith("twoStepMethod.")) {
    const m = (entry.action.endsWith("added") ? after : ((entry.before ?? {}) as Record<string, unknown>)) as Record<string, unknown>;
    return [m.kind, m.phoneLast4 ? `••••${String(m.phoneLast4)}` : null, m.role].filter(Boolean).join(" · ");
  }
  return "";
}

/** What happened to this account and its risks, newest first: the audit trail, readable. */
export function HistorySection({ history, t, locale }: { history: HistoryEntry[]; t: Translate; locale: Locale }) {
  const title = (id: string | null) => (id ? (RULES.find((r) => r.id === id)?.title[locale] ?? id) : null);
  return (
    <Section id="history" title={t("history.title")}>
      {history.length === 0 ? (
        <Empty>{t("history.empty")}</Empty>
      ) : (
        <ol className="space-y-1 text-sm" data-testid="history">
          {history.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-2 border-l-2 border-slate-200 pl-2">
              <span className="text-slate-500"><LocalTime iso={e.at.toISOString()} locale={locale} /></span>
              <span className="font-medium">{KNOWN.has(e.action) ? t(`history.${e.action}` as Parameters<Translate>[0]) : e.action}</span>
              {e.ruleId && <span>{title(e.ruleId)}</span>}
              {/* Reasons and notes are typed by people: a long unbroken one wraps instead of widening the page. */}
              {detail(e) && <span className="min-w-0 text-slate-700 [overflow-wrap:anywhere]">{detail(e)}</span>}
              <span className="text-slate-500">{e.actor ?? t("history.system")}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
