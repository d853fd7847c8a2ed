import "server-only";
import { randomUUID } from "node:crypto";
import type { AccountPlan, UpsertPlan } from "@/lib/snapshots/plan";
import type { AppAuthorization, AuthorizedPartner, Login, SellerAccount } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import type { DataSource } from "../generated/enums";
import { insertRows, type Column } from "./insert";

// Applies an upsert plan inside the caller's transaction. Only what the plan says changed is written:
// an unchanged login, partner or app keeps its row (and so its findings, reviews and offboarding tasks);
// a changed login keeps its row and gets its users, 2SV methods and permissions rewritten. New rows of
// every account are gathered and inserted set-based at the end (insert.ts).

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

type Row = Record<string, string | boolean | string[] | Date | null>;
const table = (spec: [string, Column<Row>["type"]][]): Column<Row>[] => spec.map(([name, type]) => ({ name, type, value: (r) => r[name] ?? null }));
const PROVENANCE: [string, Column<Row>["type"]][] = [["orgId", "text"], ["source", { enum: "DataSource" }], ["verifiedById", "text"]];
const TABLES: Record<string, { columns: Column<Row>[]; now?: string[] }> = {
  Person: { columns: table([["id", "text"], ["externalId", "text"], ["name", "text"], ["external", "boolean"], ["company", "text"], ["departedAt", "timestamptz"], ...PROVENANCE]) },
  Device: { columns: table([["id", "text"], ["externalId", "text"], ["kind", { enum: "DeviceKind" }], ["label", "text"], ["holderId", "text"], ["skipOtpOnBrowser", "boolean"], ...PROVENANCE]) },
  SellerAccount: {
    columns: table([["id", "text"], ["externalId", "text"], ["clientId", "text"], ["storeName", "text"], ["sellerId", "text"], ["region", "text"], ["marketplaces", "textList"],
      ["plan", { enum: "Plan" }], ["status", { enum: "AccountStatus" }], ["lastVerifiedAt", "timestamptz"], ...PROVENANCE]),
    now: ["updatedAt"],
  },
  Login: {
    columns: table([["id", "text"], ["externalId", "text"], ["accountId", "text"], ["role", { enum: "LoginRole" }], ["email", "text"], ["personId", "text"], ["status", { enum: "LoginStatus" }],
      ["invitedAt", "timestamptz"], ["acceptedAt", "timestamptz"], ["lastLoginAt", "timestamptz"], ["passwordChangedAt", "timestamptz"], ["passwordReused", "boolean"], ...PROVENANCE]),
    now: ["updatedAt"],
  },
  LoginUser: { columns: table([["orgId", "text"], ["loginId", "text"], ["personId", "text"]]) },
  TwoStepMethod: { columns: table([["id", "text"], ["loginId", "text"], ["kind", { enum: "TwoStepKind" }], ["role", { enum: "MethodRole" }], ["deviceId", "text"], ["phoneLast4", "text"], ...PROVENANCE]) },
  PermissionGrant: { columns: table([["id", "text"], ["loginId", "text"], ["toolId", "text"], ["level", { enum: "PermissionLevel" }], ["marketplace", "text"], ...PROVENANCE]) },
  AuthorizedPartner: { columns: table([["id", "text"], ["externalId", "text"], ["accountId", "text"], ["company", "text"], ["linkSentAt", "timestamptz"], ["acceptedAt", "timestamptz"], ...PROVENANCE]) },
  AppAuthorization: {
    columns: table([["id", "text"], ["externalId", "text"], ["accountId", "text"], ["appName", "text"], ["developer", "text"], ["authorizedAt", "timestamptz"], ["expiresAt", "timestamptz"], ...PROVENANCE]),
  },
  OtherAccess: { columns: table([["id", "text"], ["accountId", "text"], ["personId", "text"], ["console", { enum: "OtherConsole" }], ["role", "text"], ...PROVENANCE]) },
};
// Parents before children (foreign keys are checked per statement).
const ORDER = ["Person", "Device", "SellerAccount", "Login", "LoginUser", "TwoStepMethod", "PermissionGrant", "AuthorizedPartner", "AppAuthorization", "OtherAccess"];

/** New rows gathered table by table, then written set-based. */
export class NewRows {
  private rows = new Map<string, Row[]>(ORDER.map((t) => [t, []]));
  constructor(private ctx: ApplyContext) {}

  add(tableName: string, row: Row): void {
    this.rows.get(tableName)!.push({ orgId: this.ctx.orgId, source: this.ctx.source, verifiedById: this.ctx.verifiedById, ...row });
  }

  async write(tx: Tx): Promise<void> {
    for (const name of ORDER) {
      const rows = this.rows.get(name)!;
      if (rows.length) await insertRows(tx, name, TABLES[name].columns, rows, TABLES[name].now);
      this.rows.set(name, []);
    }
  }
}

const personFields = (p: UpsertPlan["people"]["created"][number]) => ({ name: p.name, external: p.external, company: p.company, departedAt: day(p.departedAt) });

export async function applyPeopleAndDevices(tx: Tx, plan: UpsertPlan, ctx: ApplyContext): Promise<{ created: string[]; updatedPeople: string[]; devices: string[] }> {
  const { orgId, source, verifiedById } = ctx;
  const rows = new NewRows(ctx);
  const created: string[] = [];
  for (const p of plan.people.created) {
    const id = randomUUID();
    ctx.personDb.set(p.id, id);
    created.push(id);
    rows.add("Person", { id, externalId: p.id, ...personFields(p) });
  }
  for (const d of plan.devices.created) ctx.deviceDb.set(d.id, randomUUID());
  const holder = (id: string | null) => (id === null ? null : ctx.personDb.get(id)!);
  for (const d of plan.devices.created)
    rows.add("Device", { id: ctx.deviceDb.get(d.id)!, externalId: d.id, kind: d.kind, label: d.label, holderId: holder(d.holderId), skipOtpOnBrowser: d.skipOtpOnBrowser });
  await rows.write(tx);
  for (const { id, record: p } of plan.people.updated) await tx.person.update({ where: { id, orgId }, data: { ...personFields(p), source, verifiedById } });
  for (const { id, record: d } of plan.devices.updated)
    await tx.device.update({ where: { id, orgId }, data: { kind: d.kind, label: d.label, holderId: holder(d.holderId), skipOtpOnBrowser: d.skipOtpOnBrowser, source, verifiedById } });
  // New people and devices are only on this file's accounts; changed ones may be on others too.
  return { created, updatedPeople: plan.people.updated.map((u) => u.id), devices: plan.devices.updated.map((u) => u.id) };
}

const accountFields = (a: SellerAccount) => ({
  storeName: a.storeName, sellerId: a.sellerId, region: a.region, marketplaces: a.marketplaces, plan: a.plan, status: a.status, lastVerifiedAt: day(a.lastVerifiedAt),
});
const loginFields = (l: Login, ctx: ApplyContext) => ({
  role: l.role, email: l.email, personId: ctx.personDb.get(l.personId)!, status: l.status, invitedAt: day(l.invitedAt), acceptedAt: day(l.acceptedAt),
  lastLoginAt: day(l.lastLoginAt), passwordChangedAt: day(l.passwordChangedAt), passwordReused: l.passwordReused,
});
const partnerFields = (p: AuthorizedPartner) => ({ company: p.company, linkSentAt: day(p.linkSentAt), acceptedAt: day(p.acceptedAt) });
const appFields = (a: AppAuthorization) => ({ appName: a.name, developer: a.developer, authorizedAt: day(a.authorizedAt), expiresAt: day(a.expiresAt) });

/** A login's users, methods and permissions as new rows. */
function addLoginChildren(rows: NewRows, loginId: string, l: Login, ctx: ApplyContext): void {
  for (const user of new Set(l.usedBy)) rows.add("LoginUser", { loginId, personId: ctx.personDb.get(user)! });
  for (const m of l.twoStep)
    rows.add("TwoStepMethod", { id: randomUUID(), loginId, kind: m.kind, role: m.role, deviceId: m.deviceId ? ctx.deviceDb.get(m.deviceId)! : null, phoneLast4: m.phoneLast4 });
  for (const g of l.permissions) rows.add("PermissionGrant", { id: randomUUID(), loginId, toolId: g.tool, level: g.level, marketplace: g.marketplace });
}

function addLogin(rows: NewRows, accountId: string, l: Login, ctx: ApplyContext): void {
  const id = randomUUID();
  rows.add("Login", { id, externalId: l.id, accountId, ...loginFields(l, ctx) });
  addLoginChildren(rows, id, l, ctx);
}

/** New accounts with everything on them; returns their database ids. */
export function addCreatedAccounts(rows: NewRows, plans: AccountPlan[], ctx: ApplyContext): string[] {
  return plans.map(({ account: a }) => {
    const accountId = randomUUID();
    rows.add("SellerAccount", { id: accountId, externalId: a.id, clientId: ctx.clientId ?? null, ...accountFields(a) });
    for (const l of a.logins) addLogin(rows, accountId, l, ctx);
    for (const p of a.partners) rows.add("AuthorizedPartner", { id: randomUUID(), externalId: p.id, accountId, ...partnerFields(p) });
    for (const app of a.apps) rows.add("AppAuthorization", { id: randomUUID(), externalId: app.id, accountId, ...appFields(app) });
    for (const o of a.otherAccess) rows.add("OtherAccess", { id: randomUUID(), accountId, personId: ctx.personDb.get(o.personId)!, console: o.console, role: o.role });
    return accountId;
  });
}

/** An existing account the file changes: fields, then each kind of record by external id; the version moves on once. */
export async function applyUpdatedAccount(tx: Tx, rows: NewRows, plan: AccountPlan, ctx: ApplyContext): Promise<void> {
  const { orgId, source, verifiedById } = ctx;
  const accountId = plan.id!;
  const a = plan.account;
  await tx.sellerAccount.update({
    where: { id: accountId, orgId },
    data: {
      version: { increment: 1 },
      ...(plan.fieldsChanged ? { ...accountFields(a), source, verifiedById } : {}),
      ...(plan.clientChanged ? { clientId: ctx.clientId ?? null } : {}),
    },
  });

  const { logins, partners, apps } = plan;
  if (logins.removed.length) await tx.login.deleteMany({ where: { orgId, accountId, id: { in: logins.removed.map((r) => r.id) } } });
  if (logins.updated.length) {
    const ids = logins.updated.map((u) => u.id);
    await tx.loginUser.deleteMany({ where: { orgId, loginId: { in: ids } } });
    await tx.twoStepMethod.deleteMany({ where: { orgId, loginId: { in: ids } } });
    await tx.permissionGrant.deleteMany({ where: { orgId, loginId: { in: ids } } });
    for (const { id, record } of logins.updated) {
      await tx.login.update({ where: { id, orgId }, data: { ...loginFields(record, ctx), source, verifiedById } });
      addLoginChildren(rows, id, record, ctx);
    }
  }
  for (const l of logins.created) addLogin(rows, accountId, l, ctx);

  if (partners.removed.length) await tx.authorizedPartner.deleteMany({ where: { orgId, accountId, id: { in: partners.removed.map((r) => r.id) } } });
  for (const { id, record } of partners.updated) await tx.authorizedPartner.update({ where: { id, orgId }, data: { ...partnerFields(record), source, verifiedById } });
  for (const p of partners.created) rows.add("AuthorizedPartner", { id: randomUUID(), externalId: p.id, accountId, ...partnerFields(p) });

  if (apps.removed.length) await tx.appAuthorization.deleteMany({ where: { orgId, accountId, id: { in: apps.removed.map((r) => r.id) } } });
  for (const { id, record } of apps.updated) await tx.appAuthorization.update({ where: { id, orgId }, data: { ...appFields(record), source, verifiedById } });
  for (const app of apps.created) rows.add("AppAuthorization", { id: randomUUID(), externalId: app.id, accountId, ...appFields(app) });

  if (plan.otherAccessChanged) {
    await tx.otherAccess.deleteMany({ where: { orgId, accountId } });
    for (const o of a.otherAccess) rows.add("OtherAccess", { id: randomUUID(), accountId, personId: ctx.personDb.get(o.personId)!, console: o.console, role: o.role });
  }
}
