import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import { latestDayAnywhere } from "@/lib/days";
import { passwordChangedDateError, type AddTwoStepMethodInput, type UpdateLoginInput, type UpdateTwoStepMethodInput } from "@/lib/validation/account-edits";
import type { Tx } from "../client";
import { recorderId, type Scope } from "../scope";
import { accountsUsingDevices, audit, writeAccountData } from "../write-context";
import { loginEmailKey, sameTwoStepMethod, type TwoStepIdentity } from "@/lib/validation/record-identity";
import { assertEmailFreeOnAccount, assertNoOtherPrimary, assertPersonInOrg, loginFacts, loginFormValues } from "./login-records";
import { clientReach } from "../client-reach";

async function loginOnAccount(tx: Tx, scope: Scope, accountId: string, loginId: string) {
  const login = await tx.login.findFirst({ where: { id: loginId, accountId, orgId: scope.orgId } });
  if (!login) throw new AppError("NOT_FOUND", "Login not found");
  return login;
}

export async function addTwoStepMethod(scope: Scope, input: AddTwoStepMethodInput) {
  return writeAccountData(scope, input.accountId, input.version, async (tx) => {
    await loginOnAccount(tx, scope, input.accountId, input.loginId);
    await assertDeviceInOrg(tx, scope, input.deviceId);
    await assertMethodNotRecorded(tx, scope, input.loginId, input);
    if (input.role === "PRIMARY") await assertNoOtherPrimaryMethod(tx, scope, input.loginId);
    const method = await tx.twoStepMethod.create({
      data: {
        orgId: scope.orgId, loginId: input.loginId, kind: input.kind, role: input.role, label: input.label, phoneLast4: input.phoneLast4,
        deviceId: input.deviceId, addedAt: new Date(), source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date(),
      },
    });
    await audit(tx, scope, { action: "twoStepMethod.added", entityType: "TwoStepMethod", entityId: method.id, accountId: input.accountId, after: method });
    return { value: method.id, alsoTouches: await accountsUsingDevices(tx, scope.orgId, [input.deviceId]) };
  });
}

async function assertDeviceInOrg(tx: Tx, scope: Scope, deviceId: string | null) {
  if (!deviceId) return;
  const device = await tx.device.findFirst({ where: { id: deviceId, orgId: scope.orgId }, select: { id: true } });
  // A client-scoped member knows only the devices its clients' accounts use (decision 082): another is as unknown.
  const unseen = device && scope.clientIds && !(await clientReach(tx, scope.orgId, scope.clientIds, { people: [], devices: [deviceId] })).seen.devices.has(deviceId);
  if (!device || unseen) throw new AppError("INVALID_INPUT", "Unknown device", { deviceId: "validation.unknownDevice" });
}

/** The login's other methods hold no copy of this one (the account's row lock, held by writeAccountData, keeps it so). */
async function assertMethodNotRecorded(tx: Tx, scope: Scope, loginId: string, method: TwoStepIdentity, exceptMethodId?: string) {
  const others = await tx.twoStepMethod.findMany({
    where: { orgId: scope.orgId, loginId, ...(exceptMethodId ? { id: { not: exceptMethodId } } : {}) },
    select: { kind: true, phoneLast4: true, deviceId: true },
  });
  if (others.some((other) => sameTwoStepMethod(other, method)))
    throw new AppError("INVALID_INPUT", "This login already has this 2SV method", { kind: "validation.twoStepMethodTaken" });
}

/**
 * One preferred 2SV method per login, the others backups (DOMAIN.md); the snapshot check refuses a second one too
 * (onePrimaryMethod, lib/validation/snapshot-references.ts). Under the account's row lock, as above.
 */
async function assertNoOtherPrimaryMethod(tx: Tx, scope: Scope, loginId: string, exceptMethodId?: string) {
  const other = await tx.twoStepMethod.findFirst({ where: { orgId: scope.orgId, loginId, role: "PRIMARY", ...(exceptMethodId ? { id: { not: exceptMethodId } } : {}) }, select: { id: true } });
  if (other) throw new AppError("INVALID_INPUT", "This login already has a primary 2SV method", { role: "validation.onePrimaryMethod" });
}

const methodFacts = (m: { kind: string; role: string; label: string | null; phoneLast4: string | null; deviceId: string | null }) => ({
  kind: m.kind, role: m.role, label: m.label, phoneLast4: m.phoneLast4, deviceId: m.deviceId,
});

/** A recorded method corrected in place (a typo in its kind, role, label, digits or device). */
export async function updateTwoStepMethod(scope: Scope, input: UpdateTwoStepMethodInput) {
  return writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const before = await tx.twoStepMethod.findFirst({ where: { id: input.methodId, orgId: scope.orgId, login: { accountId: input.accountId } } });
    if (!before) throw new AppError("NOT_FOUND", "2SV method not found");
    await assertDeviceInOrg(tx, scope, input.deviceId);
    await assertMethodNotRecorded(tx, scope, before.loginId, input, before.id);
    // Only a method made primary: a login recorded with two before decision 074 can still have either corrected.
    if (input.role === "PRIMARY" && before.role !== "PRIMARY") await assertNoOtherPrimaryMethod(tx, scope, before.loginId, before.id);
    const after = await tx.twoStepMethod.update({
      where: { id: before.id },
      data: { kind: input.kind, role: input.role, label: input.label, phoneLast4: input.phoneLast4, deviceId: input.deviceId, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() },
    });
    await audit(tx, scope, { action: "twoStepMethod.updated", entityType: "TwoStepMethod", entityId: before.id, accountId: input.accountId, before: methodFacts(before), after: methodFacts(after) });
    return { value: undefined, alsoTouches: await accountsUsingDevices(tx, scope.orgId, [before.deviceId, input.deviceId]) };
  });
}

export async function removeTwoStepMethod(scope: Scope, accountId: string, version: number, methodId: string) {
  return writeAccountData(scope, accountId, version, async (tx) => {
    const method = await tx.twoStepMethod.findFirst({ where: { id: methodId, orgId: scope.orgId, login: { accountId } } });
    if (!method) throw new AppError("NOT_FOUND", "2SV method not found");
    const touched = await accountsUsingDevices(tx, scope.orgId, [method.deviceId]);
    await tx.twoStepMethod.delete({ where: { id: method.id } });
    await audit(tx, scope, { action: "twoStepMethod.removed", entityType: "TwoStepMethod", entityId: method.id, accountId, before: method });
    return { value: undefined, alsoTouches: touched };
  });
}

export async function updateLogin(scope: Scope, input: UpdateLoginInput) {
  const dateError = passwordChangedDateError(input.passwordChangedAt, latestDayAnywhere());
  if (dateError) throw new AppError("INVALID_INPUT", dateError, { passwordChangedAt: dateError });
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const before = await loginOnAccount(tx, scope, input.accountId, input.loginId);
    if (input.personId !== undefined && input.personId !== before.personId) await assertPersonInOrg(tx, scope, input.personId);
    if (input.role === "PRIMARY" && before.role !== "PRIMARY") await assertNoOtherPrimary(tx, scope, input.accountId, before.id);
    // A removed login does not count: checked when the e-mail changes, or when a removed login comes back.
    const email = input.email !== undefined ? input.email : before.email;
    if ((input.status ?? before.status) !== "REMOVED" && (loginEmailKey(email) !== loginEmailKey(before.email) || before.status === "REMOVED"))
      await assertEmailFreeOnAccount(tx, scope, input.accountId, email, before.id);
    const day = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`));
    const after = await tx.login.update({
      where: { id: before.id },
      data: {
        status: input.status,
        passwordChangedAt: day(input.passwordChangedAt),
        role: input.role, email: input.email, personId: input.personId,
        invitedAt: day(input.invitedAt), acceptedAt: day(input.acceptedAt), lastLoginAt: day(input.lastLoginAt), passwordReused: input.passwordReused,
        source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date(),
      },
    });
    if (input.personId !== undefined && input.personId !== before.personId) {
      // The login's owner is always among its users (usedBy defaults to [personId] in a snapshot).
      await tx.loginUser.deleteMany({ where: { loginId: before.id, personId: before.personId } });
      await tx.loginUser.upsert({ where: { loginId_personId: { loginId: before.id, personId: input.personId } }, create: { orgId: scope.orgId, loginId: before.id, personId: input.personId }, update: {} });
    }
    // Shared use (SHARED_PRIMARY_LOGIN): replaced as ticked, the owner always among the users.
    const usersBefore = (await tx.loginUser.findMany({ where: { loginId: before.id }, select: { personId: true } })).map((u) => u.personId).sort();
    let usersAfter = usersBefore;
    if (input.sharedWithSent) {
      const owner = input.personId ?? before.personId;
      const others = [...new Set((input.sharedWith ?? []).filter((id) => id !== owner))];
      const known = await tx.person.count({ where: { orgId: scope.orgId, id: { in: others } } });
      // As assertPersonInOrg: a client-scoped member knows only the people its clients' accounts reach.
      const unseen = scope.clientIds && others.length ? others.length - (await clientReach(tx, scope.orgId, scope.clientIds, { people: others, devices: [] })).seen.people.size : 0;
      if (known !== others.length || unseen > 0) throw new AppError("INVALID_INPUT", "Unknown person", { sharedWith: "validation.unknownPerson" });
      await tx.loginUser.deleteMany({ where: { loginId: before.id } });
      await tx.loginUser.createMany({ data: [owner, ...others].map((personId) => ({ orgId: scope.orgId, loginId: before.id, personId })) });
      usersAfter = [owner, ...others].sort();
    }
    await audit(tx, scope, {
      action: "login.updated", entityType: "Login", entityId: before.id, accountId: input.accountId,
      before: { ...loginFacts(before), usedBy: usersBefore }, after: { ...loginFacts(after), usedBy: usersAfter },
    });
    // A login's devices may carry other accounts' shared-device findings.
    const devices = await tx.twoStepMethod.findMany({ where: { loginId: before.id, orgId: scope.orgId }, select: { deviceId: true } });
    return { value: undefined, alsoTouches: await accountsUsingDevices(tx, scope.orgId, devices.map((d) => d.deviceId)) };
  });
  return withCurrentValues(edit, () => loginFormValues(scope, input.accountId, input.loginId));
}

/** "I checked this account's access data against Seller Central today." */
export async function markAccountVerified(scope: Scope, accountId: string, version: number) {
  return writeAccountData(scope, accountId, version, async (tx) => {
    const now = new Date();
    await tx.sellerAccount.update({ where: { id: accountId }, data: { lastVerifiedAt: now, verifiedById: recorderId(scope) } });
    await audit(tx, scope, { action: "account.verified", entityType: "SellerAccount", entityId: accountId, accountId, after: { lastVerifiedAt: now } });
    return { value: undefined };
  });
}
