import "server-only";
import { AppError } from "@/lib/errors";
import { taskDueFrom, taskUrlFor, type TaskKind } from "@/lib/reviews";
import { earliestDayAnywhere, utcToday } from "@/lib/days";
import { dueDayError } from "@/lib/validation/reviews";
import type { Tx } from "../client";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit } from "../write-context";

export interface CreateTaskInput {
  accountId: string;
  kind: TaskKind;
  subjectId?: string | null;
  subjectLabel: string;
  /** REDUCE_LOGIN: { levels: [{ tool, marketplace, level }] }; REDUCE_OTHER_ACCESS: { role }. */
  target?: Record<string, unknown> | null;
  assigneeId?: string | null;
  /** YYYY-MM-DD, today or later (as a review's); two weeks from today when not given. */
  dueOn?: string | null;
  reviewItemId?: string | null;
  findingId?: string | null;
  ruleId?: string | null;
  triageSessionId?: string | null;
  note?: string | null;
  /** The link, when the caller knows a better page than the task kind's (a triage's sign-in page). */
  url?: string | null;
}

/**
 * A remediation task: what to change in Seller Central, on the account's own marketplace host, for whom
 * and by when. Anyone who can see the account may open one (a portal reviewer's removal decision opens
 * one too): a task is a record of work to do, not a change of access data. Runs in `tx` when given.
 */
export async function createTask(scope: Scope, input: CreateTaskInput, tx?: Tx): Promise<string> {
  // Refused as the forms refuse it, before anything is read: a task is not opened overdue, nor on a day that does not exist.
  const dueError = input.dueOn ? dueDayError(input.dueOn, earliestDayAnywhere()) : null;
  if (dueError) throw new AppError("INVALID_INPUT", dueError === "validation.date" ? "The due date is not a date" : "The due date is in the past", { dueOn: dueError });
  if (!tx) return dbFor(scope).$transaction((own) => createTask(scope, input, own));
  const account = await tx.sellerAccount.findFirst({ where: { id: input.accountId, ...accountScopeWhere(scope) }, select: { id: true, region: true, marketplaces: true } });
  if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
  const task = await tx.remediationTask.create({
    data: {
      orgId: scope.orgId,
      accountId: account.id,
      kind: input.kind,
      subjectId: input.subjectId ?? null,
      subjectLabel: input.subjectLabel,
      target: input.target ? (JSON.parse(JSON.stringify(input.target)) as object) : undefined,
      url: input.url ?? taskUrlFor(input.kind, account.region, account.marketplaces),
      assigneeId: input.assigneeId ?? scope.userId,
      dueOn: new Date(`${input.dueOn ?? taskDueFrom(utcToday())}T00:00:00Z`),
      reviewItemId: input.reviewItemId ?? null,
      findingId: input.findingId ?? null,
      ruleId: input.ruleId ?? null,
      triageSessionId: input.triageSessionId ?? null,
      note: input.note ?? null,
      createdById: scope.userId,
    },
    select: { id: true },
  });
  await audit(tx, scope, { action: "task.opened", entityType: "RemediationTask", entityId: task.id, accountId: account.id, after: { kind: input.kind, subject: input.subjectLabel, target: input.target ?? null } });
  return task.id;
}
