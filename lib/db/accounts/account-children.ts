import "server-only";
import { AppError, withCurrentValues } from "@/lib/errors";
import type { RemoveAccountChildInput, SaveAppInput, SaveOtherAccessInput, SavePartnerInput } from "@/lib/validation/account-children";
import { dateToDay, dayToDate } from "@/lib/validation/record-fields";
import type { Tx } from "../client";
import { recorderId, accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { audit, writeAccountData } from "../write-context";
import { assertPersonInOrg } from "./login-records";

// Authorized Partners, app authorisations and Ads / Brand Registry access, typed in on the account page.
// They hang off the account, so its version guards them: a stale form is refused with the current values.

const FORM = (scope: Scope) => ({ source: "FORM" as const, verifiedById: recorderId(scope), verifiedAt: new Date() });

async function currentOf(scope: Scope, accountId: string, read: (tx: Tx) => Promise<Record<string, string> | null>) {
  return dbFor(scope).$transaction(async (tx) => {
    const account = await tx.sellerAccount.findFirst({ where: { id: accountId, ...accountScopeWhere(scope) }, select: { version: true } });
    if (!account) return null;
    return { version: String(account.version), ...((await read(tx)) ?? {}) };
  });
}

export async function savePartner(scope: Scope, input: SavePartnerInput): Promise<void> {
  const data = { company: input.company, linkSentAt: dayToDate(input.linkSentAt), acceptedAt: dayToDate(input.acceptedAt) };
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    if (input.partnerId) {
      const before = await tx.authorizedPartner.findFirst({ where: { id: input.partnerId, accountId: input.accountId, orgId: scope.orgId } });
      if (!before) throw new AppError("NOT_FOUND", "Partner not found");
      const after = await tx.authorizedPartner.update({ where: { id: before.id }, data: { ...data, ...FORM(scope) } });
      await audit(tx, scope, { action: "partner.updated", entityType: "AuthorizedPartner", entityId: before.id, accountId: input.accountId, before: { company: before.company, linkSentAt: before.linkSentAt, acceptedAt: before.acceptedAt }, after: data });
      return { value: after.id };
    }
    const created = await tx.authorizedPartner.create({ data: { orgId: scope.orgId, accountId: input.accountId, ...data, ...FORM(scope) } });
    await audit(tx, scope, { action: "partner.created", entityType: "AuthorizedPartner", entityId: created.id, accountId: input.accountId, after: { ...data, source: "FORM" } });
    return { value: created.id };
  });
  await withCurrentValues(edit, () =>
    currentOf(scope, input.accountId, async (tx) => {
      const p = input.partnerId ? await tx.authorizedPartner.findFirst({ where: { id: input.partnerId, orgId: scope.orgId } }) : null;
      return p && { company: p.company, linkSentAt: dateToDay(p.linkSentAt), acceptedAt: dateToDay(p.acceptedAt) };
    }),
  );
}

export async function saveApp(scope: Scope, input: SaveAppInput): Promise<void> {
  const data = { appName: input.appName, developer: input.developer, authorizedAt: dayToDate(input.authorizedAt), expiresAt: dayToDate(input.expiresAt) };
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    if (input.appId) {
      const before = await tx.appAuthorization.findFirst({ where: { id: input.appId, accountId: input.accountId, orgId: scope.orgId } });
      if (!before) throw new AppError("NOT_FOUND", "App not found");
      await tx.appAuthorization.update({ where: { id: before.id }, data: { ...data, ...FORM(scope) } });
      await audit(tx, scope, { action: "app.updated", entityType: "AppAuthorization", entityId: before.id, accountId: input.accountId, before: { appName: before.appName, developer: before.developer, authorizedAt: before.authorizedAt, expiresAt: before.expiresAt }, after: data });
      return { value: before.id };
    }
    const created = await tx.appAuthorization.create({ data: { orgId: scope.orgId, accountId: input.accountId, ...data, ...FORM(scope) } });
    await audit(tx, scope, { action: "app.created", entityType: "AppAuthorization", entityId: created.id, accountId: input.accountId, after: { ...data, source: "FORM" } });
    return { value: created.id };
  });
  await withCurrentValues(edit, () =>
    currentOf(scope, input.accountId, async (tx) => {
      const a = input.appId ? await tx.appAuthorization.findFirst({ where: { id: input.appId, orgId: scope.orgId } }) : null;
      return a && { appName: a.appName, developer: a.developer ?? "", authorizedAt: dateToDay(a.authorizedAt), expiresAt: dateToDay(a.expiresAt) };
    }),
  );
}

export async function saveOtherAccess(scope: Scope, input: SaveOtherAccessInput): Promise<void> {
  const data = { personId: input.personId, console: input.console, role: input.role };
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    await assertPersonInOrg(tx, scope, input.personId);
    if (input.otherAccessId) {
      const before = await tx.otherAccess.findFirst({ where: { id: input.otherAccessId, accountId: input.accountId, orgId: scope.orgId } });
      if (!before) throw new AppError("NOT_FOUND", "Access not found");
      await tx.otherAccess.update({ where: { id: before.id }, data: { ...data, ...FORM(scope) } });
      await audit(tx, scope, { action: "otherAccess.updated", entityType: "OtherAccess", entityId: before.id, accountId: input.accountId, before: { personId: before.personId, console: before.console, role: before.role }, after: data });
      return { value: before.id };
    }
    const created = await tx.otherAccess.create({ data: { orgId: scope.orgId, accountId: input.accountId, ...data, ...FORM(scope) } });
    await audit(tx, scope, { action: "otherAccess.created", entityType: "OtherAccess", entityId: created.id, accountId: input.accountId, after: { ...data, source: "FORM" } });
    return { value: created.id };
  });
  await withCurrentValues(edit, () =>
    currentOf(scope, input.accountId, async (tx) => {
      const o = input.otherAccessId ? await tx.otherAccess.findFirst({ where: { id: input.otherAccessId, orgId: scope.orgId } }) : null;
      return o && { personId: o.personId, console: o.console, role: o.role };
    }),
  );
}

export async function removeAccountChild(scope: Scope, input: RemoveAccountChildInput): Promise<void> {
  const edit = writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const where = { id: input.id, accountId: input.accountId, orgId: scope.orgId };
    const before =
      input.kind === "partner" ? await tx.authorizedPartner.findFirst({ where })
      : input.kind === "app" ? await tx.appAuthorization.findFirst({ where })
      : await tx.otherAccess.findFirst({ where });
    if (!before) throw new AppError("NOT_FOUND", "Not found");
    if (input.kind === "partner") await tx.authorizedPartner.delete({ where: { id: input.id } });
    else if (input.kind === "app") await tx.appAuthorization.delete({ where: { id: input.id } });
    else await tx.otherAccess.delete({ where: { id: input.id } });
    const entityType = { partner: "AuthorizedPartner", app: "AppAuthorization", otherAccess: "OtherAccess" }[input.kind];
    await audit(tx, scope, { action: `${input.kind}.removed`, entityType, entityId: input.id, accountId: input.accountId, before });
    return { value: undefined };
  });
  await withCurrentValues(edit, () => currentOf(scope, input.accountId, async () => null));
}
