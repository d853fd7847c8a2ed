import "server-only";
import { dateToDay } from "@/lib/validation/record-fields";
import type { Provenance } from "./account-provenance";
import type { AccountRemoval } from "./account-records";
import { labelMap, labelsSql, type LabelRow } from "../labels";
import type { Scope } from "../scope";
import { dbFor } from "../tenant";

// Everything the account page shows or edits beyond ACCOUNT_PAGE_SQL, in ONE statement whatever the
// number of logins (decision 028): provenance with the verifiers' names, and — only for those who can
// edit or see reports — the forms' choices, the removal counts and the kept reports. It replaced 14–18
// small statements and a count of every client's accounts over the whole organisation. The client select
// gets only the account's own client: the rest (~400 in the bench organisation, ~30 kB of flight) are
// fetched from /api/clients?all=1 when the user opens it (decision 034, stop 28).

const REPORTS_LIMIT = 20;

export interface AccountReportRow {
  id: string;
  format: "PDF" | "XLSX" | "CSV";
  locale: string;
  createdAt: string;
  sha256: string;
}

export interface AccountPageExtras {
  provenance: { account: Provenance; logins: Map<string, Provenance>; children: Map<string, Provenance> };
  /** Null unless asked for (writers only). */
  editing: {
    /** The account's own client only (none, or one): the form fetches the others when its select is opened. */
    clients: { id: string; name: string }[];
    removal: AccountRemoval;
    loginValues: Map<string, Record<string, string>>;
    people: { id: string; name: string }[];
  } | null;
  /** Null unless asked for (Owners and Admins outside a portal). */
  reports: AccountReportRow[] | null;
  /** Display names of the people and devices the findings' evidence names. */
  labels: Map<string, string>;
}

interface RawProvenance {
  id: string;
  kind: "login" | "child";
  source: Provenance["source"];
  verifiedAt: string | null;
  verifiedBy: string | null;
}

interface RawLoginForm {
  id: string;
  role: string;
  email: string | null;
  personId: string;
  status: string;
  invitedAt: string | null;
  acceptedAt: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  passwordReused: boolean;
  usedBy: string[];
}

interface RawExtras {
  source: Provenance["source"];
  lastVerifiedAt: Date | null;
  verifiedBy: string | null;
  children: RawProvenance[];
  removal: AccountRemoval | null;
  clients: { id: string; name: string }[] | null;
  loginForms: RawLoginForm[] | null;
  people: { id: string; name: string; company: string | null }[] | null;
  reports: AccountReportRow[] | null;
  labels: LabelRow[];
}

// The verifier's name only when they are a member of this organisation (users are not tenant rows).
const VERIFIER = (column: string) =>
  `(SELECT u.name FROM "Membership" mb JOIN "User" u ON u.id = mb."userId" WHERE mb."orgId" = $1 AND mb."userId" = ${column})`;
const CHILD = (table: string, kind: string, join: string) =>
  `SELECT '${kind}' AS kind, x.id, x.source, x."verifiedAt", x."verifiedById" FROM "${table}" x ${join} WHERE x."orgId" = $1`;

// $1 org, $2 the Manager's clients (null: all), $3 account, $4 editing, $5 reports, $6 evidence ids to label.
// CASE keeps the editing and report subqueries from running for readers.
export const ACCOUNT_EXTRAS_SQL = `
WITH acc AS (
  SELECT a.id, a."clientId", a.source, a."lastVerifiedAt", a."verifiedById" FROM "SellerAccount" a
   WHERE a.id = $3 AND a."orgId" = $1 AND ($2::text[] IS NULL OR a."clientId" = ANY($2::text[]))
), kids AS (
  ${CHILD("Login", "login", `JOIN acc ON x."accountId" = acc.id`)}
  UNION ALL ${CHILD("TwoStepMethod", "child", `JOIN "Login" l ON l.id = x."loginId" AND l."orgId" = $1 JOIN acc ON l."accountId" = acc.id`)}
  UNION ALL ${CHILD("AuthorizedPartner", "child", `JOIN acc ON x."accountId" = acc.id`)}
  UNION ALL ${CHILD("AppAuthorization", "child", `JOIN acc ON x."accountId" = acc.id`)}
  UNION ALL ${CHILD("OtherAccess", "child", `JOIN acc ON x."accountId" = acc.id`)}
)
SELECT acc.source, acc."lastVerifiedAt", ${VERIFIER(`acc."verifiedById"`)} AS "verifiedBy",
  (SELECT coalesce(json_agg(json_build_object('id', k.id, 'kind', k.kind, 'source', k.source, 'verifiedAt', k."verifiedAt",
          'verifiedBy', ${VERIFIER(`k."verifiedById"`)})), '[]') FROM kids k) AS children,
  CASE WHEN $4 THEN json_build_object(
    'logins', (SELECT count(*)::int FROM kids WHERE kind = 'login'),
    'methods', (SELECT count(*)::int FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId" WHERE m."orgId" = $1 AND l."orgId" = $1 AND l."accountId" = acc.id),
    'grants', (SELECT count(*)::int FROM "PermissionGrant" g JOIN "Login" l ON l.id = g."loginId" WHERE g."orgId" = $1 AND l."orgId" = $1 AND l."accountId" = acc.id),
    'partners', (SELECT count(*)::int FROM "AuthorizedPartner" WHERE "orgId" = $1 AND "accountId" = acc.id),
    'apps', (SELECT count(*)::int FROM "AppAuthorization" WHERE "orgId" = $1 AND "accountId" = acc.id),
    'otherAccess', (SELECT count(*)::int FROM "OtherAccess" WHERE "orgId" = $1 AND "accountId" = acc.id),
    'findings', (SELECT count(*)::int FROM "Finding" WHERE "orgId" = $1 AND "accountId" = acc.id)
  ) END AS removal,
  CASE WHEN $4 THEN (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name, c.id), '[]')
    FROM "Client" c WHERE c.id = acc."clientId" AND c."orgId" = $1 AND ($2::text[] IS NULL OR c.id = ANY($2::text[]))) END AS clients,
  CASE WHEN $4 THEN (SELECT coalesce(json_agg(json_build_object('id', l.id, 'role', l.role, 'email', l.email, 'personId', l."personId",
      'status', l.status, 'invitedAt', l."invitedAt", 'acceptedAt', l."acceptedAt", 'lastLoginAt', l."lastLoginAt",
      'passwordChangedAt', l."passwordChangedAt", 'passwordReused', l."passwordReused",
      'usedBy', (SELECT coalesce(array_agg(lu."personId" ORDER BY lu."personId"), '{}') FROM "LoginUser" lu WHERE lu."loginId" = l.id AND lu."orgId" = $1))), '[]')
    FROM "Login" l WHERE l."orgId" = $1 AND l."accountId" = acc.id) END AS "loginForms",
  -- The names the login forms show for the people already chosen: everyone who owns or uses a login of this
  -- account (the forms' person fields search /api/people for anyone else). It was the first 500 people by
  -- name besides, read, parsed and sorted on every view for nothing shown, and it missed a shared user outside them.
  CASE WHEN $4 THEN (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'company', p.company) ORDER BY p.name, p.id), '[]')
    FROM "Person" p WHERE p."orgId" = $1 AND p.id IN (
      SELECT "personId" FROM "Login" WHERE "orgId" = $1 AND "accountId" = acc.id
      UNION SELECT lu."personId" FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" AND l."orgId" = $1 WHERE lu."orgId" = $1 AND l."accountId" = acc.id)
  ) END AS people,
  CASE WHEN $5 THEN (SELECT coalesce(json_agg(r ORDER BY r."createdAt" DESC), '[]') FROM (
      SELECT id, format, locale, "createdAt", sha256 FROM "Report" WHERE "orgId" = $1 AND "accountId" = acc.id ORDER BY "createdAt" DESC LIMIT ${REPORTS_LIMIT}
    ) r) END AS reports,
  (SELECT coalesce(json_agg(x), '[]') FROM (${labelsSql(6)}) x) AS labels
FROM acc`;

const provenanceOf = (source: Provenance["source"], verifiedAt: string | Date | null, verifiedBy: string | null): Provenance => ({
  source,
  verifiedAt: verifiedAt === null ? null : new Date(verifiedAt),
  verifiedBy,
});
const day = (iso: string | null) => dateToDay(iso === null ? null : new Date(iso));

/** The account page's provenance, forms and evidence labels in one statement; null when the account is not in scope. */
export async function getAccountPageExtras(scope: Scope, accountId: string, want: { editing: boolean; reports: boolean; labelIds: string[] }): Promise<AccountPageExtras | null> {
  const [row] = await dbFor(scope).$queryRawUnsafe<RawExtras[]>(ACCOUNT_EXTRAS_SQL, scope.orgId, scope.clientIds, accountId, want.editing, want.reports, want.labelIds);
  if (!row) return null;
  const logins = row.children.filter((c) => c.kind === "login");
  const children = row.children.filter((c) => c.kind === "child");
  return {
    provenance: {
      account: provenanceOf(row.source, row.lastVerifiedAt, row.verifiedBy),
      logins: new Map(logins.map((c) => [c.id, provenanceOf(c.source, c.verifiedAt, c.verifiedBy)])),
      children: new Map(children.map((c) => [c.id, provenanceOf(c.source, c.verifiedAt, c.verifiedBy)])),
    },
    editing: want.editing && row.removal && row.clients && row.loginForms && row.people
      ? {
          clients: row.clients,
          removal: row.removal,
          loginValues: new Map(row.loginForms.map((l) => [l.id, {
            role: l.role, email: l.email ?? "", personId: l.personId, status: l.status, invitedAt: day(l.invitedAt), acceptedAt: day(l.acceptedAt),
            lastLoginAt: day(l.lastLoginAt), passwordChangedAt: day(l.passwordChangedAt), passwordReused: l.passwordReused ? "yes" : "no",
            sharedWith: l.usedBy.filter((id) => id !== l.personId).join(","),
          }])),
          people: row.people.map((p) => ({ id: p.id, name: p.company ? `${p.name} (${p.company})` : p.name })),
        }
      : null,
    reports: want.reports ? row.reports : null,
    labels: labelMap(row.labels),
  };
}
