import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { EvidenceData } from "@/lib/risk";
import { evidenceText } from "@/lib/risk/evidence-en";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import type { TaskKind, TaskStatus } from "@/lib/reviews";
import { itemLabel } from "@/lib/reviews/item-detail-text";
import { withoutUnreachableTaskClient, type CloseTaskInput, type FindingTaskInput, type TaskFilter, type TaskFilterPage } from "@/lib/validation/reviews";
import { reachableClient } from "../clients/client-records";
import { labelsFor } from "../labels";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit, canWrite } from "../write-context";
import { createTask } from "./create-task";

export interface TaskRow {
  id: string;
  accountId: string;
  /** The finding it was made from (the account page links an open one to its row, `#finding-task-<id>`). */
  findingId: string | null;
  storeName: string;
  clientId: string | null;
  clientName: string | null;
  kind: TaskKind;
  subjectLabel: string;
  target: unknown;
  ruleId: string | null;
  note: string | null;
  url: string;
  assigneeId: string | null;
  assignee: string | null;
  dueOn: string;
  status: TaskStatus;
  createdAt: Date;
  closedAt: Date | null;
  closeNote: string | null;
}

const LIST_LIMIT = 500;

/**
 * Tasks on the accounts the scope sees, overdue first (then by due date). Managers and Viewers of an
 * agency see their clients' tasks; a portal member their client's. `mine` narrows to one assignee.
 */
export async function listTasks(scope: Scope, filter: TaskFilter, locale: Locale = "en"): Promise<TaskRow[]> {
  const db = dbFor(scope);
  const rows = await db.remediationTask.findMany({
    where: {
      orgId: scope.orgId,
      // The client filter narrows the scope's own accounts (AND): it never replaces the scope's client list.
      accountId: { in: (await db.sellerAccount.findMany({ where: { AND: [accountScopeWhere(scope), filter.client ? { clientId: filter.client } : {}] }, select: { id: true } })).map((a) => a.id) },
      ...(filter.status === "OPEN" ? { status: "OPEN" } : filter.status === "DONE" ? { status: { in: ["SATISFIED", "CLOSED"] } } : {}),
      ...(filter.assignee ? { assigneeId: filter.assignee } : {}),
    },
    // Open before done, then by due date: with open ones first, the earliest due (the overdue) lead.
    orderBy: [{ status: "asc" }, { dueOn: "asc" }, { createdAt: "asc" }],
    take: LIST_LIMIT,
  });
  const accounts = await db.sellerAccount.findMany({ where: { orgId: scope.orgId, id: { in: [...new Set(rows.map((r) => r.accountId))] } }, select: { id: true, storeName: true, clientId: true, client: { select: { name: true } } } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.assigneeId).filter((v): v is string => !!v))] } }, select: { id: true, name: true } });
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const subjectOf = await taskSubjects(scope, rows, locale);
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    findingId: r.findingId,
    storeName: accountOf.get(r.accountId)?.storeName ?? "—",
    clientId: accountOf.get(r.accountId)?.clientId ?? null,
    clientName: accountOf.get(r.accountId)?.client?.name ?? null,
    kind: r.kind,
    subjectLabel: subjectOf.get(r.id) ?? r.subjectLabel,
    target: r.target,
    ruleId: r.ruleId,
    note: r.note,
    url: r.url,
    assigneeId: r.assigneeId,
    assignee: r.assigneeId ? (nameOf.get(r.assigneeId) ?? "—") : null,
    dueOn: r.dueOn.toISOString().slice(0, 10),
    status: r.status,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    closeNote: r.closeNote,
  }));
}

/**
 * The tasks page for its link's filter. A client filter naming no client the reader can reach is dropped and named
 * (withoutUnreachableTaskClient) and every task listed, as the accounts page does (decisions 093, 099). The reach is
 * asked beside the list, so a reachable client costs no round trip; it also answers the client's name, so the page's
 * client choice can show the filter applied when none of the listed tasks is that client's.
 */
export async function listTasksOfLink(scope: Scope, page: TaskFilterPage, locale: Locale = "en"): Promise<TaskFilterPage & { tasks: TaskRow[]; client: { id: string; name: string } | null }> {
  const id = page.filter.client;
  const [tasks, client] = await Promise.all([listTasks(scope, page.filter, locale), id === undefined ? null : reachableClient(scope, id)]);
  if (id === undefined || client) return { ...page, tasks, client };
  const dropped = withoutUnreachableTaskClient(page);
  return { ...dropped, tasks: await listTasks(scope, dropped.filter, locale), client: null };
}

type SubjectRow = { id: string; kind: string; reviewItemId: string | null; findingId: string | null; subjectLabel: string };

/**
 * What each task is about in the reader's words, by task id, for the tasks page and the digest alike (decision 087);
 * a task missing from the map reads as its stored subject.
 */
export async function taskSubjects(scope: Scope, rows: SubjectRow[], locale: Locale): Promise<Map<string, string>> {
  return new Map([...(await reviewItemSubjects(scope, rows, locale)), ...(await findingSubjects(scope, rows, locale))]);
}

/**
 * A finding's task keeps the engine's evidence, English with codes, as its subject: it reads as the finding's evidence
 * does on the account page (Japanese rebuilt from its facts, English with its codes in words), by task id; a task
 * whose finding is gone keeps its stored words.
 */
async function findingSubjects(scope: Scope, rows: SubjectRow[], locale: Locale): Promise<Map<string, string>> {
  const findingIds = [...new Set(rows.map((r) => r.findingId).filter((v): v is string => !!v))];
  if (findingIds.length === 0) return new Map();
  const findings = await dbFor(scope).finding.findMany({ where: { orgId: scope.orgId, id: { in: findingIds } }, select: { id: true, ruleId: true, evidence: true, evidenceData: true } });
  // Only the Japanese sentence names people and devices through labels; the English one has them already.
  const labels = locale === "ja" ? await labelsFor(scope, [...new Set(findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))]) : new Map<string, string>();
  const subject = new Map(findings.map((f) => [f.id, evidenceText(locale, f, (id) => labels.get(id) ?? id)]));
  const out = new Map<string, string>();
  for (const r of rows) {
    const text = r.findingId ? subject.get(r.findingId) : null;
    if (text) out.set(r.id, text);
  }
  return out;
}

/**
 * A review decision's task is named by its item's stored label, which for an Ads / Brand Registry access carries the
 * console's code ("Vendor (ADS)"): such a task reads as its item does on the campaign page (itemLabel), by task id.
 */
async function reviewItemSubjects(scope: Scope, rows: SubjectRow[], locale: Locale): Promise<Map<string, string>> {
  const consoleTasks = rows.filter((r) => r.reviewItemId && (r.kind === "REMOVE_OTHER_ACCESS" || r.kind === "REDUCE_OTHER_ACCESS"));
  if (consoleTasks.length === 0) return new Map();
  const items = await dbFor(scope).reviewItem.findMany({ where: { orgId: scope.orgId, id: { in: consoleTasks.map((r) => r.reviewItemId!) } }, select: { id: true, kind: true, label: true, detail: true } });
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, string>();
  for (const r of consoleTasks) {
    const item = itemOf.get(r.reviewItemId!);
    if (item && item.label === r.subjectLabel) out.set(r.id, itemLabel({ kind: item.kind, label: item.label, detail: (item.detail ?? {}) as Record<string, unknown> }, locale));
  }
  return out;
}

/** Closed by hand, with a note: by its assignee, or by anyone who may change the account's data. */
export async function closeTask(scope: Scope, input: CloseTaskInput): Promise<void> {
  await dbFor(scope).$transaction(async (tx) => {
    const task = await tx.remediationTask.findFirst({ where: { id: input.taskId, orgId: scope.orgId }, select: { id: true, accountId: true, status: true, assigneeId: true } });
    // A Viewer closes only their own tasks: refused alike whether another's task exists or not.
    if (!canWrite(scope) && task?.assigneeId !== scope.userId) throw new AppError("FORBIDDEN", "Only the assignee or an editor can close this task");
    const visible = task && (await tx.sellerAccount.count({ where: { id: task.accountId, ...accountScopeWhere(scope) } })) === 1;
    if (!task || !visible) throw new AppError("NOT_FOUND", "Task not found");
    const closed = await tx.remediationTask.updateMany({ where: { id: task.id, orgId: scope.orgId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date(), closedById: scope.userId, closeNote: input.note } });
    if (closed.count !== 1) throw new AppError("CONFLICT", "This task is already closed");
    await audit(tx, scope, { action: "task.closed", entityType: "RemediationTask", entityId: task.id, accountId: task.accountId, after: { note: input.note } });
  });
}

/** Any finding, on request, becomes a task (closing itself once the finding is no longer open). */
export async function createFindingTask(scope: Scope, input: FindingTaskInput): Promise<string> {
  const db = dbFor(scope);
  const finding = await db.finding.findFirst({ where: { id: input.findingId, orgId: scope.orgId, status: "OPEN", account: accountScopeWhere(scope) }, select: { id: true, accountId: true, ruleId: true, subjectType: true, subjectId: true, evidence: true } });
  if (!finding) throw new AppError("NOT_FOUND", "Finding not found");
  // Not a stale edit ("reload the page" changed nothing, probe 43 finding 3): the page the button was on is old or
  // the action was replayed, and the answer says where the task is (the form links to it).
  const open = await db.remediationTask.findFirst({ where: { orgId: scope.orgId, findingId: finding.id, status: "OPEN" }, select: { id: true } });
  if (open) throw new AppError("CONFLICT", "validation.findingTaskExists");
  // Only a member of this organisation (or the one acting) can hold its task: a user of another tenant, named by id in a
  // crafted request, would otherwise have their name shown on this tenant's pages (review 44).
  if (input.assigneeId && input.assigneeId !== scope.userId && !(await db.membership.findFirst({ where: { userId: input.assigneeId, orgId: scope.orgId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Unknown assignee", { assigneeId: "validation.choose" });
  }
  return createTask(scope, {
    accountId: finding.accountId,
    kind: "FINDING",
    subjectId: finding.subjectId,
    subjectLabel: finding.evidence.slice(0, 200),
    findingId: finding.id,
    ruleId: finding.ruleId,
    assigneeId: input.assigneeId,
    dueOn: input.dueOn ?? null,
  });
}

/** Open tasks past their due day, for a reminder job (the jobs issue): oldest first. */
export async function listOverdueTasks(scope: Scope, today: string) {
  return dbFor(scope).remediationTask.findMany({
    where: { orgId: scope.orgId, status: "OPEN", dueOn: { lt: new Date(`${today}T00:00:00Z`) } },
    select: { id: true, accountId: true, assigneeId: true, dueOn: true, kind: true, subjectLabel: true, reviewItemId: true, findingId: true },
    orderBy: { dueOn: "asc" },
  });
}
