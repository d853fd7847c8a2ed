import "server-only";
import type { PlanSummary } from "@/lib/snapshots/plan";
import type { SnapshotError } from "@/lib/validation/snapshot";
import type { Sql } from "../risk/sql";
import { listMatches, matchIncomingPeople, type BulkMatches } from "./people";

// The upsert plan of lib/snapshots/plan.ts (logins-only, as for a spreadsheet), worked out set-wise in
// temp tables from the staging table instead of in memory: accounts by external id then seller ID;
// people by external id then by their logins' e-mail addresses; logins by external id within the
// account then by e-mail; a login's 2SV method keeps the device of the stored method of the same kind
// and role; a login whose person did not change keeps its other users. Each listed login is compared
// with its stored form (fields, users, methods, permissions as sets) to tell updated from unchanged.

export const ts = (v: string) => `(CASE WHEN ${v} IS NULL THEN NULL WHEN length(${v}) = 10 THEN ${v} || 'T00:00:00Z' ELSE ${v} END)::timestamptz`;

export interface BulkPlan {
  summary: PlanSummary;
  peopleMatchedByEmail: number;
  /** The incoming people taken for existing ones, for the preview (people.ts). */
  matches: BulkMatches;
}

/**
 * `clientId`: undefined = new accounts under no client and existing ones stay where they are.
 * `keepApart`: incoming person ids made new people instead of taken for their e-mail match.
 */
export async function planBulk(sql: Sql, orgId: string, clientId: string | null | undefined, keepApart: readonly string[] = []): Promise<{ ok: true; plan: BulkPlan } | { ok: false; errors: (SnapshotError & { row: number })[] }> {
  await sql(`CREATE INDEX ON bulk_stage (account_ext, login_ext, login_row)`, []);
  await sql(`ANALYZE bulk_stage`, []);

  // Accounts: first row wins for their details.
  await sql(
    `CREATE TEMP TABLE inc_account ON COMMIT DROP AS
     SELECT DISTINCT ON (account_ext) account_ext AS ext, account_row AS row, store_name, seller_id, region, string_to_array(marketplaces, ',') AS marketplaces,
       plan, account_status, ${ts("last_verified_at")} AS last_verified_at, NULL::text AS id, NULL::text AS matched_by, NULL::text AS status, false AS fields_changed, false AS client_changed
     FROM bulk_stage ORDER BY account_ext, account_row`,
    [],
  );
  await sql(`CREATE UNIQUE INDEX ON inc_account (ext)`, []);
  await sql(`UPDATE inc_account i SET id = a.id, matched_by = 'externalId' FROM "SellerAccount" a WHERE a."orgId" = $1 AND a."externalId" = i.ext`, [orgId]);
  await sql(
    `UPDATE inc_account i SET id = a.id, matched_by = 'sellerId' FROM "SellerAccount" a
     WHERE i.id IS NULL AND i.seller_id IS NOT NULL AND a."orgId" = $1 AND a."sellerId" = i.seller_id
       AND NOT EXISTS (SELECT 1 FROM inc_account c WHERE c.id = a.id)`,
    [orgId],
  );
  // A seller ID belongs to one account.
  const clashes = await sql<{ row: number; seller_id: string; kind: string }>(
    `SELECT row, seller_id, 'twice' AS kind FROM (SELECT row, seller_id, row_number() OVER (PARTITION BY seller_id ORDER BY row) AS n FROM inc_account WHERE seller_id IS NOT NULL) s WHERE n > 1
     UNION ALL
     SELECT i.row, i.seller_id, 'taken' FROM inc_account i JOIN "SellerAccount" a ON a."orgId" = $1 AND a."sellerId" = i.seller_id WHERE i.id IS DISTINCT FROM a.id
     ORDER BY 1`,
    [orgId],
  );
  if (clashes.length)
    return {
      ok: false,
      errors: clashes.map(({ row, seller_id: sellerId, kind }) =>
        kind === "twice"
          ? { row, path: "sellerId", message: `seller ID ${sellerId} appears twice in the file`, reason: { key: "sellerIdTwice", vars: { sellerId } } }
          : { row, path: "sellerId", message: `seller ID ${sellerId} already exists in this organisation`, reason: { key: "sellerIdTaken", vars: { sellerId } } },
      ),
    };

  // People: by external id, then by the e-mail addresses of their logins (an existing person is claimed once, earliest row first).
  await sql(
    `CREATE TEMP TABLE inc_person ON COMMIT DROP AS
     SELECT DISTINCT ON (person_ext) person_ext AS ext, person_row AS row, person_name AS name, person_external AS external, person_company AS company,
       ${ts("person_departed_at")} AS departed_at, NULL::text AS id, NULL::text AS resolved_ext, NULL::text AS matched_by, NULL::text AS status,
       false AS kept_apart, NULL::text AS match_email, NULL::text AS apart_id
     FROM bulk_stage ORDER BY person_ext, person_row`,
    [],
  );
  await sql(`CREATE UNIQUE INDEX ON inc_person (ext)`, []);
  await matchIncomingPeople(sql, orgId, keepApart);
  await sql(
    `UPDATE inc_person i SET status = CASE WHEN i.id IS NULL THEN 'created'
       WHEN (p.name, p.external, p.company, p."departedAt") IS NOT DISTINCT FROM (i.name, i.external, i.company, i.departed_at) THEN 'unchanged' ELSE 'updated' END,
       resolved_ext = coalesce(i.resolved_ext, i.ext), id = coalesce(i.id, gen_random_uuid()::text)
     FROM inc_person i2 LEFT JOIN "Person" p ON p.id = i2.id AND p."orgId" = $1 WHERE i2.ext = i.ext`,
    [orgId],
  );

  // Logins: first row wins for the login's details and 2SV methods; every row adds permissions.
  await sql(
    `CREATE TEMP TABLE inc_login ON COMMIT DROP AS
     SELECT DISTINCT ON (s.account_ext, s.login_ext) s.account_ext, s.login_ext, s.login_row AS row, s.role, s.email, s.status,
       ${ts("s.invited_at")} AS invited_at, ${ts("s.accepted_at")} AS accepted_at, ${ts("s.last_login_at")} AS last_login_at, ${ts("s.password_changed_at")} AS password_changed_at,
       s.password_reused, s.methods, s.users, a.id AS account_id, p.id AS person_id, NULL::text AS id, NULL::text AS status_plan, NULL::text AS old_person_id
     FROM bulk_stage s JOIN inc_account a ON a.ext = s.account_ext JOIN inc_person p ON p.ext = s.person_ext
     ORDER BY s.account_ext, s.login_ext, s.login_row`,
    [],
  );
  await sql(`CREATE UNIQUE INDEX ON inc_login (account_ext, login_ext)`, []);
  await sql(`UPDATE inc_login i SET id = l.id, old_person_id = l."personId" FROM "Login" l WHERE l."orgId" = $1 AND l."accountId" = i.account_id AND l."externalId" = i.login_ext`, [orgId]);
  // A login without a stored id takes the unclaimed stored login of its account with the same address.
  await sql(
    `WITH candidates AS (SELECT i.account_ext, i.login_ext, i.row, l.id, l."personId", l."externalId" FROM inc_login i
        JOIN "Login" l ON l."orgId" = $1 AND l."accountId" = i.account_id AND lower(l.email) = lower(i.email)
        WHERE i.id IS NULL AND i.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM inc_login c WHERE c.id = l.id)),
       per_login AS (SELECT DISTINCT ON (account_ext, login_ext) * FROM candidates ORDER BY account_ext, login_ext, "externalId"),
       per_stored AS (SELECT DISTINCT ON (id) * FROM per_login ORDER BY id, row)
     UPDATE inc_login i SET id = c.id, old_person_id = c."personId" FROM per_stored c WHERE i.account_ext = c.account_ext AND i.login_ext = c.login_ext`,
    [orgId],
  );
  await sql(`CREATE INDEX ON inc_login (id)`, []);
  // The other users of shared logins (used_by, first row of the login wins as for its other details), by
  // their matched person: every one is a person of the file (users.ts refused the rest).
  await sql(
    `CREATE TEMP TABLE inc_user ON COMMIT DROP AS
     SELECT DISTINCT i.account_ext, i.login_ext, p.id AS person_id FROM inc_login i CROSS JOIN LATERAL unnest(string_to_array(i.users, ' ')) AS u(ext)
       JOIN inc_person p ON p.ext = u.ext WHERE i.users <> '' AND p.id <> i.person_id`,
    [],
  );
  // Temp tables get no autovacuum statistics: without these the planner guesses and picks nested loops.
  await sql(`ANALYZE inc_account`, []);
  await sql(`ANALYZE inc_person`, []);
  await sql(`ANALYZE inc_login`, []);

  // 2SV methods, each with the device of a stored method of the same kind and role (and phone) on the same login.
  await sql(
    `CREATE TEMP TABLE inc_method ON COMMIT DROP AS
     WITH incoming AS (SELECT i.account_ext, i.login_ext, i.id AS login_id, m.e->>'kind' AS kind, m.e->>'role' AS role, m.e->>'phone' AS phone, m.ord,
                         row_number() OVER (PARTITION BY i.account_ext, i.login_ext, m.e->>'kind', m.e->>'role' ORDER BY m.ord) AS n
                       FROM inc_login i, jsonb_array_elements(i.methods) WITH ORDINALITY AS m(e, ord)),
       stored AS (SELECT t."loginId", t.kind::text AS kind, t.role::text AS role, t."phoneLast4" AS phone, t."deviceId",
                    row_number() OVER (PARTITION BY t."loginId", t.kind, t.role ORDER BY t.id) AS n
                  FROM "TwoStepMethod" t WHERE t."orgId" = $1 AND t."loginId" IN (SELECT id FROM inc_login WHERE id IS NOT NULL))
     SELECT m.account_ext, m.login_ext, m.kind, m.role, coalesce(m.phone, s.phone) AS phone, s."deviceId" AS device_id
     FROM incoming m LEFT JOIN stored s ON s."loginId" = m.login_id AND s.kind = m.kind AND s.role = m.role AND s.n = m.n AND (m.phone IS NULL OR s.phone = m.phone)`,
    [orgId],
  );
  await sql(`CREATE INDEX ON inc_method (account_ext, login_ext)`, []);

  // Compare each matched login with its stored form: each side's permissions, methods and users folded into
  // one text per login id, in temp tables of their own with statistics, then one hash join. (One UPDATE
  // over CTEs and a self-join of inc_login, which the planner could not estimate, ran for over six
  // minutes on an unchanged 500,000-row file; decision 023.)
  // Hash joins and aggregates only: right after a first import the stored tables' statistics still say
  // "empty" (autovacuum has not run, and the scoped role cannot ANALYZE them), and the planner then
  // scanned PermissionGrant once per login (210 s for 50,000 logins).
  await sql(`SET LOCAL enable_nestloop = off`, []);
  const storedPerLogin = (table: string, key: string) =>
    `SELECT c."loginId" AS id, string_agg(${key}, ',' ORDER BY ${key}) AS k FROM "${table}" c JOIN inc_login i ON i.id = c."loginId" WHERE c."orgId" = $1 GROUP BY c."loginId"`;
  await sql(
    `CREATE TEMP TABLE cmp_stored ON COMMIT DROP AS
     SELECT i.id, g.k AS grants, m.k AS methods, u.k AS users FROM inc_login i
       LEFT JOIN (${storedPerLogin("PermissionGrant", `concat_ws('|', c."toolId", c.level::text, c.marketplace)`)}) g ON g.id = i.id
       LEFT JOIN (${storedPerLogin("TwoStepMethod", `concat_ws('|', c.kind::text, c.role::text, c."deviceId", c."phoneLast4")`)}) m ON m.id = i.id
       LEFT JOIN (${storedPerLogin("LoginUser", `c."personId"`)}) u ON u.id = i.id
     WHERE i.id IS NOT NULL`,
    [orgId],
  );
  await sql(
    `CREATE TEMP TABLE cmp_new_grants ON COMMIT DROP AS
     SELECT i.id, string_agg(concat_ws('|', g.tool, g.level, g.marketplace), ',' ORDER BY concat_ws('|', g.tool, g.level, g.marketplace)) AS grants
     FROM inc_login i JOIN bulk_stage s ON s.account_ext = i.account_ext AND s.login_ext = i.login_ext, jsonb_to_recordset(s.grants) AS g(tool text, level text, marketplace text)
     WHERE i.id IS NOT NULL GROUP BY i.id`,
    [],
  );
  await sql(
    `CREATE TEMP TABLE cmp_new_methods ON COMMIT DROP AS
     SELECT i.id, string_agg(concat_ws('|', m.kind, m.role, m.device_id, m.phone), ',' ORDER BY concat_ws('|', m.kind, m.role, m.device_id, m.phone)) AS methods
     FROM inc_login i JOIN inc_method m ON m.account_ext = i.account_ext AND m.login_ext = i.login_ext WHERE i.id IS NOT NULL GROUP BY i.id`,
    [],
  );
  // A shared login's users as the file lists them: its own person and its used_by people. A login whose
  // used_by is empty keeps the users stored (plan.ts: only when its person stays).
  await sql(
    `CREATE TEMP TABLE cmp_new_users ON COMMIT DROP AS
     SELECT id, string_agg(person_id, ',' ORDER BY person_id) AS users FROM (
       SELECT id, person_id FROM inc_login WHERE id IS NOT NULL AND users <> ''
       UNION SELECT i.id, u.person_id FROM inc_user u JOIN inc_login i ON i.account_ext = u.account_ext AND i.login_ext = u.login_ext WHERE i.id IS NOT NULL) x
     GROUP BY id`,
    [],
  );
  for (const table of ["cmp_stored", "cmp_new_grants", "cmp_new_methods", "cmp_new_users"]) await sql(`ANALYZE ${table}`, []);
  await sql(
    `UPDATE inc_login i SET status_plan = c.plan FROM (
       SELECT i.id, CASE WHEN
           (l.role::text, l.email, l."personId", l.status::text, l."invitedAt", l."acceptedAt", l."lastLoginAt", l."passwordChangedAt", l."passwordReused", coalesce(st.grants, ''), coalesce(st.methods, ''))
           IS NOT DISTINCT FROM (i.role, i.email, i.person_id, i.status, i.invited_at, i.accepted_at, i.last_login_at, i.password_changed_at, i.password_reused, coalesce(ng.grants, ''), coalesce(nm.methods, ''))
           AND CASE WHEN i.users <> '' THEN coalesce(st.users, '') = nu.users ELSE (i.person_id = l."personId" OR coalesce(st.users, '') = i.person_id) END
         THEN 'unchanged' ELSE 'updated' END AS plan
       FROM inc_login i JOIN "Login" l ON l.id = i.id AND l."orgId" = $1 JOIN cmp_stored st ON st.id = i.id
         LEFT JOIN cmp_new_grants ng ON ng.id = i.id LEFT JOIN cmp_new_methods nm ON nm.id = i.id LEFT JOIN cmp_new_users nu ON nu.id = i.id
     ) c WHERE i.id = c.id`,
    [orgId],
  );
  await sql(`SET LOCAL enable_nestloop = on`, []);
  await sql(`UPDATE inc_login SET status_plan = 'created', id = gen_random_uuid()::text WHERE status_plan IS NULL AND id IS NULL`, []);
  // Stored logins of listed accounts that the file no longer lists.
  await sql(
    `CREATE TEMP TABLE removed_login ON COMMIT DROP AS
     SELECT l.id, l."accountId" FROM "Login" l JOIN inc_account a ON a.id = l."accountId" WHERE l."orgId" = $1 AND NOT EXISTS (SELECT 1 FROM inc_login i WHERE i.id = l.id)`,
    [orgId],
  );

  // Accounts: created, or updated when their fields, client or any login changed.
  await sql(
    `UPDATE inc_account i SET
       fields_changed = i.id IS NULL OR (a."storeName", a."sellerId", a.region, a.marketplaces, a.plan::text, a.status::text, a."lastVerifiedAt")
         IS DISTINCT FROM (i.store_name, i.seller_id, i.region, i.marketplaces, i.plan, i.account_status, i.last_verified_at),
       client_changed = i.id IS NOT NULL AND $2::boolean AND a."clientId" IS DISTINCT FROM $3::text
     FROM inc_account i2 LEFT JOIN "SellerAccount" a ON a.id = i2.id AND a."orgId" = $1 WHERE i2.ext = i.ext`,
    [orgId, clientId !== undefined, clientId ?? null],
  );
  await sql(
    `UPDATE inc_account i SET status = CASE WHEN i.id IS NULL THEN 'created'
       WHEN i.fields_changed OR i.client_changed OR EXISTS (SELECT 1 FROM inc_login l WHERE l.account_ext = i.ext AND l.status_plan <> 'unchanged')
         OR EXISTS (SELECT 1 FROM removed_login r WHERE r."accountId" = i.id) THEN 'updated' ELSE 'unchanged' END`,
    [],
  );
  await sql(`UPDATE inc_account SET id = gen_random_uuid()::text WHERE id IS NULL`, []);
  await sql(`UPDATE inc_login l SET account_id = a.id FROM inc_account a WHERE a.ext = l.account_ext AND a.status = 'created'`, []);
  for (const table of ["inc_account", "inc_person", "inc_login", "inc_method", "inc_user", "removed_login"]) await sql(`ANALYZE ${table}`, []);

  const [counts] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM inc_account WHERE status = 'created') AS ac, (SELECT count(*) FROM inc_account WHERE status = 'updated') AS au,
       (SELECT count(*) FROM inc_account WHERE status = 'unchanged') AS an, (SELECT count(*) FROM inc_person WHERE status = 'created') AS pc,
       (SELECT count(*) FROM inc_person WHERE status = 'updated') AS pu, (SELECT count(*) FROM inc_person WHERE status = 'unchanged') AS pn,
       (SELECT count(*) FROM removed_login) AS rl, (SELECT count(*) FROM inc_person WHERE matched_by = 'email') AS pe`,
    [],
  );
  const n = (k: string) => Number(counts[k]);
  return {
    ok: true,
    plan: {
      summary: {
        accounts: { created: n("ac"), updated: n("au"), unchanged: n("an") },
        people: { created: n("pc"), updated: n("pu"), unchanged: n("pn") },
        devices: { created: 0, updated: 0, unchanged: 0 },
        removed: { logins: n("rl"), partners: 0, apps: 0 },
      },
      peopleMatchedByEmail: n("pe"),
      matches: await listMatches(sql, orgId),
    },
  };
}
