import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "../client";
import { assertPersonVisible } from "../people/people-sql";
import { recorderId, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { accountsUsingDevices, audit, writeAccountData } from "../write-context";
import { utcToday } from "@/lib/days";
import { clientReach } from "../client-reach";

/** What a hand-over changed, kept on the checklist item so unticking can put it back (undo.ts). */
export interface HandoverUndo {
  personId: string;
  /** The departing person was one of the login's users and was taken off. */
  removedUser: boolean;
  /** The new person was not yet a user and was added. */
  addedUser: boolean;
  /** Devices carrying the login's 2SV that moved from the departing person to the new one. */
  devices: string[];
}

const FIELD = "newPersonId";
const refuse = (key: string): never => {
  throw new AppError("INVALID_INPUT", key, { [FIELD]: key });
};

/**
 * The person a primary login is handed to must be a current employee: someone of the organisation the
 * caller can see, not external (an outsider holding the primary login is PRIMARY_HELD_BY_OUTSIDER), not
 * departed, and not the person leaving. Each refusal is said at the picker.
 */
export async function checkHandoverPerson(scope: Scope, leavingId: string, newPersonId: string | undefined): Promise<string> {
  if (!newPersonId) return refuse("validation.handoverPersonRequired");
  if (newPersonId === leavingId) return refuse("validation.handoverSamePerson");
  const person = await dbFor(scope).person.findFirst({ where: { id: newPersonId, orgId: scope.orgId }, select: { external: true, departedAt: true } });
  if (!person) return refuse("validation.handoverPersonUnknown");
  await assertPersonVisible(dbFor(scope), scope, newPersonId).catch(() => refuse("validation.handoverPersonUnknown"));
  if (person.external) return refuse("validation.handoverExternal");
  if (person.departedAt && person.departedAt.toISOString().slice(0, 10) <= utcToday()) return refuse("validation.handoverDeparted");
  return newPersonId;
}

type HandoverTask = { id: string; personId: string; loginId: string; accountId: string };

/**
 * Ticks a PRIMARY_HANDOVER item and records the hand-over done in Seller Central, in one account write
 * (findings and PersonAccess follow): the login's e-mail, password and 2SV devices now belong to `to`.
 * The login stays ACTIVE (the account keeps its primary user); the leaver stops being one of its users
 * and the 2SV devices they held for it pass to the new person. `tick` marks the item done (false: someone
 * already had, and nothing else changes).
 */
export async function completeHandover(scope: Scope, task: HandoverTask, to: string, tick: (tx: Tx) => Promise<boolean>): Promise<{ changed: boolean }> {
  return writeAccountData<{ changed: boolean }>(scope, task.accountId, undefined, async (tx) => {
    if (!(await tick(tx))) return { value: { changed: false } };
    return { value: { changed: true }, alsoTouches: await handOver(tx, scope, task, to) };
  });
}

/** Returns the other accounts the moved devices touch, whose shared-device findings may change. */
async function handOver(tx: Tx, scope: Scope, task: HandoverTask, to: string): Promise<string[]> {
  const orgId = scope.orgId;
  const login = await tx.login.findFirst({ where: { id: task.loginId, orgId }, select: { id: true, personId: true, status: true } });
  if (!login) return [];
  const methods = await tx.twoStepMethod.findMany({ where: { orgId, loginId: login.id, device: { holderId: login.personId } }, select: { deviceId: true } });
  const held = [...new Set(methods.map((m) => m.deviceId).filter((d): d is string => d !== null))];
  // A client-scoped caller moves only devices no account outside its clients uses (decision 082): a shared one stays
  // with the leaver, for someone who sees every client to hand over.
  const sharedOutside = scope.clientIds && held.length ? (await clientReach(tx, orgId, scope.clientIds, { people: [], devices: held })).shared.devices : new Set<string>();
  const devices = held.filter((d) => !sharedOutside.has(d));
  const removed = await tx.loginUser.deleteMany({ where: { orgId, loginId: login.id, personId: login.personId } });
  const added = await tx.loginUser.createMany({ data: [{ orgId, loginId: login.id, personId: to }], skipDuplicates: true });
  await tx.login.update({ where: { id: login.id }, data: { personId: to, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
  if (devices.length) await tx.device.updateMany({ where: { orgId, id: { in: devices }, holderId: login.personId }, data: { holderId: to } });
  const undo: HandoverUndo = { personId: login.personId, removedUser: removed.count > 0, addedUser: added.count > 0, devices };
  await tx.offboardingTask.update({ where: { id: task.id }, data: { undo: { ...undo }, handedToId: to } });
  await audit(tx, scope, {
    action: "login.handed_over", entityType: "Login", entityId: login.id, accountId: task.accountId,
    before: { personId: login.personId, status: login.status }, after: { personId: to, status: login.status, devices, reason: "offboarding" },
  });
  return accountsUsingDevices(tx, orgId, devices);
}

/**
 * Whom a primary login can be handed to, for the checklist's picker: current employees (internal, not
 * departed) who hold or use a login on one of these accounts, or, for callers who see every client, who
 * work at the leaver's company. Sorted by name; at most 100 (an account has a handful of people).
 */
export async function listHandoverCandidates(scope: Scope, leavingId: string, accountIds: string[]): Promise<{ id: string; name: string; email: string | null }[]> {
  if (accountIds.length === 0) return [];
  const orgId = scope.orgId;
  const leaving = await dbFor(scope).person.findFirst({ where: { id: leavingId, orgId }, select: { company: true } });
  const onAccounts = [
    { logins: { some: { orgId, accountId: { in: accountIds } } } },
    { usedLogins: { some: { orgId, login: { accountId: { in: accountIds } } } } },
  ];
  const sameCompany = scope.clientIds === null && leaving?.company ? [{ company: leaving.company }] : [];
  return dbFor(scope).person.findMany({
    where: { orgId, id: { not: leavingId }, external: false, departedAt: null, OR: [...onAccounts, ...sameCompany] },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 100,
  });
}
