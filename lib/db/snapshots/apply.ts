import "server-only";
import { randomUUID } from "node:crypto";
import type { AccountPlan, UpsertPlan } from "@/lib/snapshots/plan";
import type { AppAuthorization, AuthorizedPartner, Login, OtherAccess } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import type { DataSource } from "../generated/enums";
import type { Prisma } from "../generated/client";
import { writeSnapshot } from "../snapshot-import";

// Applies an upsert plan inside the caller's transaction. Only what the plan says changed is written:
// an unchanged login, partner or app keeps its row (and so its findings, reviews and offboarding tasks);
// a changed login keeps its row and gets its users, 2SV methods and permissions rewritten.

const day = (value: string | null | undefined): Date | null => (value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null);

export interface ApplyContext {
  orgId: string;
  source: DataSource;
  verifiedById: string | null;
  clientId: string | null | undefined;
  /** External id → database id of every person and device the file refers to (filled in as they are created). */
  personDb: Map<string, string>;
  deviceDb: Map<string, string>;
}

export async function applyPeopleAndDevices(tx: Tx, plan: UpsertPlan, ctx: ApplyContext): Promise<{ people: string[]; devices: string[] }> {
  const { orgId, source, verifiedById } = ctx;
  const people: string[] = [];
  const created = plan.people.created.map((p) => {
    const id = randomUUID();
    ctx.personDb.set(p.id, id);
    people.push(id);
    return { id, externalId: p.id, orgId, name: p.name, external: p.external, company: p.company, departedAt: day(p.departedAt), source, verifiedById };
  });
  if (created.length) await tx.person.createMany({ data: created });
  for (const { id, record: p } of plan.people.updated) {
    await tx.person.update({ where: { id, orgId }, data: { name: p.name, external: p.external, company: p.company, departedAt: day(p.departedAt), source, verifiedById } });
    people.push(id);
  }
  const holder = (id: string | null) => (id === null ? null : ctx.personDb.get(id)!);
  const devices: string[] = [];
  const newDevices = plan.devices.created.map((d) => {
    const id = randomUUID();
    ctx.deviceDb.set(d.id, id);
    devices.push(id);
    return { id, externalId: d.id, orgId, kind: d.kind, label: d.label, holderId: holder(d.holderId), skipOtpOnBrowser: d.skipOtpOnBrowser, source, verifiedById };
  });
  if (newDevices.length) await tx.device.createMany({ data: newDevices });
  for (const { id, record: d } of plan.devices.updated) {
    await tx.device.update({ where: { id, orgId }, data: { kind: d.kind, label: d.label, holderId: holder(d.holderId), skipOtpOnBrowser: d.skipOtpOnBrowser, source, verifiedById } });
    devices.push(id);
  }
  return { people, devices };
}

/** New accounts: the same set-based writer as the first import, with people and devices already resolved. */
export async function applyCreatedAccounts(tx: Tx, plans: AccountPlan[], ctx: ApplyContext): Promise<string[]> {
  if (plans.length === 0) return [];
  const ids = new Map<string, string>();
  const idFor = (kind: string, id: string) => {
    if (kind === "person") return ctx.personDb.get(id)!;
    if (kind === "device") return ctx.deviceDb.get(id)!;
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return ids.get(key)!;
  };
  const { accountIds } = await writeSnapshot(
    tx,
    ctx.orgId,
    { format: "gatehouse.snapshot/v1", people: [], devices: [], accounts: plans.map((p) => p.account) },
    { idFor, source: ctx.source, clientIdFor: () => ctx.clientId ?? null, verifiedById: ctx.verifiedById },
  );
  return accountIds;
}

function loginData(l: Login, ctx: ApplyContext) {
  return {
    role: l.role, email: l.email, personId: ctx.personDb.get(l.personId)!, status: l.status, invitedAt: day(l.invitedAt), acceptedAt: day(l.acceptedAt),
    lastLoginAt: day(l.lastLoginAt), passwordChangedAt: day(l.passwordChangedAt), passwordReused: l.passwordReused, source: ctx.source, verifiedById: ctx.verifiedById,
  };
}

/** A login's users, methods and permissions as rows (written after the login itself). */
function loginChildren(loginId: string, l: Login, ctx: ApplyContext, rows: { users: Prisma.LoginUserCreateManyInput[]; methods: Prisma.TwoStepMethodCreateManyInput[]; grants: Prisma.PermissionGrantCreateManyInput[] }) {
  const { orgId, source, verifiedById } = ctx;
  for (const user of new Set(l.usedBy)) rows.users.push({ orgId, loginId, personId: ctx.personDb.get(user)! });
  for (const m of l.twoStep)
    rows.methods.push({ orgId, loginId, kind: m.kind, role: m.role, deviceId: m.deviceId ? ctx.deviceDb.get(m.deviceId)! : null, phoneLast4: m.phoneLast4, source, verifiedById });
  for (const g of l.permissions) rows.grants.push({ orgId, loginId, toolId: g.tool, level: g.level, marketplace: g.marketplace, source, verifiedById });
}

const partnerData = (p: AuthorizedPartner, ctx: ApplyContext) => ({ company: p.company, linkSentAt: day(p.linkSentAt), acceptedAt: day(p.acceptedAt), source: ctx.source, verifiedById: ctx.verifiedById });
const appData = (a: AppAuthorization, ctx: ApplyContext) => ({
  appName: a.name, developer: a.developer, authorizedAt: day(a.authorizedAt), expiresAt: day(a.expiresAt), source: ctx.source, verifiedById: ctx.verifiedById,
});
const otherData = (o: OtherAccess, accountId: string, ctx: ApplyContext) => ({
  orgId: ctx.orgId, accountId, personId: ctx.personDb.get(o.personId)!, console: o.console, role: o.role, source: ctx.source, verifiedById: ctx.verifiedById,
});

/** Existing accounts the file changes: fields, then each kind of record by external id; the version moves on once. */
export async function applyUpdatedAccount(tx: Tx, plan: AccountPlan, ctx: ApplyContext): Promise<void> {
  const { orgId } = ctx;
  const accountId = plan.id!;
  const a = plan.account;
  await tx.sellerAccount.update({
    where: { id: accountId, orgId },
    data: {
      version: { increment: 1 },
      ...(plan.fieldsChanged
        ? { storeName: a.storeName, sellerId: a.sellerId, region: a.region, marketplaces: a.marketplaces, plan: a.plan, status: a.status, lastVerifiedAt: day(a.lastVerifiedAt), source: ctx.source, verifiedById: ctx.verifiedById }
        : {}),
      ...(plan.clientChanged ? { clientId: ctx.clientId ?? null } : {}),
    },
  });

  const { logins, partners, apps } = plan;
  if (logins.removed.length) await tx.login.deleteMany({ where: { orgId, accountId, id: { in: logins.removed.map((r) => r.id) } } });
  const rows = { users: [] as Prisma.LoginUserCreateManyInput[], methods: [] as Prisma.TwoStepMethodCreateManyInput[], grants: [] as Prisma.PermissionGrantCreateManyInput[] };
  if (logins.updated.length) {
    const ids = logins.updated.map((u) => u.id);
    await tx.loginUser.deleteMany({ where: { orgId, loginId: { in: ids } } });
    await tx.twoStepMethod.deleteMany({ where: { orgId, loginId: { in: ids } } });
    await tx.permissionGrant.deleteMany({ where: { orgId, loginId: { in: ids } } });
    for (const { id, record } of logins.updated) {
      await tx.login.update({ where: { id, orgId }, data: loginData(record, ctx) });
      loginChildren(id, record, ctx, rows);
    }
  }
  if (logins.created.length) {
    const created = logins.created.map((l) => ({ id: randomUUID(), externalId: l.id, orgId, accountId, ...loginData(l, ctx) }));
    await tx.login.createMany({ data: created });
    created.forEach((row, i) => loginChildren(row.id, logins.created[i], ctx, rows));
  }
  if (rows.users.length) await tx.loginUser.createMany({ data: rows.users });
  if (rows.methods.length) await tx.twoStepMethod.createMany({ data: rows.methods });
  if (rows.grants.length) await tx.permissionGrant.createMany({ data: rows.grants });

  if (partners.removed.length) await tx.authorizedPartner.deleteMany({ where: { orgId, accountId, id: { in: partners.removed.map((r) => r.id) } } });
  for (const { id, record } of partners.updated) await tx.authorizedPartner.update({ where: { id, orgId }, data: partnerData(record, ctx) });
  if (partners.created.length)
    await tx.authorizedPartner.createMany({ data: partners.created.map((p) => ({ externalId: p.id, orgId, accountId, ...partnerData(p, ctx) })) });

  if (apps.removed.length) await tx.appAuthorization.deleteMany({ where: { orgId, accountId, id: { in: apps.removed.map((r) => r.id) } } });
  for (const { id, record } of apps.updated) await tx.appAuthorization.update({ where: { id, orgId }, data: appData(record, ctx) });
  if (apps.created.length) await tx.appAuthorization.createMany({ data: apps.created.map((p) => ({ externalId: p.id, orgId, accountId, ...appData(p, ctx) })) });

  if (plan.otherAccessChanged) {
    await tx.otherAccess.deleteMany({ where: { orgId, accountId } });
    if (a.otherAccess.length) await tx.otherAccess.createMany({ data: a.otherAccess.map((o) => otherData(o, accountId, ctx)) });
  }
}
