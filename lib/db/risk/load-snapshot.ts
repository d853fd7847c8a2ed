import "server-only";
import type { Login, SellerAccount, Snapshot } from "@/lib/validation/snapshot";
import type { Tx } from "../client";

// Builds the risk engine's in-memory snapshot for some accounts of one organisation with a fixed
// number of set-based queries (never one per account). Logins elsewhere in the organisation that use
// the same 2SV devices come along as stub accounts, because device rules look across accounts.

const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

type Row = Record<string, any>;

export interface EvaluationSnapshot {
  snapshot: Snapshot;
  /** The accounts asked for (stub accounts are context only). */
  targets: Set<string>;
}

export async function loadEvaluationSnapshot(tx: Tx, orgId: string, accountIds: string[]): Promise<EvaluationSnapshot> {
  const q = <T extends Row>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, orgId, ...params);
  const [accounts, logins, usedBy, methods, grants, partners, apps, other] = await Promise.all([
    q(`SELECT id, "storeName", "sellerId", region, marketplaces, plan::text, status::text, ${day('"lastVerifiedAt"')} AS "lastVerifiedAt"
       FROM "SellerAccount" WHERE "orgId" = $1 AND id = ANY($2::text[]) ORDER BY id`, accountIds),
    q(`SELECT id, "accountId", role::text, email, "personId", status::text, ${day('"invitedAt"')} AS "invitedAt", ${day('"acceptedAt"')} AS "acceptedAt",
              ${day('"lastLoginAt"')} AS "lastLoginAt", ${day('"passwordChangedAt"')} AS "passwordChangedAt", "passwordReused"
       FROM "Login" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[]) ORDER BY "accountId", role, id`, accountIds),
    q(`SELECT lu."loginId", lu."personId" FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId"
       WHERE lu."orgId" = $1 AND l."orgId" = $1 AND l."accountId" = ANY($2::text[])`, accountIds),
    q(`SELECT m."loginId", m.kind::text, m.role::text, m."deviceId", m."phoneLast4" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId"
       WHERE m."orgId" = $1 AND l."orgId" = $1 AND l."accountId" = ANY($2::text[]) ORDER BY m.id`, accountIds),
    q(`SELECT g."loginId", g."toolId", g.level::text, g.marketplace FROM "PermissionGrant" g JOIN "Login" l ON l.id = g."loginId"
       WHERE g."orgId" = $1 AND l."orgId" = $1 AND l."accountId" = ANY($2::text[])`, accountIds),
    q(`SELECT id, "accountId", company, ${day('"linkSentAt"')} AS "linkSentAt", ${day('"acceptedAt"')} AS "acceptedAt"
       FROM "AuthorizedPartner" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])`, accountIds),
    q(`SELECT id, "accountId", "appName", developer, ${day('"authorizedAt"')} AS "authorizedAt", ${day('"expiresAt"')} AS "expiresAt"
       FROM "AppAuthorization" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])`, accountIds),
    q(`SELECT "accountId", "personId", console::text, role FROM "OtherAccess" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])`, accountIds),
  ]);

  const byLogin = <T extends Row>(rows: T[]) => group(rows, (r) => r.loginId as string);
  const usedByOf = byLogin(usedBy);
  const methodsOf = byLogin(methods);
  const grantsOf = byLogin(grants);
  const loginsOf = group(logins, (r) => r.accountId as string);
  const partnersOf = group(partners, (r) => r.accountId as string);
  const appsOf = group(apps, (r) => r.accountId as string);
  const otherOf = group(other, (r) => r.accountId as string);

  const snapshotAccounts: SellerAccount[] = accounts.map((a) => ({
    id: a.id, storeName: a.storeName, sellerId: a.sellerId, region: a.region, marketplaces: a.marketplaces, plan: a.plan, status: a.status,
    lastVerifiedAt: a.lastVerifiedAt,
    logins: (loginsOf.get(a.id) ?? []).map((l): Login => ({
      id: l.id, role: l.role, email: l.email, personId: l.personId, status: l.status, invitedAt: l.invitedAt, acceptedAt: l.acceptedAt,
      lastLoginAt: l.lastLoginAt, passwordChangedAt: l.passwordChangedAt, passwordReused: l.passwordReused,
      usedBy: usedByOf.get(l.id)?.map((u) => u.personId) ?? [l.personId],
      twoStep: (methodsOf.get(l.id) ?? []).map((m) => ({ kind: m.kind, role: m.role, deviceId: m.deviceId, phoneLast4: m.phoneLast4 })),
      permissions: (grantsOf.get(l.id) ?? []).map((g) => ({ tool: g.toolId, level: g.level, marketplace: g.marketplace })),
    })),
    partners: (partnersOf.get(a.id) ?? []).map((p) => ({ id: p.id, company: p.company, linkSentAt: p.linkSentAt, acceptedAt: p.acceptedAt })),
    apps: (appsOf.get(a.id) ?? []).map((p) => ({ id: p.id, name: p.appName, developer: p.developer, authorizedAt: p.authorizedAt, expiresAt: p.expiresAt })),
    otherAccess: (otherOf.get(a.id) ?? []).map((o) => ({ personId: o.personId, console: o.console, role: o.role })),
  }));

  const deviceIds = [...new Set(methods.map((m) => m.deviceId).filter((id): id is string => id !== null))];
  // Only devices that serve two or more people can produce device findings; a staff member's own phone
  // used on a thousand accounts needs no context at all.
  const shared = deviceIds.length
    ? (
        await q(`SELECT m."deviceId" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId"
                 WHERE m."orgId" = $1 AND m."deviceId" = ANY($2::text[]) AND l.status = 'ACTIVE'
                 GROUP BY m."deviceId" HAVING count(DISTINCT l."personId") > 1`, deviceIds)
      ).map((r) => r.deviceId as string)
    : [];
  const stubRows = shared.length
    ? await q(`SELECT DISTINCT l.id, l."accountId", l."personId", m."deviceId" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId"
               WHERE m."orgId" = $1 AND m."deviceId" = ANY($2::text[]) AND l.status = 'ACTIVE' AND NOT (l."accountId" = ANY($3::text[]))`, shared, accountIds)
    : [];
  const stubs = stubAccounts(stubRows);

  const personIds = new Set<string>();
  for (const l of logins) personIds.add(l.personId);
  for (const u of usedBy) personIds.add(u.personId);
  for (const o of other) personIds.add(o.personId);
  for (const s of stubRows) personIds.add(s.personId);
  const [devices, people] = await Promise.all([
    deviceIds.length ? q(`SELECT id, kind::text, label, "holderId", "skipOtpOnBrowser" FROM "Device" WHERE "orgId" = $1 AND id = ANY($2::text[])`, deviceIds) : [],
    personIds.size
      ? q(`SELECT id, name, external, company, ${day('"departedAt"')} AS "departedAt" FROM "Person" WHERE "orgId" = $1 AND id = ANY($2::text[])`, [...personIds])
      : [],
  ]);

  return {
    targets: new Set(accountIds),
    snapshot: {
      format: "gatehouse.snapshot/v1",
      people: people.map((p) => ({ id: p.id, name: p.name, external: p.external, company: p.company, departedAt: p.departedAt })),
      devices: devices.map((d) => ({ id: d.id, kind: d.kind, label: d.label, holderId: d.holderId, skipOtpOnBrowser: d.skipOtpOnBrowser })),
      accounts: [...snapshotAccounts, ...stubs],
    } as Snapshot,
  };
}

/** Just enough of the other accounts for device rules: their ACTIVE logins and the shared devices. */
function stubAccounts(rows: Row[]): SellerAccount[] {
  const accounts = new Map<string, Map<string, Login>>();
  for (const r of rows) {
    let logins = accounts.get(r.accountId);
    if (!logins) accounts.set(r.accountId, (logins = new Map()));
    let login = logins.get(r.id);
    if (!login) {
      login = {
        id: r.id, role: "SECONDARY", email: null, personId: r.personId, usedBy: [r.personId], status: "ACTIVE", invitedAt: null, acceptedAt: null,
        lastLoginAt: null, passwordChangedAt: null, passwordReused: false, twoStep: [], permissions: [],
      };
      logins.set(r.id, login);
    }
    login.twoStep.push({ kind: "SMS", role: "BACKUP", deviceId: r.deviceId, phoneLast4: null });
  }
  return [...accounts].map(([id, logins]) => ({
    id, storeName: "(context)", sellerId: null, region: "XX", marketplaces: [], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: null,
    logins: [...logins.values()], partners: [], apps: [], otherAccess: [],
  }));
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
