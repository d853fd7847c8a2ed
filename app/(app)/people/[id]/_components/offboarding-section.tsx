import { ActionForm } from "@/components/action-form";
import { formatDay } from "@/lib/dates-format";
import type { PersonDetail } from "@/lib/db/people";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { completeOffboardingTaskAction, offboardPersonAction } from "../actions";
import { Section } from "./section";

type Task = PersonDetail["checklist"]["tasks"][number];

function describeTask(task: Task, personId: string, t: Translate): string {
  if (task.kind === "DEVICE_REHOME") return t("offboarding.task.deviceRehome", { device: task.device?.label ?? (task.device ? t(`people.deviceKind.${task.device.kind}`) : t("offboarding.deleted")) });
  const account = task.account?.storeName ?? t("offboarding.deleted");
  const login = task.login?.email ?? t("offboarding.deleted");
  if (task.login && task.login.personId !== personId) return t("offboarding.task.stopSharing", { account, login });
  return t("offboarding.task.loginDisable", { account, login });
}

/** The offboard form (two steps: open, then confirm with the date) and the checklist it produces. */
export function OffboardingSection({ person, t, canWrite, today }: { person: PersonDetail; t: Translate; canWrite: boolean; today: string }) {
  const { tasks, hiddenOpen } = person.checklist;
  const canOffboard = canWrite && (!person.departedAt || tasks.length === 0);
  const loginsToDisable = person.logins.filter((l) => l.status === "ACTIVE" || l.status === "INVITED").length;
  const devicesToRehome = person.devices.filter((d) => d.othersLogins.some((m) => m.login.status === "ACTIVE" || m.login.status === "INVITED")).length;
  const done = tasks.filter((task) => task.doneAt).length;
  const messages = formMessages(t); // one object for every form: carried once in the page payload
  return (
    <Section id="offboarding" title={t("offboarding.title")} testId="offboarding">
      {canOffboard && (
        <details className="mb-3" data-testid="offboard">
          <summary className="cursor-pointer font-medium text-red-800">{t("offboarding.start")}</summary>
          <div className="mt-2 space-y-2 rounded border border-red-200 bg-red-50 p-3 text-sm">
            <p>{t("offboarding.confirmText", { name: person.name, logins: loginsToDisable, devices: devicesToRehome })}</p>
            <ActionForm
              action={offboardPersonAction}
              hidden={{ personId: person.id, confirm: "yes" }}
              fields={[{ name: "departedAt", label: t("offboarding.departedAt"), type: "date", required: true, defaultValue: person.departedAt ? formatDay(person.departedAt) : today, hint: t("offboarding.departedAtHint") }]}
              submitLabel={t("offboarding.confirm")}
              pendingLabel={t("form.saving")}
              messages={messages}
              variant="danger"
              testId="offboard-form"
            />
          </div>
        </details>
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
                  <span className="text-xs text-emerald-800">✓ {t("offboarding.doneBy", { date: formatDay(task.doneAt), name: task.doneByName ?? "—" })}</span>
                ) : canWrite ? (
                  <ActionForm action={completeOffboardingTaskAction} hidden={{ taskId: task.id }} submitLabel={t("offboarding.tick")} pendingLabel={t("form.saving")} messages={messages} variant="secondary" inline testId="tick-form" />
                ) : (
                  <span className="text-xs text-slate-500">{t("offboarding.open")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {hiddenOpen > 0 && <p className="mt-2 text-xs text-slate-500">{t("offboarding.hiddenOpen", { count: hiddenOpen })}</p>}
    </Section>
  );
}
