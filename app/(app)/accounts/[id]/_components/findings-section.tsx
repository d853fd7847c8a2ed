import { ActionForm, type FieldSpec } from "@/components/action-form";
import { SeverityBadge } from "@/components/severity-badge";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { OpenFindingTask } from "@/lib/db/accounts/read-accounts";
import { addDays } from "@/lib/dates";
import { formatDay } from "@/lib/dates-format";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { REMEDIATION, ruleTitle, SCORE_FORMULA, type RuleId } from "@/lib/risk";
import { evidenceText } from "@/lib/risk/evidence-en";
import { ACCEPTANCE_DEFAULT_DAYS } from "@/lib/validation/findings";
import { acceptFindingAction, reopenFindingAction } from "../actions";
import { createFindingTaskAction } from "../../../tasks/actions";
import { innerHtml } from "@/lib/html/safe-html";
import { findingHtml } from "./account-html";
import { FindingActions, FindingActionsProvider, type FindingActionsShared } from "./finding-actions";
import { FindingArrival } from "./finding-arrival";
import { Empty, Section } from "./section";


interface Props {
  account: AccountDetail;
  t: Translate;
  locale: Locale;
  canWrite: boolean;
  today: string;
  /** Names for ids in evidence, for the Japanese rendering. */
  labels: Map<string, string>;
  /** Each finding's open task, by finding id: named in place of the "Make a task" button. */
  tasks: Map<string, OpenFindingTask>;
}

export function FindingsSection({ account, t, locale, canWrite, today, labels, tasks }: Props) {
  // The engine's evidence is English with codes: Japanese readers get it rebuilt from the same facts, English readers
  // its codes in words (decision 087).
  const evidence = (f: (typeof account.findings)[number]) => evidenceText(locale, f, (id) => labels.get(id) ?? id);
  const title = (ruleId: string) => ruleTitle(ruleId, locale);
  const open = account.findings.filter((f) => f.status === "OPEN");
  const accepted = account.findings.filter((f) => f.status === "ACCEPTED");
  const defaultUntil = addDays(today, ACCEPTANCE_DEFAULT_DAYS);
  // The same fields for every finding's form: one object in the page payload, named by reference after.
  const acceptFields: FieldSpec[] = [
    { name: "reason", label: t("finding.reason"), type: "textarea", required: true, hint: t("finding.reasonHint") },
    { name: "until", label: t("finding.acceptUntil"), type: "date", required: true, defaultValue: defaultUntil, hint: t("finding.acceptUntilHint") },
  ];
  // Every finding's two buttons from one object, given once through a provider: each finding sends its id only (decisions 044, 057).
  const shared: FindingActionsShared = {
    createTask: createFindingTaskAction,
    accept: canWrite ? acceptFindingAction : null,
    acceptFields,
    taskMessages: formMessages(t, "tasks.created"),
    words: { task: t("tasks.fromFinding"), saving: t("form.saving"), accept: t("finding.accept"), acceptSubmit: t("finding.acceptSubmit"), openTask: t("tasks.openTask") },
  };
  const taskWords = (task: OpenFindingTask | undefined) =>
    task && (task.assignee ? t("tasks.findingHasTask", { assignee: task.assignee, due: task.dueOn }) : t("tasks.findingHasTaskUnassigned", { due: task.dueOn }));
  return (
    <Section id="findings" title={t("account.findings")}>
      <p className="mb-3 text-xs text-slate-500">{SCORE_FORMULA[locale]}</p>
      {open.length === 0 ? (
        <Empty>{t("account.noFindings")}</Empty>
      ) : (
        <FindingActionsProvider shared={shared}>
          <ul className="space-y-3" data-testid="open-findings" aria-label={t("finding.openList")}>
            {open.map((f) => (
              <li key={f.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="finding" data-rule={f.ruleId}>
                {/* The finding's static parts as one string of markup (decisions 052, 063); its actions stay React. */}
                <div dangerouslySetInnerHTML={innerHtml(findingHtml(f, title(f.ruleId), evidence(f), REMEDIATION[f.ruleId as RuleId]?.[locale], t))} />
                {/* Any finding, on request, becomes a remediation task that closes once the finding is resolved. */}
                <FindingActions findingId={f.id} task={taskWords(tasks.get(f.id))} />
              </li>
            ))}
          </ul>
        </FindingActionsProvider>
      )}
      <div className="mt-4" data-testid="accepted-findings">
        <h3 className="text-sm font-semibold">{t("finding.accepted")}</h3>
        {accepted.length === 0 ? (
          <p className="text-sm text-slate-500">{t("finding.noneAccepted")}</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {accepted.map((f) => (
              <li key={f.id} className="rounded border border-slate-200 p-2" data-testid="accepted-finding" data-rule={f.ruleId}>
                <SeverityBadge severity={f.severity} label={t(`severity.${f.severity}`)} />{" "}
                <span className="font-medium">{title(f.ruleId)}</span> — {evidence(f)}
                <div className="text-xs text-slate-600 [overflow-wrap:anywhere]">
                  {t("finding.reason")}: {f.acceptedReason} · {t("finding.until")} {formatDay(f.acceptedUntil)}
                </div>
                {canWrite && (
                  <>
                    <ActionForm action={reopenFindingAction} hidden={{ findingId: f.id }} submitLabel={t("finding.reopen")} pendingLabel={t("form.saving")} variant="secondary" inline />
                    <FindingArrival findingId={f.id} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
