import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { DigestSection } from "@/lib/jobs/digest";
import type { Scope } from "../scope";
import { listOverdueTasks, taskSubjects } from "../tasks/task-records";
import { dbFor } from "../tenant";

// A digest section (through EXTRA_DIGEST_SECTIONS): the remediation tasks past their due day that are
// assigned to the member reading it. listOverdueTasks reads through the member's own scope (their
// organisation only); the filter keeps the member's own.
export async function overdueTasksSection(scope: Scope, week: { today: string; locale: Locale }): Promise<DigestSection | null> {
  const tasks = (await listOverdueTasks(scope, week.today)).filter((task) => task.assigneeId === scope.userId);
  if (tasks.length === 0) return null;
  const accounts = await dbFor(scope).sellerAccount.findMany({ where: { orgId: scope.orgId, id: { in: [...new Set(tasks.map((t) => t.accountId))] } }, select: { id: true, storeName: true } });
  const store = new Map(accounts.map((a) => [a.id, a.storeName]));
  // In the reader's words, as the tasks page says them (an Ads access by person and console, not "Vendor (ADS)").
  const subjects = await taskSubjects(scope, tasks, week.locale);
  const subject = (task: (typeof tasks)[number]) => subjects.get(task.id) ?? task.subjectLabel;
  return {
    heading: "digest.overdueTasks",
    lines: tasks.map((task) => ({ subject: store.get(task.accountId) ?? subject(task), text: subject(task), due: task.dueOn.toISOString().slice(0, 10) })),
  };
}
