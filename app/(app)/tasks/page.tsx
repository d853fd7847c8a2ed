import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { TableHead } from "@/components/table-head";
import { requireScope } from "@/lib/auth/scope";
import { listTasksOfLink } from "@/lib/db/tasks/task-records";
import { formMessages } from "@/lib/i18n/form-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLocale, getT } from "@/lib/i18n/server";
import { isOverdue, taskInstruction, type TaskKind } from "@/lib/reviews";
import { parseTaskFilterPage } from "@/lib/validation/reviews";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { closeTaskAction } from "./actions";
import { TaskCloseSent, TaskStatusLine } from "./_components/task-close-focus";
import { utcToday } from "@/lib/days";

export const generateMetadata = () => pageTitle("nav.tasks");

/** Remediation tasks on the accounts the member sees, overdue first; filter by status, assignee and client. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [raw, scope, t, locale] = await Promise.all([searchParams, requireScope(), getT(), getLocale()]);
  // A client filter naming no client the reader can reach is dropped and named with the others (decision 099).
  const { filter, mine, ignored, tasks, client } = await listTasksOfLink(scope, parseTaskFilterPage(raw, scope.userId), locale);
  const today = utcToday();
  // Overdue first: open tasks past their day, then the rest in the list's order (open, by due date).
  const ordered = [...tasks.filter((task) => task.status === "OPEN" && isOverdue(task.dueOn, today)), ...tasks.filter((task) => !(task.status === "OPEN" && isOverdue(task.dueOn, today)))];
  // The clients of the listed tasks, and the filter's own client even when none of them is its (the form shows what was applied).
  const clients = [...new Map([...tasks.filter((task) => task.clientId).map((task): [string, string] => [task.clientId!, task.clientName ?? ""]), ...(client ? [[client.id, client.name] as [string, string]] : [])]).entries()];
  const messages = formMessages(t, "tasks.closed");
  const openCount = ordered.filter((task) => task.status === "OPEN").length;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("tasks.title")}</h1>
      <p className="text-sm text-slate-700">{t("tasks.intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" data-testid="task-filter">
        <label className="flex flex-col">{t("tasks.filter.status")}
          <select name="status" defaultValue={filter.status} className="rounded border border-slate-300 px-1 py-0.5">
            {(["OPEN", "DONE", "ALL"] as const).map((s) => <option key={s} value={s}>{t(`tasks.filter.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{t("tasks.filter.assignee")}
          <select name="assignee" defaultValue={mine ? "me" : ""} className="rounded border border-slate-300 px-1 py-0.5">
            <option value="">{t("tasks.filter.anyone")}</option>
            <option value="me">{t("tasks.filter.mine")}</option>
          </select>
        </label>
        <label className="flex flex-col">{t("tasks.filter.client")}
          <select name="client" defaultValue={filter.client ?? ""} className="rounded border border-slate-300 px-1 py-0.5">
            <option value="">{t("tasks.filter.allClients")}</option>
            {clients.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">{t("tasks.filter.apply")}</button>
      </form>
      <IgnoredFiltersNotice ignored={ignored} t={t} />
      <TaskStatusLine open={openCount}>{ordered.length === 0 ? t("tasks.none") : t("tasks.listed", { count: ordered.length, open: openCount })}</TaskStatusLine>
      {ordered.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
          <table className="w-full text-left text-sm">
            <TableHead columns={[t("tasks.col.what"), t("tasks.col.account"), t("tasks.col.assignee"), t("tasks.col.due"), t("tasks.col.status")]} />
            <tbody>
              {ordered.map((task) => (
                <tr key={task.id} id={task.status === "OPEN" && task.findingId ? `finding-task-${task.findingId}` : undefined} className="border-t border-slate-100 align-top" data-testid="task-row" data-task-row-id={task.id}>
                  <td className="px-2 py-2 [overflow-wrap:anywhere]">
                    {taskInstruction({ kind: task.kind as TaskKind, subjectLabel: task.subjectLabel, target: task.target, ruleId: task.ruleId, note: task.note }, locale)}
                    <div><a href={task.url} target="_blank" rel="noreferrer noopener" className="text-xs" data-testid="seller-central-link">{t("tasks.openInSellerCentral")} ({new URL(task.url).host})</a></div>
                  </td>
                  <td className="px-2 py-2"><Link href={`/accounts/${task.accountId}`}>{task.storeName}</Link>{task.clientName && <div className="text-xs text-slate-500">{task.clientName}</div>}</td>
                  <td className="px-2 py-2">{task.assignee ?? "—"}</td>
                  <td className="px-2 py-2 tabular-nums">
                    {task.dueOn}
                    {task.status === "OPEN" && isOverdue(task.dueOn, today) && <div className="text-xs font-medium text-red-800">{t("tasks.overdue")}</div>}
                  </td>
                  <td className="px-2 py-2" data-testid="task-status">
                    {t(`tasks.status.${task.status}`)}
                    {task.closeNote && <div className="text-xs text-slate-600">“{task.closeNote}”</div>}
                    {task.status === "OPEN" && (
                      <TaskCloseSent taskId={task.id}>
                      <ActionForm
                        action={closeTaskAction}
                        hidden={{ taskId: task.id }}
                        fields={[{ name: "note", label: t("tasks.closeNote"), type: "text", required: true }]}
                        submitLabel={t("tasks.closeSubmit")}
                        pendingLabel={t("form.saving")}
                        messages={messages}
                        testId="close-task-form"
                        fold={{ summary: t("tasks.close"), summaryClassName: "cursor-pointer text-xs text-blue-800", className: "mt-1", testId: "close-task" }}
                      />
                      </TaskCloseSent>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
