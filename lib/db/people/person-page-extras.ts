import "server-only";
import { dateToDay } from "@/lib/validation/record-fields";
import type { Provenance } from "../accounts/account-provenance";
import type { DeviceKind } from "../generated/enums";
import { labelMap, labelsSql, type LabelRow } from "../labels";
import type { Scope } from "../scope";
import { dbFor } from "../tenant";
import type { PersonRemoval } from "./person-records";

// The person page's provenance and — for those who edit people — its forms' values and choices, in ONE
// statement, with the evidence labels and the hand-over candidates (decision 028; it was up to twelve).

export interface PersonEditing {
  values: Record<string, string>;
  removal: PersonRemoval;
  devices: { id: string; version: number; kind: DeviceKind; label: string | null; holderId: string | null; skipOtpOnBrowser: boolean; source: Provenance["source"] }[];
  /** Someone else in the organisation to merge into this person (the merge form searches /api/people). */
  hasOthers: boolean;
}

interface RawPersonExtras {
  version: number;
  name: string;
  email: string | null;
  company: string | null;
  external: boolean;
  departedAt: Date | null;
  source: Provenance["source"];
  verifiedAt: Date | null;
  verifiedBy: string | null;
  removal: PersonRemoval | null;
  devices: PersonEditing["devices"] | null;
  hasOthers: boolean | null;
  candidates: HandoverCandidate[];
  labels: LabelRow[];
}

export type HandoverCandidate = { id: string; name: string; email: string | null };

// $1 org, $2 person, $3 editing, $4 accounts with an open hand-over (empty: none), $5 the caller sees every
// client, $6 evidence ids to label. The CASEs keep the form and candidate subqueries from running when unused.
// Hand-over candidates as listHandoverCandidates finds them: current staff (not external, not departed) who
// hold or use a login on one of those accounts, or, for callers who see every client, work at the leaver's
// company; by name, at most 100.
export const PERSON_EXTRAS_SQL = `
SELECT p.version, p.name, p.email, p.company, p.external, p."departedAt", p.source, p."verifiedAt",
  (SELECT u.name FROM "Membership" mb JOIN "User" u ON u.id = mb."userId" WHERE mb."orgId" = $1 AND mb."userId" = p."verifiedById") AS "verifiedBy",
  CASE WHEN $3 THEN json_build_object(
    'ownedLogins', (SELECT count(*)::int FROM "Login" WHERE "orgId" = $1 AND "personId" = p.id),
    'loginUses', (SELECT count(*)::int FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" WHERE lu."orgId" = $1 AND lu."personId" = p.id AND l."personId" <> p.id),
    'otherAccess', (SELECT count(*)::int FROM "OtherAccess" WHERE "orgId" = $1 AND "personId" = p.id),
    'devices', (SELECT count(*)::int FROM "Device" WHERE "orgId" = $1 AND "holderId" = p.id)
  ) END AS removal,
  CASE WHEN $3 THEN (SELECT coalesce(json_agg(json_build_object('id', d.id, 'version', d.version, 'kind', d.kind, 'label', d.label, 'holderId', d."holderId",
      'skipOtpOnBrowser', d."skipOtpOnBrowser", 'source', d.source) ORDER BY d."createdAt", d.id), '[]')
    FROM "Device" d WHERE d."orgId" = $1 AND d."holderId" = p.id) END AS devices,
  -- Whether the merge form has anyone to offer; the devices' holder is this person and the pickers search
  -- /api/people, so no list of people is read (it was the first 500 by name, aggregated and parsed per view).
  CASE WHEN $3 THEN EXISTS (SELECT 1 FROM "Person" o WHERE o."orgId" = $1 AND o.id <> p.id) END AS "hasOthers",
  CASE WHEN cardinality($4::text[]) > 0 THEN (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'email', c.email) ORDER BY c.name, c.id), '[]') FROM (
      SELECT c.id, c.name, c.email FROM "Person" c
       WHERE c."orgId" = $1 AND c.id <> p.id AND NOT c.external AND c."departedAt" IS NULL AND (
         EXISTS (SELECT 1 FROM "Login" l WHERE l."orgId" = $1 AND l."personId" = c.id AND l."accountId" = ANY($4::text[]))
         OR EXISTS (SELECT 1 FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" WHERE lu."orgId" = $1 AND lu."personId" = c.id AND l."accountId" = ANY($4::text[]))
         OR ($5 AND c.company = p.company))
       ORDER BY c.name, c.id LIMIT 100
    ) c) ELSE '[]' END AS candidates,
  (SELECT coalesce(json_agg(x), '[]') FROM (${labelsSql(6)}) x) AS labels
FROM "Person" p WHERE p.id = $2 AND p."orgId" = $1`;

/** Null when the person is not in the caller's organisation; `editing` null unless asked for. */
export async function getPersonPageExtras(
  scope: Scope,
  personId: string,
  want: { editing: boolean; handoverAccounts: string[]; labelIds: string[] },
): Promise<{ provenance: Provenance; editing: PersonEditing | null; candidates: HandoverCandidate[]; labels: Map<string, string> } | null> {
  const [row] = await dbFor(scope).$queryRawUnsafe<RawPersonExtras[]>(PERSON_EXTRAS_SQL, scope.orgId, personId, want.editing, want.handoverAccounts, scope.clientIds === null, want.labelIds);
  if (!row) return null;
  return {
    provenance: { source: row.source, verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy },
    editing: want.editing && row.removal && row.devices && row.hasOthers !== null
      ? {
          values: { version: String(row.version), name: row.name, email: row.email ?? "", company: row.company ?? "", external: row.external ? "yes" : "no", departedAt: dateToDay(row.departedAt) },
          removal: row.removal,
          devices: row.devices,
          hasOthers: row.hasOthers,
        }
      : null,
    candidates: row.candidates,
    labels: labelMap(row.labels),
  };
}
