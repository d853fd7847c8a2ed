import "server-only";
import type { ItemDraft } from "@/lib/reviews";
import type { Tx } from "../client";

// At start a campaign freezes one item per access path of each account, as the data is at that moment:
// every login still holding access (active or invited) with its levels, every Authorized Partner, every
// app authorisation, every Ads / Brand Registry access.

export async function freezeItems(tx: Tx, orgId: string, accountIds: string[]): Promise<ItemDraft[]> {
  const where = { orgId, accountId: { in: accountIds } };
  // One after another: a transaction is one connection, which runs one query at a time (decision 076).
  const logins = await tx.login.findMany({
    where: { ...where, status: { in: ["ACTIVE", "INVITED"] } },
    select: { id: true, accountId: true, email: true, role: true, status: true, personId: true, person: { select: { name: true, email: true, external: true } }, permissions: { select: { toolId: true, marketplace: true, level: true }, orderBy: [{ toolId: "asc" }, { marketplace: "asc" }] } },
    orderBy: [{ accountId: "asc" }, { role: "asc" }, { email: "asc" }],
  });
  const partners = await tx.authorizedPartner.findMany({ where, select: { id: true, accountId: true, company: true, acceptedAt: true, linkSentAt: true, rights: true }, orderBy: { company: "asc" } });
  const apps = await tx.appAuthorization.findMany({ where, select: { id: true, accountId: true, appName: true, developer: true, expiresAt: true, roles: true }, orderBy: { appName: "asc" } });
  const others = await tx.otherAccess.findMany({ where, select: { id: true, accountId: true, console: true, role: true, personId: true, person: { select: { name: true, email: true } } }, orderBy: { console: "asc" } });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return [
    ...logins.map((l) => ({
      accountId: l.accountId, kind: "LOGIN" as const, subjectId: l.id, label: l.email ?? l.person.name,
      personId: l.personId, personEmail: l.person.email,
      detail: { email: l.email, person: l.person.name, external: l.person.external, role: l.role, status: l.status, grants: l.permissions.filter((g) => g.level !== "NONE").map((g) => ({ tool: g.toolId, marketplace: g.marketplace, level: g.level })) },
    })),
    ...partners.map((p) => ({
      accountId: p.accountId, kind: "PARTNER" as const, subjectId: p.id, label: p.company, personId: null, personEmail: null,
      detail: { acceptedAt: day(p.acceptedAt), linkSentAt: day(p.linkSentAt), rights: p.rights },
    })),
    ...apps.map((a) => ({
      accountId: a.accountId, kind: "APP" as const, subjectId: a.id, label: a.appName, personId: null, personEmail: null,
      detail: { developer: a.developer, expiresAt: day(a.expiresAt), roles: a.roles },
    })),
    ...others.map((o) => ({
      accountId: o.accountId, kind: "OTHER_ACCESS" as const, subjectId: o.id, label: `${o.person.name} (${o.console})`,
      personId: o.personId, personEmail: o.person.email,
      detail: { console: o.console, role: o.role.toUpperCase(), person: o.person.name },
    })),
  ];
}
