import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import { dateToDay } from "@/lib/validation/record-fields";
import { loginEmailKey } from "@/lib/validation/record-identity";
import type { CreateLoginInput, RemoveLoginInput } from "@/lib/validation/login-form";
import type { Tx } from "../client";
import type { Login } from "../generated/client";
import { assertNameFreeOrConfirmed } from "../people/same-named-people";
import { recorderId, accountScopeWhere, type Scope } from "../scope";
import { clientReach } from "../client-reach";
import { dbFor } from "../tenant";
import { accountsUsingDevices, audit, writeAccountData } from "../write-context";

// Logins typed in on the account page: added (with their person, new or known), edited (account-writes'
// updateLogin) and removed with their 2SV methods and grants. All through writeAccountData: the
// account's version, findings, and people's access totals move in the same transaction.

export async function assertPersonInOrg(tx: Tx, scope: Scope, personId: string) {
  const person = await tx.person.findFirst({ where: { id: personId, orgId: scope.orgId }, select: { id: true } });
  // A client-scoped member knows only the people its clients' accounts reach (decision 082): another is as unknown.
  const unseen = person && scope.clientIds && !(await clientReach(tx, scope.orgId, scope.clientIds, { people: [personId], devices: [] })).seen.people.has(personId);
  if (!person || unseen) throw new AppError("INVALID_INPUT", "Unknown person", { personId: "validation.unknownPerson" });
}

/** Seller Central has one primary user per account. */
export async function assertNoOtherPrimary(tx: Tx, scope: Scope, accountId: string, exceptLoginId?: string) {
  const other = await tx.login.findFirst({ where: { orgId: scope.orgId, accountId, role: "PRIMARY", ...(exceptLoginId ? { id: { not: exceptLoginId } } : {}) }, select: { id: true } });
  if (other) throw new AppError("INVALID_INPUT", "The account already has a primary login", { role: "validation.onePrimary" });
}

/**
 * One Seller Central user per e-mail: a second login with the same address on one account (in any case) is the same
 * user typed twice. A removed login does not count: the user may be invited again and recorded anew. Compared in
 * JavaScript on the account's few logins, not with Prisma's case-insensitive `equals`, which becomes ILIKE and reads
 * `_` in an address as a wildcard (`sato_h@` matched `sato.h@`). Called inside writeAccountData, which holds the
 * account's row lock, so two forms cannot both pass.
 */
export async function assertEmailFreeOnAccount(tx: Tx, scope: Scope, accountId: string, email: string | null, exceptLoginId?: string) {
  const key = loginEmailKey(email);
  if (key === null) return;
  const others = await tx.login.findMany({
    where: { orgId: scope.orgId, accountId, email: { not: null }, status: { not: "REMOVED" }, ...(exceptLoginId ? { id: { not: exceptLoginId } } : {}) },
    select: { email: true },
  });
  if (others.some((other) => loginEmailKey(other.email) === key))
    throw new AppError("INVALID_INPUT", "The account already has a login with this e-mail", { email: "validation.loginEmailTaken" });
}

/** What an audit event keeps of a login: its facts, never anything secret (there is nothing secret stored). */
export function loginFacts(l: Login) {
  return {
    role: l.role, email: l.email, personId: l.personId, status: l.status, invitedAt: l.invitedAt, acceptedAt: l.acceptedAt,
    lastLoginAt: l.lastLoginAt, passwordChangedAt: l.passwordChangedAt, passwordReused: l.passwordReused, source: l.source,
  };
}

/** The login edit form's values as they are now, with the account's version (shown beside a stale form's). */
export async function loginFormValues(scope: Scope, accountId: string, loginId: string): Promise<Record<string, string> | null> {
  const db = dbFor(scope);
  const [account, l] = await Promise.all([
    db.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { version: true } }),
    db.login.findFirst({ where: { id: loginId, accountId, orgId: scope.orgId }, include: { person: { select: { name: true, company: true } } } }),
  ]);
  if (!account || !l) return null;
  return {
    // The owner's name beside the id: a stale form shows who it is now, not an id.
    version: String(account.version), role: l.role, email: l.email ?? "", personId: l.personId, personIdLabel: l.person.company ? `${l.person.name} (${l.person.company})` : l.person.name, status: l.status, invitedAt: dateToDay(l.invitedAt),
    acceptedAt: dateToDay(l.acceptedAt), lastLoginAt: dateToDay(l.lastLoginAt), passwordChangedAt: dateToDay(l.passwordChangedAt), passwordReused: l.passwordReused ? "yes" : "no",
  };
}

const day = (v: string | null) => (v === null ? null : new Date(`${v}T00:00:00Z`));

export async function createLogin(scope: Scope, input: CreateLoginInput): Promise<{ id: string }> {
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    if (input.role === "PRIMARY") await assertNoOtherPrimary(tx, scope, input.accountId);
    // A removed login does not count (assertEmailFreeOnAccount), whether it is the other one or this one.
    if (input.status !== "REMOVED") await assertEmailFreeOnAccount(tx, scope, input.accountId, input.email);
    let personId = input.personId;
    if (personId) await assertPersonInOrg(tx, scope, personId);
    else {
      await assertNameFreeOrConfirmed(tx, scope, { name: input.personName!, confirmation: input, field: "personName", key: "validation.loginPersonNameTaken" });
      const person = await tx.person.create({ data: { orgId: scope.orgId, name: input.personName!, external: input.personExternal, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date() } });
      await audit(tx, scope, { action: "person.created", entityType: "Person", entityId: person.id, after: { name: person.name, external: person.external, source: "FORM" } });
      personId = person.id;
    }
    const login = await tx.login.create({
      data: {
        orgId: scope.orgId, accountId: input.accountId, role: input.role, email: input.email, personId, status: input.status,
        invitedAt: day(input.invitedAt), acceptedAt: day(input.acceptedAt), lastLoginAt: day(input.lastLoginAt), passwordChangedAt: day(input.passwordChangedAt),
        passwordReused: input.passwordReused, source: "FORM", verifiedById: recorderId(scope), verifiedAt: new Date(),
      },
    });
    await tx.loginUser.create({ data: { orgId: scope.orgId, loginId: login.id, personId } });
    await audit(tx, scope, { action: "login.created", entityType: "Login", entityId: login.id, accountId: input.accountId, after: loginFacts(login) });
    return { value: { id: login.id } };
  });
  return edit;
}

/** What goes with a login: its 2SV methods and permission grants (the confirmation names them). */
export async function loginRemovalPreview(scope: Scope, loginId: string) {
  const db = dbFor(scope);
  const [methods, grants] = await Promise.all([db.twoStepMethod.count({ where: { orgId: scope.orgId, loginId } }), db.permissionGrant.count({ where: { orgId: scope.orgId, loginId } })]);
  return { methods, grants };
}

export async function removeLogin(scope: Scope, input: RemoveLoginInput): Promise<void> {
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const login = await tx.login.findFirst({ where: { id: input.loginId, accountId: input.accountId, orgId: scope.orgId } });
    if (!login) throw new AppError("NOT_FOUND", "Login not found");
    const methods = await tx.twoStepMethod.findMany({ where: { orgId: scope.orgId, loginId: login.id } });
    const grants = await tx.permissionGrant.findMany({ where: { orgId: scope.orgId, loginId: login.id }, select: { toolId: true, level: true, marketplace: true } });
    const touched = await accountsUsingDevices(tx, scope.orgId, methods.map((m) => m.deviceId));
    await tx.login.delete({ where: { id: login.id } });
    await audit(tx, scope, {
      action: "login.removed", entityType: "Login", entityId: login.id, accountId: input.accountId,
      before: { ...loginFacts(login), twoStep: methods.map((m) => ({ kind: m.kind, role: m.role, deviceId: m.deviceId, phoneLast4: m.phoneLast4 })), permissions: grants },
    });
    return { value: undefined, alsoTouches: touched };
  });
  return withCurrentValues(edit, async () => {
    const account = await dbFor(scope).sellerAccount.findFirst({ where: { id: input.accountId, ...accountScopeWhere(scope) }, select: { version: true } });
    return account && { version: String(account.version) };
  });
}
