import "server-only";
import { AppError } from "@/lib/errors";
import { departureDateError } from "@/lib/validation/people";
import { latestDayAnywhere, utcToday } from "@/lib/days";
import type { Tx } from "../client";
import { assertPersonVisible } from "../people/people-sql";
import { recomputeAccounts } from "../risk/recompute";
import { recorderId, actorOf, accountScopeWhere, type Scope } from "../scope";
import { accountsUsingDevices, assertCanWrite, audit, writeAccountData } from "../write-context";
import { dbFor } from "../tenant";
import { checkHandoverPerson, completeHandover } from "./handover";
import { accountsTouchedByPerson } from "./touched";

const LIVE = ["ACTIVE", "INVITED"] as const;

/**
 * Marks a person departed and writes the checklist of what to do in Seller Central: every live login
 * they own or use (a primary login they own is handed over, never disabled: Seller Central does not allow
 * it), and every device they hold that carries another person's login's 2SV. The
 * checklist is organisation-wide (a departure is a fact about the person, not about one client); a
 * Manager sees and ticks only the items on their clients' accounts. Findings of every account the
 * person touches are recomputed in the same transaction, so OFFBOARDED_STILL_ACTIVE shows at once.
 */
export async function offboardPerson(scope: Scope, personId: string, departedAt: string): Promise<{ tasks: number }> {
  assertCanWrite(scope);
  const today = utcToday();
  const dateError = departureDateError(departedAt, latestDayAnywhere());
  if (dateError) throw new AppError("INVALID_INPUT", dateError, { departedAt: dateError });
  const orgId = scope.orgId;
  return dbFor(scope).$transaction(async (tx) => {
    await assertPersonVisible(tx, scope, personId);
    // The row lock serialises two offboardings of the same person (a double submit).
    const [person] = await tx.$queryRawUnsafe<{ departedAt: Date | null }[]>(`SELECT "departedAt" FROM "Person" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, personId, orgId);
    const openTasks = await tx.offboardingTask.findMany({ where: { orgId, personId, doneAt: null }, select: { loginId: true, deviceId: true } });
    const anyTasks = await tx.offboardingTask.count({ where: { orgId, personId } });
    if (person.departedAt && anyTasks > 0) throw new AppError("CONFLICT", "This person has already been offboarded");

    const when = new Date(`${departedAt}T00:00:00Z`);
    // What it was before is kept so the offboarding can be cancelled (lib/db/offboarding/undo.ts).
    await tx.person.update({ where: { id: personId }, data: { departedAt: when, offboardingStartedAt: new Date(), departedAtBeforeOffboarding: person.departedAt } });

    const heldLogins = await tx.login.findMany({
      where: { orgId, OR: [{ personId }, { usedBy: { some: { orgId, personId } } }] },
      select: { id: true, accountId: true, status: true, role: true, personId: true },
    });
    const rehome = await tx.device.findMany({
      where: { orgId, holderId: personId, methods: { some: { orgId, login: { status: { in: [...LIVE] }, personId: { not: personId } } } } },
      select: { id: true },
    });

    const pendingLogins = new Set(openTasks.map((t) => t.loginId));
    const pendingDevices = new Set(openTasks.map((t) => t.deviceId));
    const data = [
      ...heldLogins
        .filter((l) => (LIVE as readonly string[]).includes(l.status) && !pendingLogins.has(l.id))
        .map((l) => ({ orgId, personId, kind: l.role === "PRIMARY" && l.personId === personId ? ("PRIMARY_HANDOVER" as const) : ("LOGIN_DISABLE" as const), loginId: l.id, accountId: l.accountId, createdById: scope.userId })),
      ...rehome.filter((d) => !pendingDevices.has(d.id)).map((d) => ({ orgId, personId, kind: "DEVICE_REHOME" as const, deviceId: d.id, createdById: scope.userId })),
    ];
    if (data.length) await tx.offboardingTask.createMany({ data });

    await audit(tx, scope, {
      action: "person.offboarded", entityType: "Person", entityId: personId,
      before: { departedAt: person.departedAt },
      after: {
        departedAt: when,
        loginsToDisable: data.filter((d) => d.kind === "LOGIN_DISABLE").length,
        primaryLoginsToHandOver: data.filter((d) => d.kind === "PRIMARY_HANDOVER").length,
        devicesToRehome: data.filter((d) => d.kind === "DEVICE_REHOME").length,
      },
    });
    await recomputeAccounts(tx, orgId, await accountsTouchedByPerson(tx, orgId, personId), { today, ...actorOf(scope) });
    return { tasks: data.length };
  });
}

export async function taskInScopeOrThrow(scope: Scope, taskId: string) {
  const task = await dbFor(scope).offboardingTask.findFirst({
    where: { id: taskId, orgId: scope.orgId, OR: [{ accountId: null }, { account: accountScopeWhere(scope) }] },
    select: { id: true, personId: true, kind: true, loginId: true, deviceId: true, accountId: true, doneAt: true, undo: true, handedToId: true },
  });
  if (!task) throw new AppError("NOT_FOUND", "Checklist item not found");
  await assertPersonVisible(dbFor(scope), scope, task.personId);
  return task;
}

export type Task = Awaited<ReturnType<typeof taskInScopeOrThrow>>;

/** Marks the item done unless someone already has; false means there was nothing to do. */
export async function tick(tx: Tx, scope: Scope, task: Task): Promise<boolean> {
  const doneAt = new Date();
  const updated = await tx.offboardingTask.updateMany({ where: { id: task.id, orgId: scope.orgId, doneAt: null }, data: { doneAt, doneById: scope.userId } });
  if (updated.count === 0) return false;
  await audit(tx, scope, {
    action: "offboarding.task_completed", entityType: "OffboardingTask", entityId: task.id, accountId: task.accountId,
    before: { doneAt: null }, after: { doneAt, kind: task.kind, personId: task.personId, loginId: task.loginId, deviceId: task.deviceId },
  });
  return true;
}

/**
 * Ticks one checklist item (idempotent: a second tick changes nothing and writes no event). Ticking a
 * login means "I did it in Seller Central", so Gatehouse's records follow in the same transaction: a
 * login the person owns becomes DISABLED; a login they only used (someone else's, shared) keeps its
 * status and loses them as a user. A device item changes no data: where the 2SV moved is recorded on
 * the account pages. A primary login is handed to `newPersonId` (handover.ts). What a tick changed is kept
 * on the item, so it can be unticked (undo.ts).
 */
export async function completeOffboardingTask(scope: Scope, taskId: string, newPersonId?: string): Promise<{ changed: boolean }> {
  assertCanWrite(scope);
  const task = await taskInScopeOrThrow(scope, taskId);
  if (task.doneAt) return { changed: false };
  if (task.kind === "PRIMARY_HANDOVER" && task.accountId && task.loginId) {
    const accountId = task.accountId;
    const loginId = task.loginId;
    const to = await checkHandoverPerson(scope, task.personId, newPersonId);
    return completeHandover(scope, { ...task, accountId, loginId }, to, (tx) => tick(tx, scope, task));
  }
  if (task.kind !== "LOGIN_DISABLE" || !task.accountId || !task.loginId) {
    return dbFor(scope).$transaction(async (tx) => ({ changed: await tick(tx, scope, task) }));
  }
  const loginId = task.loginId;
  return writeAccountData<{ changed: boolean }>(scope, task.accountId, undefined, async (tx) => {
    if (!(await tick(tx, scope, task))) return { value: { changed: false } };
    const login = await tx.login.findFirst({ where: { id: loginId, orgId: scope.orgId }, select: { id: true, personId: true, status: true } });
    if (!login) return { value: { changed: true } };
    if (login.personId === task.personId) {
      if ((LIVE as readonly string[]).includes(login.status)) {
        await tx.login.update({ where: { id: login.id }, data: { status: "DISABLED", source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
        await tx.offboardingTask.update({ where: { id: task.id }, data: { undo: { loginStatus: login.status } } });
        await audit(tx, scope, {
          action: "login.updated", entityType: "Login", entityId: login.id, accountId: task.accountId,
          before: { status: login.status }, after: { status: "DISABLED", reason: "offboarding" },
        });
      }
    } else {
      const removed = await tx.loginUser.deleteMany({ where: { orgId: scope.orgId, loginId: login.id, personId: task.personId } });
      if (removed.count > 0) await tx.offboardingTask.update({ where: { id: task.id }, data: { undo: { removedUser: true } } });
      if (removed.count > 0)
        await audit(tx, scope, { action: "loginUser.removed", entityType: "LoginUser", entityId: login.id, accountId: task.accountId, before: { personId: task.personId }, after: { reason: "offboarding" } });
    }
    // The login's devices may carry other accounts' shared-device findings.
    const methods = await tx.twoStepMethod.findMany({ where: { orgId: scope.orgId, loginId: login.id }, select: { deviceId: true } });
    return { value: { changed: true }, alsoTouches: await accountsUsingDevices(tx, scope.orgId, methods.map((m) => m.deviceId)) };
  });
}
