import "server-only";
import type { Login, SellerAccount, Snapshot } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import { sqlOf, type Sql } from "./sql";

// Builds the risk engine's in-memory snapshot for some accounts of one organisation in ONE statement
// (one round trip whatever the number of accounts). Each table comes back as a single json_agg text
// value of positional arrays: parsing one JSON string is far cheaper than turning tens of thousands of
// rows into objects in the driver and in Prisma, and it keeps memory flat. Logins elsewhere in the
// organisation that share 2SV devices come along as stub accounts, because device rules look across
// accounts.

type Json = any; // positional arrays from json_build_array, typed at the point of use

export interface ExistingFindingRow {
  id: string;
  accountId: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  status: "OPEN" | "RESOLVED" | "ACCEPTED";
  severity: string;
  evidence: string;
  evidenceData: unknown;
  acceptedUntil: string | null;
}

export interface EvaluationSnapshot {
  snapshot: Snapshot;
  /** The accounts asked for (stub accounts are context only). */
  targets: Set<string>;
  /** The accounts' stored findings, when asked for (same statement, same round trip). */
  findings: ExistingFindingRow[];
  /** The organisation's raw `settings` JSON, when asked for. */
  settings?: unknown;
  /** Each account's stored score and evaluatedOn ("YYYY-MM-DD" or null), when findings are asked for. */
  scores: Map<string, { score: number; evaluatedOn: string | null }>;
}

export interface LoadOptions {
  /** Also read the accounts' stored findings. */
  findings?: boolean;
  /** Also read the organisation's settings. */
  settings?: boolean;
  /**
   * The smallest and largest id of `accountIds` in the database's collation (a batch taken with
   * ORDER BY id). Purely a planner hint: the ids still filter. Without it a long id list is hidden from
   * the planner, whose row estimate for a large `= ANY(array)` otherwise picks sequential scans.
   */
  range?: [string, string];
  /**
   * Every device of the organisation that serves two or more people's ACTIVE logins, computed once by
   * a full recompute (loadSharedDevices) instead of per batch: agency staff's devices, used on logins
   * all over the organisation, would otherwise be looked up again in every batch.
   */
  sharedDevices?: string[];
}

// A bare date in UTC, rendered by json as "YYYY-MM-DD" (cheaper than to_char).
const day = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;
// Enum columns are cast to text first: json's own output of an enum value costs a catalogue look-up
// per value, which made up a good part of this statement's time.
const agg = (columns: string, order: string, from: string) => `(SELECT json_agg(json_build_array(${columns}) ORDER BY ${order}) FROM ${from})::text`;

// Up to this many ids the planner sees the list itself (and estimates it well); above it, hidden.
const VISIBLE_IDS = 100;

// Which of the accounts' devices serve two or more people's ACTIVE logins across the organisation.
function shared(options: LoadOptions): string {
  if (options.sharedDevices) {
    // Known for the whole organisation; devices shared among these accounts' own logins are added, so a
    // login added since that list was made is not missed.
    return `shared AS MATERIALIZED (SELECT array_agg(d) AS ids FROM (
      SELECT m."deviceId" FROM m JOIN l ON l.id = m."loginId" WHERE m."deviceId" IS NOT NULL AND l.status = 'ACTIVE'
      GROUP BY m."deviceId" HAVING min(l."personId") <> max(l."personId")
      UNION
      SELECT k.d FROM unnest($${options.range ? 5 : 3}::text[]) k(d) JOIN unnest((SELECT ids FROM dev)::text[]) b(d) ON b.d = k.d) s(d)),`;
  }
  return `-- Which of those devices serve two or more people's ACTIVE logins across the organisation. One that
-- serves two people here is shared without looking further. For the rest only their methods on logins
-- outside these accounts need a look (an anti-join, then a primary-key lookup each): most devices are
-- someone's own phone or app, used on their logins here and nowhere else.
here AS MATERIALIZED (SELECT m."deviceId", min(l."personId") FILTER (WHERE l.status = 'ACTIVE') AS person,
             count(DISTINCT l."personId") FILTER (WHERE l.status = 'ACTIVE') AS people
      FROM m JOIN l ON l.id = m."loginId" WHERE m."deviceId" IS NOT NULL GROUP BY m."deviceId"),
away AS MATERIALIZED (SELECT x."deviceId", x2."personId" FROM "TwoStepMethod" x
      LEFT JOIN l ON l.id = x."loginId" JOIN "Login" x2 ON x2.id = x."loginId"
      WHERE x."orgId" = $1 AND x."deviceId" = ANY((SELECT array_agg("deviceId") FROM here WHERE people < 2)::text[])
        AND l.id IS NULL AND x2."orgId" = $1 AND x2.status = 'ACTIVE'),
shared AS MATERIALIZED (SELECT array_agg("deviceId") AS ids FROM (
      SELECT "deviceId" FROM here WHERE people > 1
      UNION ALL
      SELECT h."deviceId" FROM here h JOIN away w ON w."deviceId" = h."deviceId" WHERE h.people < 2
      GROUP BY h."deviceId" HAVING count(DISTINCT w."personId") FILTER (WHERE w."personId" IS DISTINCT FROM h.person) + max(h.people) > 1) s),`;
}

/** The devices of the organisation that serve two or more people's ACTIVE logins (see LoadOptions.sharedDevices). */
export async function loadSharedDevices(tx: Tx | Sql, orgId: string): Promise<string[]> {
  const rows = await sqlOf(tx)<{ id: string }>(
    `SELECT m."deviceId" AS id FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId"
     WHERE m."orgId" = $1 AND l."orgId" = $1 AND m."deviceId" IS NOT NULL AND l.status = 'ACTIVE'
     GROUP BY m."deviceId" HAVING min(l."personId") <> max(l."personId")`,
    [orgId],
  );
  return rows.map((r) => r.id);
}

function statement(options: LoadOptions, count: number): string {
  const inAccounts = (column: string) =>
    options.range
      ? `${column} = ANY($2::text[]) AND ${column} BETWEEN $3 AND $4`
      : count <= VISIBLE_IDS
        ? `${column} = ANY($2::text[])`
        : `${column} = ANY((SELECT $2::text[])::text[])`;
  return `
WITH
a AS (SELECT id, "storeName", "sellerId", region, marketplaces, plan, status, ${day('"lastVerifiedAt"')} AS "lastVerifiedAt", score, "evaluatedOn"
      FROM "SellerAccount" WHERE "orgId" = $1 AND ${inAccounts("id")}),
l AS MATERIALIZED (SELECT id, "accountId", role, email, "personId", status, "invitedAt", "acceptedAt", "lastLoginAt", "passwordChangedAt", "passwordReused"
      FROM "Login" WHERE "orgId" = $1 AND ${inAccounts('"accountId"')}),
lids AS MATERIALIZED (SELECT array_agg(id) AS ids FROM l),
u AS MATERIALIZED (SELECT "loginId", "personId" FROM "LoginUser" WHERE "orgId" = $1 AND "loginId" = ANY((SELECT ids FROM lids)::text[])),
m AS MATERIALIZED (SELECT id, "loginId", kind, role, "deviceId", "phoneLast4" FROM "TwoStepMethod" WHERE "orgId" = $1 AND "loginId" = ANY((SELECT ids FROM lids)::text[])),
g AS (SELECT id, "loginId", "toolId", level, marketplace FROM "PermissionGrant" WHERE "orgId" = $1 AND "loginId" = ANY((SELECT ids FROM lids)::text[])),
p AS (SELECT id, "accountId", company, "linkSentAt", "acceptedAt" FROM "AuthorizedPartner" WHERE "orgId" = $1 AND ${inAccounts('"accountId"')}),
ap AS (SELECT id, "accountId", "appName", developer, "authorizedAt", "expiresAt" FROM "AppAuthorization" WHERE "orgId" = $1 AND ${inAccounts('"accountId"')}),
o AS MATERIALIZED (SELECT id, "accountId", "personId", console, role FROM "OtherAccess" WHERE "orgId" = $1 AND ${inAccounts('"accountId"')}),
dev AS MATERIALIZED (SELECT array_agg(DISTINCT "deviceId") AS ids FROM m WHERE "deviceId" IS NOT NULL),
${shared(options)}
stub AS MATERIALIZED (SELECT DISTINCT l3.id, l3."accountId", l3."personId", m3."deviceId"
      FROM "TwoStepMethod" m3 JOIN "Login" l3 ON l3.id = m3."loginId"
      WHERE m3."orgId" = $1 AND m3."deviceId" = ANY((SELECT ids FROM shared)::text[]) AND l3."orgId" = $1 AND l3.status = 'ACTIVE'
        AND NOT (l3."accountId" = ANY($2::text[]))),
d AS MATERIALIZED (SELECT id, kind, label, "holderId", "skipOtpOnBrowser" FROM "Device" WHERE "orgId" = $1 AND id = ANY((SELECT ids FROM dev)::text[])),
-- Device holders too: the evidence names them, whichever accounts share the batch.
pe AS (SELECT id, name, external, company, "departedAt" FROM "Person" WHERE "orgId" = $1 AND id = ANY((SELECT array_agg(x) FROM (
      SELECT "personId" FROM l UNION SELECT "personId" FROM u UNION SELECT "personId" FROM o UNION SELECT "personId" FROM stub
      UNION SELECT "holderId" FROM d WHERE "holderId" IS NOT NULL) s(x))::text[]))
SELECT
  ${agg(`id, "storeName", "sellerId", region, marketplaces, plan::text, status::text, "lastVerifiedAt", score, "evaluatedOn"`, "id", "a")} AS accounts,
  ${agg(`id, "accountId", role::text, email, "personId", status::text, ${day('"invitedAt"')}, ${day('"acceptedAt"')}, ${day('"lastLoginAt"')}, ${day('"passwordChangedAt"')}, "passwordReused"`, `"accountId", role, id`, "l")} AS logins,
  ${agg(`"loginId", "personId"`, `"loginId", "personId"`, "u")} AS "usedBy",
  ${agg(`"loginId", kind::text, role::text, "deviceId", "phoneLast4"`, "id", "m")} AS methods,
  ${agg(`"loginId", "toolId", level::text, marketplace`, `"loginId", id`, "g")} AS grants,
  ${agg(`id, "accountId", company, ${day('"linkSentAt"')}, ${day('"acceptedAt"')}`, "id", "p")} AS partners,
  ${agg(`id, "accountId", "appName", developer, ${day('"authorizedAt"')}, ${day('"expiresAt"')}`, "id", "ap")} AS apps,
  ${agg(`"accountId", "personId", console::text, role`, "id", "o")} AS other,
  ${agg(`id, "accountId", "personId", "deviceId"`, `"accountId", id, "deviceId"`, "stub")} AS stubs,
  ${agg(`id, name, external, company, ${day('"departedAt"')}`, "id", "pe")} AS people,
  ${agg(`id, kind::text, label, "holderId", "skipOtpOnBrowser"`, "id", "d")} AS devices
  ${
    options.findings
      ? `, ${agg(
          `id, "accountId", "ruleId", "subjectType"::text, "subjectId", status::text, severity::text, evidence, "evidenceData", ${day('"acceptedUntil"')}`,
          "id",
          `"Finding" WHERE "orgId" = $1 AND ${inAccounts('"accountId"')}`,
        )} AS findings`
      : ""
  }
  ${options.settings ? `, (SELECT settings FROM "Organization" WHERE id = $1)::text AS settings` : ""}`;
}

type Row = Record<string, string | null>;
/** Parses one column and drops its text, so the JSON strings do not outlive their use. */
const parse = (row: Row, column: string): Json[] => {
  const text = row[column];
  row[column] = null;
  return text === null || text === undefined ? [] : JSON.parse(text);
};

export async function loadEvaluationSnapshot(tx: Tx | Sql, orgId: string, accountIds: string[], options: LoadOptions = {}): Promise<EvaluationSnapshot> {
  const params: unknown[] = [orgId, accountIds];
  if (options.range) params.push(options.range[0], options.range[1]);
  if (options.sharedDevices) params.push(options.sharedDevices);
  const [row] = await sqlOf(tx)<Row>(statement(options, accountIds.length), params);

  // Children first, grouped by their parent; each JSON text is dropped once parsed.
  const usedByOf = new Map<string, string[]>();
  for (const [loginId, personId] of parse(row, "usedBy")) push(usedByOf, loginId, personId);
  const methodsOf = new Map<string, Login["twoStep"]>();
  for (const [loginId, kind, role, deviceId, phoneLast4] of parse(row, "methods")) push(methodsOf, loginId, { kind, role, deviceId, phoneLast4 });
  const grantsOf = new Map<string, Login["permissions"]>();
  for (const [loginId, tool, level, marketplace] of parse(row, "grants")) push(grantsOf, loginId, { tool, level, marketplace });
  const loginsOf = new Map<string, Login[]>();
  for (const [id, accountId, role, email, personId, status, invitedAt, acceptedAt, lastLoginAt, passwordChangedAt, passwordReused] of parse(row, "logins")) {
    const login: Login = {
      id, role, email, personId, status, invitedAt, acceptedAt, lastLoginAt, passwordChangedAt, passwordReused,
      usedBy: usedByOf.get(id) ?? [personId],
      twoStep: methodsOf.get(id) ?? [],
      permissions: grantsOf.get(id) ?? [],
    };
    push(loginsOf, accountId, login);
  }
  const partnersOf = new Map<string, SellerAccount["partners"]>();
  for (const [id, accountId, company, linkSentAt, acceptedAt] of parse(row, "partners")) push(partnersOf, accountId, { id, company, linkSentAt, acceptedAt });
  const appsOf = new Map<string, SellerAccount["apps"]>();
  for (const [id, accountId, name, developer, authorizedAt, expiresAt] of parse(row, "apps")) push(appsOf, accountId, { id, name, developer, authorizedAt, expiresAt });
  const otherOf = new Map<string, SellerAccount["otherAccess"]>();
  for (const [accountId, personId, console, role] of parse(row, "other")) push(otherOf, accountId, { personId, console, role });

  const scores = new Map<string, { score: number; evaluatedOn: string | null }>();
  const accounts: SellerAccount[] = parse(row, "accounts").map(([id, storeName, sellerId, region, marketplaces, plan, status, lastVerifiedAt, score, evaluatedOn]) => {
    scores.set(id, { score, evaluatedOn });
    return {
      id, storeName, sellerId, region, marketplaces, plan, status, lastVerifiedAt,
      logins: loginsOf.get(id) ?? [],
      partners: partnersOf.get(id) ?? [],
      apps: appsOf.get(id) ?? [],
      otherAccess: otherOf.get(id) ?? [],
    };
  });
  for (const stub of stubAccounts(parse(row, "stubs"))) accounts.push(stub);

  return {
    targets: new Set(accountIds),
    scores,
    findings: options.findings
      ? parse(row, "findings").map(([id, accountId, ruleId, subjectType, subjectId, status, severity, evidence, evidenceData, acceptedUntil]) => ({
          id, accountId, ruleId, subjectType, subjectId, status, severity, evidence, evidenceData, acceptedUntil,
        }))
      : [],
    settings: options.settings ? (row.settings === null ? undefined : JSON.parse(row.settings)) : undefined,
    snapshot: {
      format: "gatehouse.snapshot/v1",
      people: parse(row, "people").map(([id, name, external, company, departedAt]) => ({ id, name, external, company, departedAt })),
      devices: parse(row, "devices").map(([id, kind, label, holderId, skipOtpOnBrowser]) => ({ id, kind, label, holderId, skipOtpOnBrowser })),
      accounts,
    } as Snapshot,
  };
}

/** Just enough of the other accounts for device rules: their ACTIVE logins and the shared devices. */
function stubAccounts(rows: Json[]): SellerAccount[] {
  const accounts = new Map<string, Map<string, Login>>();
  for (const [id, accountId, personId, deviceId] of rows) {
    let logins = accounts.get(accountId);
    if (!logins) accounts.set(accountId, (logins = new Map()));
    let login = logins.get(id);
    if (!login) {
      login = {
        id, role: "SECONDARY", email: null, personId, usedBy: [personId], status: "ACTIVE", invitedAt: null, acceptedAt: null,
        lastLoginAt: null, passwordChangedAt: null, passwordReused: false, twoStep: [], permissions: [],
      };
      logins.set(id, login);
    }
    login.twoStep.push({ kind: "SMS", role: "BACKUP", deviceId, phoneLast4: null });
  }
  return [...accounts].map(([id, logins]) => ({
    id, storeName: "(context)", sellerId: null, region: "XX", marketplaces: [], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: null,
    logins: [...logins.values()], partners: [], apps: [], otherAccess: [],
  }));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
