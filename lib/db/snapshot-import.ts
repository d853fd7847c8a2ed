import "server-only";
import type { Snapshot } from "@/lib/validation/snapshot";
import type { DataSource } from "./generated/enums";
import type { Prisma } from "./generated/client";
import type { Tx } from "./client";
import { refreshPersonAccess } from "./people/person-access";

export type IdKind = "account" | "person" | "device" | "login" | "method" | "grant" | "partner" | "app" | "other";

export interface WriteSnapshotOptions {
  /** Maps a snapshot id to a database id: random for imports, deterministic for the demo seed. */
  idFor: (kind: IdKind, snapshotId: string) => string;
  source: DataSource;
  /** Snapshot account id → client id (the snapshot format has no clients). */
  clientIdFor?: (snapshotAccountId: string) => string | null;
  verifiedById?: string | null;
  /** The external id a new account, person or device gets; the snapshot's own id unless the caller must rename (test factories). */
  externalIdFor?: (kind: "account" | "person" | "device", snapshotId: string) => string;
}

const day = (value: string | null | undefined): Date | null => (value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null);

/**
 * Writes every fact of a validated snapshot into one organisation, set-based (one createMany per
 * table). Each record keeps its snapshot id as its external id (shared/API.md). Runs inside the caller's transaction, so a failure leaves nothing behind.
 */
export async function writeSnapshot(tx: Tx, orgId: string, snapshot: Snapshot, options: WriteSnapshotOptions): Promise<{ accountIds: string[] }> {
  const { idFor, source } = options;
  const verifiedById = options.verifiedById ?? null;
  const personId = (id: string) => idFor("person", id);
  const deviceId = (id: string) => idFor("device", id);
  const ext = options.externalIdFor ?? ((_: string, id: string) => id);

  await tx.person.createMany({
    data: snapshot.people.map((p) => ({
      id: personId(p.id), externalId: ext("person", p.id), orgId, name: p.name, external: p.external, company: p.company, departedAt: day(p.departedAt), source, verifiedById,
    })),
  });
  await tx.device.createMany({
    data: snapshot.devices.map((d) => ({
      id: deviceId(d.id), externalId: ext("device", d.id), orgId, kind: d.kind, label: d.label, holderId: d.holderId ? personId(d.holderId) : null, skipOtpOnBrowser: d.skipOtpOnBrowser, source, verifiedById,
    })),
  });
  const accounts = snapshot.accounts.map((a) => ({
    id: idFor("account", a.id), externalId: ext("account", a.id), orgId, clientId: options.clientIdFor?.(a.id) ?? null, storeName: a.storeName, sellerId: a.sellerId,
    region: a.region, marketplaces: a.marketplaces, plan: a.plan, status: a.status, lastVerifiedAt: day(a.lastVerifiedAt), verifiedById, source,
  }));
  await tx.sellerAccount.createMany({ data: accounts });

  const logins: Prisma.LoginCreateManyInput[] = [];
  const usedBy: Prisma.LoginUserCreateManyInput[] = [];
  const methods: Prisma.TwoStepMethodCreateManyInput[] = [];
  const grants: Prisma.PermissionGrantCreateManyInput[] = [];
  const partners: Prisma.AuthorizedPartnerCreateManyInput[] = [];
  const apps: Prisma.AppAuthorizationCreateManyInput[] = [];
  const other: Prisma.OtherAccessCreateManyInput[] = [];
  for (const a of snapshot.accounts) {
    const accountId = idFor("account", a.id);
    for (const l of a.logins) {
      const loginId = idFor("login", `${a.id}/${l.id}`);
      logins.push({
        id: loginId, externalId: l.id, orgId, accountId, role: l.role, email: l.email, personId: personId(l.personId), status: l.status,
        invitedAt: day(l.invitedAt), acceptedAt: day(l.acceptedAt), lastLoginAt: day(l.lastLoginAt), passwordChangedAt: day(l.passwordChangedAt),
        passwordReused: l.passwordReused, source, verifiedById,
      });
      for (const user of new Set(l.usedBy)) usedBy.push({ orgId, loginId, personId: personId(user) });
      l.twoStep.forEach((m, i) =>
        methods.push({
          id: idFor("method", `${a.id}/${l.id}/${i}`), orgId, loginId, kind: m.kind, role: m.role, deviceId: m.deviceId ? deviceId(m.deviceId) : null,
          phoneLast4: m.phoneLast4, source, verifiedById,
        }),
      );
      l.permissions.forEach((g, i) =>
        grants.push({ id: idFor("grant", `${a.id}/${l.id}/${i}`), orgId, loginId, toolId: g.tool, level: g.level, marketplace: g.marketplace, source, verifiedById }),
      );
    }
    for (const p of a.partners)
      partners.push({ id: idFor("partner", `${a.id}/${p.id}`), externalId: p.id, orgId, accountId, company: p.company, linkSentAt: day(p.linkSentAt), acceptedAt: day(p.acceptedAt), source, verifiedById });
    for (const app of a.apps)
      apps.push({
        id: idFor("app", `${a.id}/${app.id}`), externalId: app.id, orgId, accountId, appName: app.name, developer: app.developer,
        authorizedAt: day(app.authorizedAt), expiresAt: day(app.expiresAt), source, verifiedById,
      });
    a.otherAccess.forEach((o, i) =>
      other.push({ id: idFor("other", `${a.id}/${i}`), orgId, accountId, personId: personId(o.personId), console: o.console, role: o.role, source, verifiedById }),
    );
  }
  await tx.login.createMany({ data: logins });
  await tx.loginUser.createMany({ data: usedBy });
  await tx.twoStepMethod.createMany({ data: methods });
  await tx.permissionGrant.createMany({ data: grants });
  await tx.authorizedPartner.createMany({ data: partners });
  await tx.appAuthorization.createMany({ data: apps });
  await tx.otherAccess.createMany({ data: other });
  await refreshPersonAccess(tx, orgId, snapshot.people.map((p) => personId(p.id)));
  return { accountIds: accounts.map((a) => a.id) };
}
