import "server-only";
import type { Snapshot } from "@/lib/validation/snapshot";
import type { Db } from "./client";
import { refreshPersonAccess } from "./people/person-access";

// Loads large generated portfolios for benchmarks and the generator command: unnest()-based multi-row
// INSERTs in chunks (Prisma's createMany needs ~1.5 GB per 100k rows; this stays flat).

interface Column {
  name: string;
  type: string;
  /** SQL over the unnested value `v`, when the stored form differs (arrays, enums, dates). */
  expr?: (v: string) => string;
}

const CHUNK = 10_000;
// A bare date means midnight UTC, whatever the session's time zone.
const ts = (v: string) => `(CASE WHEN length(${v}) = 10 THEN ${v} || 'T00:00:00Z' ELSE ${v} END)::timestamptz`;
const cast = (type: string) => (v: string) => `${v}::"${type}"`;

async function insertRows(db: Db, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((_, i) => chunk.map((row) => row[i]));
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const aliases = columns.map((_, i) => `c${i}`);
    const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    const select = columns.map((c, i) => (c.expr ? c.expr(`t.${aliases[i]}`) : `t.${aliases[i]}`)).join(", ");
    await db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases.join(", ")})`, ...params);
  }
}

export async function bulkLoadSnapshot(db: Db, orgId: string, snapshot: Snapshot, options: { idPrefix: string; clientIdFor?: (index: number) => string | null }): Promise<void> {
  const id = (raw: string) => `${options.idPrefix}${raw}`;
  const text = "text";
  await insertRows(db, "Person", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "name", type: text }, { name: "external", type: "boolean" },
    { name: "company", type: text }, { name: "departedAt", type: text, expr: ts }, { name: "source", type: text, expr: cast("DataSource") },
  ], snapshot.people.map((p) => [id(p.id), p.id, orgId, p.name, p.external, p.company, p.departedAt, "SEED"]));
  await insertRows(db, "Device", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "kind", type: text, expr: cast("DeviceKind") }, { name: "label", type: text },
    { name: "holderId", type: text }, { name: "skipOtpOnBrowser", type: "boolean" }, { name: "source", type: text, expr: cast("DataSource") },
  ], snapshot.devices.map((d) => [id(d.id), d.id, orgId, d.kind, d.label, d.holderId ? id(d.holderId) : null, d.skipOtpOnBrowser, "SEED"]));
  await insertRows(db, "SellerAccount", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "clientId", type: text }, { name: "storeName", type: text }, { name: "sellerId", type: text },
    { name: "region", type: text }, { name: "marketplaces", type: text, expr: (v) => `string_to_array(${v}, ',')` }, { name: "plan", type: text, expr: cast("Plan") },
    { name: "status", type: text, expr: cast("AccountStatus") }, { name: "lastVerifiedAt", type: text, expr: ts }, { name: "source", type: text, expr: cast("DataSource") },
    { name: "updatedAt", type: text, expr: () => "now()" },
  ], snapshot.accounts.map((a, i) => [id(a.id), a.id, orgId, options.clientIdFor?.(i) ?? null, a.storeName, a.sellerId, a.region, a.marketplaces.join(","), a.plan, a.status, a.lastVerifiedAt, "SEED", ""]));

  const logins: unknown[][] = [], users: unknown[][] = [], methods: unknown[][] = [], grants: unknown[][] = [], partners: unknown[][] = [], apps: unknown[][] = [], other: unknown[][] = [];
  for (const a of snapshot.accounts) {
    for (const l of a.logins) {
      const loginId = id(`${a.id}/${l.id}`);
      logins.push([loginId, l.id, orgId, id(a.id), l.role, l.email, id(l.personId), l.status, l.invitedAt, l.acceptedAt, l.lastLoginAt, l.passwordChangedAt, l.passwordReused, "SEED", ""]);
      for (const u of new Set(l.usedBy)) users.push([orgId, loginId, id(u)]);
      l.twoStep.forEach((m, i) => methods.push([`${loginId}/m${i}`, orgId, loginId, m.kind, m.role, m.deviceId ? id(m.deviceId) : null, m.phoneLast4, "SEED"]));
      l.permissions.forEach((g, i) => grants.push([`${loginId}/g${i}`, orgId, loginId, g.tool, g.level, g.marketplace, "SEED"]));
    }
    for (const p of a.partners) partners.push([id(`${a.id}/${p.id}`), p.id, orgId, id(a.id), p.company, p.linkSentAt, p.acceptedAt, "SEED"]);
    for (const app of a.apps) apps.push([id(`${a.id}/${app.id}`), app.id, orgId, id(a.id), app.name, app.developer, app.authorizedAt, app.expiresAt, "SEED"]);
    a.otherAccess.forEach((o, i) => other.push([id(`${a.id}/o${i}`), orgId, id(a.id), id(o.personId), o.console, o.role, "SEED"]));
  }
  await insertRows(db, "Login", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "accountId", type: text }, { name: "role", type: text, expr: cast("LoginRole") },
    { name: "email", type: text }, { name: "personId", type: text }, { name: "status", type: text, expr: cast("LoginStatus") },
    { name: "invitedAt", type: text, expr: ts }, { name: "acceptedAt", type: text, expr: ts }, { name: "lastLoginAt", type: text, expr: ts },
    { name: "passwordChangedAt", type: text, expr: ts }, { name: "passwordReused", type: "boolean" }, { name: "source", type: text, expr: cast("DataSource") },
    { name: "updatedAt", type: text, expr: () => "now()" },
  ], logins);
  await insertRows(db, "LoginUser", [{ name: "orgId", type: text }, { name: "loginId", type: text }, { name: "personId", type: text }], users);
  await insertRows(db, "TwoStepMethod", [
    { name: "id", type: text }, { name: "orgId", type: text }, { name: "loginId", type: text }, { name: "kind", type: text, expr: cast("TwoStepKind") },
    { name: "role", type: text, expr: cast("MethodRole") }, { name: "deviceId", type: text }, { name: "phoneLast4", type: text }, { name: "source", type: text, expr: cast("DataSource") },
  ], methods);
  await insertRows(db, "PermissionGrant", [
    { name: "id", type: text }, { name: "orgId", type: text }, { name: "loginId", type: text }, { name: "toolId", type: text },
    { name: "level", type: text, expr: cast("PermissionLevel") }, { name: "marketplace", type: text }, { name: "source", type: text, expr: cast("DataSource") },
  ], grants);
  await insertRows(db, "AuthorizedPartner", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "accountId", type: text }, { name: "company", type: text },
    { name: "linkSentAt", type: text, expr: ts }, { name: "acceptedAt", type: text, expr: ts }, { name: "source", type: text, expr: cast("DataSource") },
  ], partners);
  await insertRows(db, "AppAuthorization", [
    { name: "id", type: text }, { name: "externalId", type: text }, { name: "orgId", type: text }, { name: "accountId", type: text }, { name: "appName", type: text }, { name: "developer", type: text },
    { name: "authorizedAt", type: text, expr: ts }, { name: "expiresAt", type: text, expr: ts }, { name: "source", type: text, expr: cast("DataSource") },
  ], apps);
  await insertRows(db, "OtherAccess", [
    { name: "id", type: text }, { name: "orgId", type: text }, { name: "accountId", type: text }, { name: "personId", type: text },
    { name: "console", type: text, expr: cast("OtherConsole") }, { name: "role", type: text }, { name: "source", type: text, expr: cast("DataSource") },
  ], other);
  // Fresh statistics, or the planner guesses with empty ones and picks sequential scans.
  for (const table of ["Person", "Device", "SellerAccount", "Login", "LoginUser", "TwoStepMethod", "PermissionGrant", "AuthorizedPartner", "AppAuthorization", "OtherAccess"])
    await db.$executeRawUnsafe(`ANALYZE "${table}"`);
  await refreshPersonAccess((text, params) => db.$queryRawUnsafe(text, ...params), orgId, null);
  await db.$executeRawUnsafe(`ANALYZE "PersonAccess"`);
}
