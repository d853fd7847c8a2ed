import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import type { CreatePersonInput, MergePeopleInput, RemoveDeviceInput, RemovePersonInput, SaveDeviceInput, UpdatePersonInput } from "@/lib/validation/person-form";
import { dateToDay, dayToDate } from "@/lib/validation/record-fields";
import type { Tx } from "../client";
import { refreshPersonAccess } from "./person-access";
import { assertNameFreeOrConfirmed } from "./same-named-people";
import { recomputeAccounts } from "../risk/recompute";
import { recorderId, actorOf, isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { accountsUsingDevices, audit } from "../write-context";
import { utcToday } from "@/lib/days";

// People and devices are the organisation's, shared by every client's accounts: only Owners and Admins
// edit, merge or remove them (a Manager would change accounts they cannot see). Each change recomputes
// the findings of every account the person or device touches, in the same transaction.

function assertCanEditPeople(scope: Scope) {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins edit people and devices");
}

/** Accounts where the person holds or uses a login, has Ads/Brand Registry access, or holds a 2SV device. */
export async function accountsOfPeople(tx: Tx, orgId: string, personIds: string[]): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT l."accountId" AS id FROM "Login" l WHERE l."orgId" = $1 AND l."personId" = ANY($2::text[])
     UNION SELECT l."accountId" FROM "LoginUser" u JOIN "Login" l ON l.id = u."loginId" WHERE u."orgId" = $1 AND u."personId" = ANY($2::text[])
     UNION SELECT o."accountId" FROM "OtherAccess" o WHERE o."orgId" = $1 AND o."personId" = ANY($2::text[])
     UNION SELECT l."accountId" FROM "Device" d JOIN "TwoStepMethod" m ON m."deviceId" = d.id JOIN "Login" l ON l.id = m."loginId" WHERE d."orgId" = $1 AND d."holderId" = ANY($2::text[])`,
    orgId,
    personIds,
  );
  return rows.map((r) => r.id);
}

async function claimPerson(tx: Tx, scope: Scope, personId: string, version: number) {
  const before = await tx.person.findFirst({ where: { id: personId, orgId: scope.orgId } });
  if (!before) throw new AppError("NOT_FOUND", "Person not found");
  const claimed = await tx.person.updateMany({ where: { id: personId, orgId: scope.orgId, version }, data: { version: { increment: 1 } } });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "This person was changed by someone else since you opened it.");
  return before;
}

const personFacts = (p: { name: string; email: string | null; company: string | null; external: boolean; departedAt: Date | null }) => ({
  name: p.name, email: p.email, company: p.company, external: p.external, departedAt: p.departedAt,
});

export async function personFormValues(scope: Scope, personId: string): Promise<Record<string, string> | null> {
  const p = await dbFor(scope).person.findFirst({ where: { id: personId, orgId: scope.orgId } });
  return p && { version: String(p.version), name: p.name, email: p.email ?? "", company: p.company ?? "", external: p.external ? "yes" : "no", departedAt: dateToDay(p.departedAt) };
}

export async function updatePerson(scope: Scope, input: UpdatePersonInput): Promise<void> {
  assertCanEditPeople(scope);
  const edit = dbFor(scope).$transaction(async (tx) => {
    const before = await claimPerson(tx, scope, input.personId, input.version);
    const data = { name: input.name, email: input.email, company: input.company, external: input.external, departedAt: dayToDate(input.departedAt) };
    await tx.person.update({ where: { id: before.id }, data: { ...data, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
    await audit(tx, scope, { action: "person.updated", entityType: "Person", entityId: before.id, before: personFacts(before), after: data });
    await recomputeAccounts(tx, scope.orgId, await accountsOfPeople(tx, scope.orgId, [before.id]), { today: utcToday(), ...actorOf(scope) });
    await refreshPersonAccess(tx, scope.orgId, [before.id]);
  });
  await withCurrentValues(edit, () => personFormValues(scope, input.personId));
}

/** A person typed in on their own; lands on their page, where devices are added and logins listed. */
export async function createPerson(scope: Scope, input: CreatePersonInput): Promise<{ id: string }> {
  assertCanEditPeople(scope);
  return dbFor(scope).$transaction(async (tx) => {
    await assertNameFreeOrConfirmed(tx, scope, { name: input.name, confirmation: input, field: "name", key: "validation.personNameTaken" });
    const data = { name: input.name, email: input.email, company: input.company, external: input.external, departedAt: dayToDate(input.departedAt) };
    const person = await tx.person.create({ data: { orgId: scope.orgId, ...data, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
    await audit(tx, scope, { action: "person.created", entityType: "Person", entityId: person.id, after: data });
    // Their (empty) stored access: without a row the list's "most access first" order, which walks
    // PersonAccess, would leave them out.
    await refreshPersonAccess(tx, scope.orgId, [person.id]);
    return { id: person.id };
  });
}

/** What removing a person takes with them (the confirmation names it); `ownedLogins` > 0 refuses it. */
export async function personRemovalPreview(scope: Scope, personId: string) {
  const db = dbFor(scope);
  const where = { orgId: scope.orgId, personId };
  const [ownedLogins, loginUses, otherAccess, devices] = await Promise.all([
    db.login.count({ where }),
    db.loginUser.count({ where: { ...where, login: { personId: { not: personId } } } }),
    db.otherAccess.count({ where }),
    db.device.count({ where: { orgId: scope.orgId, holderId: personId } }),
  ]);
  return { ownedLogins, loginUses, otherAccess, devices };
}
export type PersonRemoval = Awaited<ReturnType<typeof personRemovalPreview>>;

/**
 * Removes a person recorded by mistake or long gone: their uses of others' logins and their Ads/Brand
 * Registry access go; devices they held stay, without a holder. A person who still owns a login is
 * refused: the login would lose its owner (hand it over on the login, or merge the person, first).
 */
export async function removePerson(scope: Scope, input: RemovePersonInput): Promise<void> {
  assertCanEditPeople(scope);
  await dbFor(scope).$transaction(async (tx) => {
    const before = await claimPerson(tx, scope, input.personId, input.version);
    const owned = await tx.login.count({ where: { orgId: scope.orgId, personId: before.id } });
    if (owned > 0) throw new AppError("CONFLICT", "validation.personOwnsLogins");
    const touched = await accountsOfPeople(tx, scope.orgId, [before.id]);
    const gone = {
      loginUses: (await tx.loginUser.deleteMany({ where: { orgId: scope.orgId, personId: before.id } })).count,
      otherAccess: (await tx.otherAccess.deleteMany({ where: { orgId: scope.orgId, personId: before.id } })).count,
      devicesUnheld: (await tx.device.updateMany({ where: { orgId: scope.orgId, holderId: before.id }, data: { holderId: null } })).count,
    };
    await tx.person.delete({ where: { id: before.id } });
    await audit(tx, scope, { action: "person.removed", entityType: "Person", entityId: before.id, before: { ...personFacts(before), ...gone } });
    await recomputeAccounts(tx, scope.orgId, touched, { today: utcToday(), ...actorOf(scope) });
  });
}

/**
 * Two records of one human become one: the duplicate's logins, shared-login uses, devices, Ads/Brand
 * Registry access and checklist items move to the kept person; then the duplicate is removed.
 */
export async function mergePeople(scope: Scope, input: MergePeopleInput): Promise<void> {
  assertCanEditPeople(scope);
  const edit = dbFor(scope).$transaction(async (tx) => {
    const kept = await claimPerson(tx, scope, input.personId, input.version);
    const duplicate = await tx.person.findFirst({ where: { id: input.duplicateId, orgId: scope.orgId } });
    if (!duplicate) throw new AppError("INVALID_INPUT", "Unknown person", { duplicateId: "validation.unknownPerson" });
    const touched = await accountsOfPeople(tx, scope.orgId, [kept.id, duplicate.id]);
    const moved = {
      logins: (await tx.login.updateMany({ where: { orgId: scope.orgId, personId: duplicate.id }, data: { personId: kept.id } })).count,
      devices: (await tx.device.updateMany({ where: { orgId: scope.orgId, holderId: duplicate.id }, data: { holderId: kept.id } })).count,
      otherAccess: (await tx.otherAccess.updateMany({ where: { orgId: scope.orgId, personId: duplicate.id }, data: { personId: kept.id } })).count,
      tasks: (await tx.offboardingTask.updateMany({ where: { orgId: scope.orgId, personId: duplicate.id }, data: { personId: kept.id } })).count,
    };
    // A login both used: one row for the kept person.
    const uses = await tx.loginUser.findMany({ where: { orgId: scope.orgId, personId: duplicate.id }, select: { loginId: true } });
    await tx.loginUser.deleteMany({ where: { orgId: scope.orgId, personId: duplicate.id } });
    if (uses.length) await tx.loginUser.createMany({ data: uses.map((u) => ({ orgId: scope.orgId, loginId: u.loginId, personId: kept.id })), skipDuplicates: true });
    await tx.person.delete({ where: { id: duplicate.id } });
    await audit(tx, scope, {
      action: "person.merged", entityType: "Person", entityId: kept.id,
      before: { kept: personFacts(kept), duplicate: { id: duplicate.id, ...personFacts(duplicate) } }, after: { kept: personFacts(kept), moved: { ...moved, loginUses: uses.length } },
    });
    await recomputeAccounts(tx, scope.orgId, touched, { today: utcToday(), ...actorOf(scope) });
    await refreshPersonAccess(tx, scope.orgId, [kept.id]);
  });
  await withCurrentValues(edit, () => personFormValues(scope, input.personId));
}

const deviceFacts = (d: { kind: string; label: string | null; holderId: string | null; skipOtpOnBrowser: boolean }) => ({ kind: d.kind, label: d.label, holderId: d.holderId, skipOtpOnBrowser: d.skipOtpOnBrowser });

export async function saveDevice(scope: Scope, input: SaveDeviceInput): Promise<void> {
  assertCanEditPeople(scope);
  const data = { kind: input.kind, label: input.label, holderId: input.holderId, skipOtpOnBrowser: input.skipOtpOnBrowser };
  const edit = dbFor(scope).$transaction(async (tx) => {
    if (input.holderId && !(await tx.person.findFirst({ where: { id: input.holderId, orgId: scope.orgId }, select: { id: true } })))
      throw new AppError("INVALID_INPUT", "Unknown person", { holderId: "validation.unknownPerson" });
    const before = input.deviceId ? await tx.device.findFirst({ where: { id: input.deviceId, orgId: scope.orgId } }) : null;
    let id = input.deviceId;
    if (id) {
      if (!before) throw new AppError("NOT_FOUND", "Device not found");
      const claimed = await tx.device.updateMany({ where: { id, orgId: scope.orgId, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 }, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
      if (claimed.count !== 1) throw new AppError("CONFLICT", "This device was changed by someone else since you opened it.");
    } else {
      id = (await tx.device.create({ data: { orgId: scope.orgId, ...data, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } })).id;
    }
    await audit(tx, scope, { action: before ? "device.updated" : "device.created", entityType: "Device", entityId: id, before: before ? deviceFacts(before) : undefined, after: data });
    await recomputeAccounts(tx, scope.orgId, await accountsUsingDevices(tx, scope.orgId, [id]), { today: utcToday(), ...actorOf(scope) });
    await refreshPersonAccess(tx, scope.orgId, [...new Set([before?.holderId, input.holderId].filter((p): p is string => !!p))]);
  });
  await withCurrentValues(edit, async () => {
    const d = input.deviceId ? await dbFor(scope).device.findFirst({ where: { id: input.deviceId, orgId: scope.orgId } }) : null;
    return d && { version: String(d.version), kind: d.kind, label: d.label ?? "", holderId: d.holderId ?? "", skipOtpOnBrowser: d.skipOtpOnBrowser ? "yes" : "no" };
  });
}

/** Removes a device; the 2SV methods on it stay, without a device (the login still has the method). */
export async function removeDevice(scope: Scope, input: RemoveDeviceInput): Promise<void> {
  assertCanEditPeople(scope);
  await dbFor(scope).$transaction(async (tx) => {
    const before = await tx.device.findFirst({ where: { id: input.deviceId, orgId: scope.orgId } });
    if (!before) throw new AppError("NOT_FOUND", "Device not found");
    const touched = await accountsUsingDevices(tx, scope.orgId, [before.id]);
    const removed = await tx.device.deleteMany({ where: { id: before.id, orgId: scope.orgId, version: input.version } });
    if (removed.count !== 1) throw new AppError("CONFLICT", "This device was changed by someone else since you opened it.");
    await audit(tx, scope, { action: "device.removed", entityType: "Device", entityId: before.id, before: deviceFacts(before) });
    await recomputeAccounts(tx, scope.orgId, touched, { today: utcToday(), ...actorOf(scope) });
    if (before.holderId) await refreshPersonAccess(tx, scope.orgId, [before.holderId]);
  });
}
