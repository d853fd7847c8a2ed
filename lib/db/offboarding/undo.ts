import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "../client";
import { Prisma } from "../generated/client";
import { taskInScopeOrThrow, type Task } from "./offboarding-tasks";
import { assertPersonVisible } from "../people/people-sql";
import { recomputeAccounts } from "../risk/recompute";
import { actorOf, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { accountsUsingDevices, assertCanWrite, audit, writeAccountData } from "../write-context";
import { utcToday } from "@/lib/days";
import type { HandoverUndo } from "./handover";
import { accountsTouchedByPerson } from "./touched";

// Taking back what was done by mistake: a ticked checklist item can be unticked (its record changes are
// put back), and an offboarding can be cancelled as long as none of its steps has changed data.

type Undo = { loginStatus?: "ACTIVE" | "INVITED"; removedUser?: boolean } & Partial<HandoverUndo>;

/** Clears the tick unless someone already has; false means there was nothing to undo. */
async function untick(tx: Tx, scope: Scope, task: Task): Promise<boolean> {
  const updated = await tx.offboardingTask.updateMany({
    where: { id: task.id, orgId: scope.orgId, doneAt: { not: null } },
    data: { doneAt: null, doneById: null, undo: Prisma.DbNull, handedToId: null },
  });
  return updated.count > 0;
}

/**
 * Puts back what the tick recorded, where the record still says what the tick set (a later edit by
 * someone else wins), and returns what was put back for the audit event plus the other accounts touched.
 */
async function revert(tx: Tx, scope: Scope, task: Task, undo: Undo): Promise<{ reverted: string[]; alsoTouches: string[] }> {
  const orgId = scope.orgId;
  const reverted: string[] = [];
  if (!task.loginId) return { reverted, alsoTouches: [] };
  const login = await tx.login.findFirst({ where: { id: task.loginId, orgId }, select: { id: true, personId: true, status: true } });
  if (!login) return { reverted, alsoTouches: [] };
  if (undo.loginStatus && login.status === "DISABLED") {
    await tx.login.update({ where: { id: login.id }, data: { status: undo.loginStatus } });
    reverted.push(`status:${undo.loginStatus}`);
  }
  if (undo.removedUser && task.kind === "LOGIN_DISABLE") {
    await tx.loginUser.createMany({ data: [{ orgId, loginId: login.id, personId: task.personId }], skipDuplicates: true });
    reverted.push("user");
  }
  let devices: string[] = [];
  if (task.kind === "PRIMARY_HANDOVER" && undo.personId && task.handedToId && login.personId === task.handedToId) {
    await tx.login.update({ where: { id: login.id }, data: { personId: undo.personId } });
    if (undo.addedUser) await tx.loginUser.deleteMany({ where: { orgId, loginId: login.id, personId: task.handedToId } });
    if (undo.removedUser) await tx.loginUser.createMany({ data: [{ orgId, loginId: login.id, personId: undo.personId }], skipDuplicates: true });
    devices = undo.devices ?? [];
    if (devices.length) await tx.device.updateMany({ where: { orgId, id: { in: devices }, holderId: task.handedToId }, data: { holderId: undo.personId } });
    reverted.push(`person:${undo.personId}`);
  }
  return { reverted, alsoTouches: await accountsUsingDevices(tx, orgId, devices) };
}

/** Unticks one checklist item (audited; idempotent: unticking an open item changes nothing). */
export async function reopenOffboardingTask(scope: Scope, taskId: string): Promise<{ changed: boolean }> {
  assertCanWrite(scope);
  const task = await taskInScopeOrThrow(scope, taskId);
  if (!task.doneAt) return { changed: false };
  const undo = (task.undo ?? {}) as Undo;
  const event = (reverted: string[]) => ({
    action: "offboarding.task_reopened", entityType: "OffboardingTask", entityId: task.id, accountId: task.accountId,
    before: { doneAt: task.doneAt, handedToId: task.handedToId }, after: { doneAt: null, kind: task.kind, personId: task.personId, reverted },
  });
  if (!task.accountId) {
    return dbFor(scope).$transaction(async (tx) => {
      if (!(await untick(tx, scope, task))) return { changed: false };
      await audit(tx, scope, event([]));
      return { changed: true };
    });
  }
  return writeAccountData<{ changed: boolean }>(scope, task.accountId, undefined, async (tx) => {
    if (!(await untick(tx, scope, task))) return { value: { changed: false } };
    const { reverted, alsoTouches } = await revert(tx, scope, task, undo);
    await audit(tx, scope, event(reverted));
    return { value: { changed: true }, alsoTouches };
  });
}

/**
 * Cancels an offboarding started by mistake: deletes its checklist and restores the departure date it
 * replaced. Refused (CONFLICT) once a step has changed data (a login disabled, a user removed, a primary
 * login handed over): untick those first, so nothing recorded in Seller Central's name is silently lost.
 */
export async function cancelOffboarding(scope: Scope, personId: string): Promise<{ cancelled: true }> {
  assertCanWrite(scope);
  const orgId = scope.orgId;
  return dbFor(scope).$transaction(async (tx) => {
    await assertPersonVisible(tx, scope, personId);
    const [person] = await tx.$queryRawUnsafe<{ departedAt: Date | null; offboardingStartedAt: Date | null; departedAtBeforeOffboarding: Date | null }[]>(
      `SELECT "departedAt", "offboardingStartedAt", "departedAtBeforeOffboarding" FROM "Person" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
      personId,
      orgId,
    );
    if (!person.offboardingStartedAt) throw new AppError("CONFLICT", "validation.noOffboardingToCancel");
    const changed = await tx.offboardingTask.count({ where: { orgId, personId, doneAt: { not: null }, kind: { in: ["LOGIN_DISABLE", "PRIMARY_HANDOVER"] } } });
    if (changed > 0) throw new AppError("CONFLICT", "validation.offboardingChangedData");
    const deleted = await tx.offboardingTask.deleteMany({ where: { orgId, personId } });
    await tx.person.update({ where: { id: personId }, data: { departedAt: person.departedAtBeforeOffboarding, offboardingStartedAt: null, departedAtBeforeOffboarding: null } });
    await audit(tx, scope, {
      action: "person.offboarding_cancelled", entityType: "Person", entityId: personId,
      before: { departedAt: person.departedAt, offboardingStartedAt: person.offboardingStartedAt, tasks: deleted.count },
      after: { departedAt: person.departedAtBeforeOffboarding },
    });
    await recomputeAccounts(tx, orgId, await accountsTouchedByPerson(tx, orgId, personId), { today: utcToday(), ...actorOf(scope) });
    return { cancelled: true as const };
  });
}
