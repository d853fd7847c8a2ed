import { Disclosure } from "@/components/disclosure";
import { ActionForm } from "@/components/action-form";
import { formatDay } from "@/lib/dates-format";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Translate } from "@/lib/i18n/server";
import { cancelOffboardingAction, completeOffboardingTaskAction, reopenOffboardingTaskAction } from "../actions";
import { OffboardStart } from "./offboard-start";
import { Section } from "./section";

type Task = PersonDetail["checklist"]["tasks"][number];
type Candidate = { id: string; name: string; email: string | null };

function describeTask(task: Task, personId: string, t: Translate): string {
  if (task.kind === "DEVICE_REHOME") return t("offboarding.task.deviceRehome", { device: task.device?.label ?? (task.device ? t(`people.deviceKind.${task.device.kind}`) : t("offboarding.deleted")) });
  const account = task.account?.storeName ?? t("offboarding.deleted");
  const login = task.login?.email ?? t("offboarding.deleted");
  if (task.kind === "PRIMARY_HANDOVER") return t("offboarding.task.primaryHandover", { account, login });
  if (task.login && task.login.personId !== personId) return t("offboarding.task.stopSharing", { account, login });
  return t("offboarding.task.loginDisable", { account, login });
}

/** What starting the offboarding will create, one line per checklist item, as offboardPerson decides them. */
function plannedChanges(person: PersonDetail, t: Translate): string[] {
  const live = (status: string) => status === "ACTIVE" || status === "INVITED";
  const lines = person.logins.filter((l) => live(l.status)).map((l) => {
    const values = { account: l.account.storeName, login: l.email ?? "—" };
    if (l.personId !== person.id) return t("offboarding.change.stopSharing", values);
    return t(l.role === "PRIMARY" ? "offboarding.change.primaryHandover" : "offboarding.change.loginDisable", values);
  });
  for (const d of person.devices) {
    if (d.othersLogins.some((m) => live(m.login.status))) lines.push(t("offboarding.change.deviceRehome", { device: d.label ?? t(`people.deviceKind.${d.kind}`) }));
  }
  return [...(lines.length ? lines : [t("offboarding.change.nothing")]), t("offboarding.change.findings")];
}

function OpenItem({ task, candidates, t }: { task: Task; candidates: Candidate[]; t: Translate }) {
  if (task.kind !== "PRIMARY_HANDOVER") {
    return <ActionForm action={completeOffboardingTaskAction} hidden={{ taskId: task.id }} submitLabel={t("offboarding.tick")} pendingLabel={t("form.saving")} variant="secondary" inline testId="tick-form" />;
  }
  if (candidates.length === 0) return <p className="text-xs text-amber-800" data-testid="handover-none">{t("offboarding.handoverNoCandidates")}</p>;
  const options = [{ value: "", label: t("offboarding.handoverChoose") }, ...candidates.map((c) => ({ value: c.id, label: c.email ? `${c.name} (${c.email})` : c.name }))];
  return (
    <ActionForm
      action={completeOffboardingTaskAction} hidden={{ taskId: task.id }}
      fields={[{ name: "newPersonId", label: t("offboarding.handoverTo"), type: "select", options, hint: t("offboarding.handoverHint") }]}
      submitLabel={t("offboarding.handOver")} pendingLabel={t("form.saving")} variant="secondary" inline testId="handover-form"
    />
  );
}

/** The offboard form (date, then a confirmation naming the person and every change), the checklist, and its undo. */
export function OffboardingSection({ person, t, canWrite, today, candidates }: { person: PersonDetail; t: Translate; canWrite: boolean; today: string; candidates: Candidate[] }) {
  const { tasks, hiddenOpen, changedSteps } = person.checklist;
  const canOffboard = canWrite && (!person.departedAt || tasks.length === 0);
  const done = tasks.filter((task) => task.doneAt).length;
  return (
    <Section id="offboarding" title={t("offboarding.title")} testId="offboarding">
      {canOffboard && (
        <Disclosure className="mb-3" testId="offboard" summary={t("offboarding.start")} summaryClassName="cursor-pointer font-medium text-red-800">
          <div className="mt-2 rounded border border-red-200 bg-red-50 p-3 text-sm">
            <OffboardStart
              personId={person.id}
              defaultDate={person.departedAt ? formatDay(person.departedAt) : today}
              departedLine={t("offboarding.change.departed", { name: person.name })}
              changes={plannedChanges(person, t)}
              text={{
                date: t("offboarding.departedAt"), dateHint: t("offboarding.departedAtHint"), review: t("offboarding.review"),
                title: t("offboarding.confirmTitle", { name: person.name }), intro: t("offboarding.confirmIntro"),
                confirm: t("offboarding.confirmButton", { name: person.name }), back: t("offboarding.back"), saving: t("form.saving"),
              }}
            />
          </div>
        </Disclosure>
      )}
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-500">{person.departedAt ? t("offboarding.noChecklist") : t("offboarding.notDeparted")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm" data-testid="offboarding-progress">
            {done === tasks.length ? t("offboarding.allDone") : t("offboarding.progress", { done, total: tasks.length })}
          </p>
          <ul className="divide-y divide-slate-100 text-sm" aria-label={t("offboarding.checklist")} data-testid="checklist">
            {tasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="checklist-item" data-kind={task.kind} data-done={task.doneAt ? "yes" : "no"}>
                <span className={task.doneAt ? "text-slate-500 line-through decoration-slate-400" : ""}>{describeTask(task, person.id, t)}</span>
                {task.doneAt ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="text-xs text-emerald-800">
                      ✓ {t("offboarding.doneBy", { date: formatDay(task.doneAt), name: task.doneByName ?? "—" })}
                      {task.handedTo && <> · {t("offboarding.handedTo", { name: task.handedTo.name })}</>}
                    </span>
                    {canWrite && <ActionForm action={reopenOffboardingTaskAction} hidden={{ taskId: task.id }} submitLabel={t("offboarding.untick")} pendingLabel={t("form.saving")} variant="secondary" inline testId="untick-form" />}
                  </span>
                ) : canWrite ? (
                  <OpenItem task={task} candidates={candidates} t={t} />
                ) : (
                  <span className="text-xs text-slate-500">{t("offboarding.open")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {hiddenOpen > 0 && <p className="mt-2 text-xs text-slate-500">{t("offboarding.hiddenOpen", { count: hiddenOpen })}</p>}
      {canWrite && person.offboardingStartedAt && (changedSteps > 0 ? (
        <p className="mt-3 text-xs text-slate-600" data-testid="cancel-blocked">{t("offboarding.cancelBlocked", { count: changedSteps })}</p>
      ) : (
        <Disclosure className="mt-3" testId="cancel-offboarding" summary={t("offboarding.cancel")} summaryClassName="cursor-pointer text-sm font-medium text-slate-700">
          <div className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
            <p>{t("offboarding.cancelText")}</p>
            <ActionForm action={cancelOffboardingAction} hidden={{ personId: person.id, confirm: "yes" }} submitLabel={t("offboarding.cancelConfirm")} pendingLabel={t("form.saving")} variant="danger" testId="cancel-offboarding-form" />
          </div>
        </Disclosure>
      ))}
    </Section>
  );
}
