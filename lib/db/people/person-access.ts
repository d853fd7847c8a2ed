import "server-only";
import type { Tx } from "../client";
import { ACCESS_JOINS, accessMetrics, SCOPED_ACCOUNTS } from "./people-sql";
import { sqlOf, type Sql } from "../risk/sql";

// PersonAccess: how much access each person holds across the whole organisation (the people list's
// "most access first" order). Computing it per request meant aggregating every login of the
// organisation (11–26 s at 400k logins), so it is stored and refreshed, in the same transaction, by
// every write that changes who holds what: the people the write concerned, before and after it.
// Same definitions as the live metrics (ACCESS_METRICS), with every account of the organisation in scope.

/**
 * Recomputes the stored access of these people (null = every person of the organisation), inserting a
 * row for people who have none yet. Runs on the caller's connection or transaction.
 *
 * Two writes about the same person at once (an agency's staff member is on many accounts): each first
 * locks the people's rows in id order, so the second waits for the first to commit and then counts
 * with the first's change visible (each statement reads afresh under READ COMMITTED). Counting first
 * and waiting inside the upsert would write totals that miss the other write, and locking in plan
 * order could deadlock.
 */
export async function refreshPersonAccess(tx: Tx | Sql, orgId: string, personIds: string[] | null): Promise<void> {
  if (personIds && personIds.length === 0) return;
  const sql = sqlOf(tx);
  if (personIds) await sql(`SELECT id FROM "Person" WHERE "orgId" = $1 AND id = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`, [orgId, personIds]);
  await sql(
    `WITH ${SCOPED_ACCOUNTS}, ids AS (SELECT unnest($3::text[]) AS id), ${accessMetrics(personIds ? "ids" : "all")}
     INSERT INTO "PersonAccess" ("personId", "orgId", "activeLogins", "adminLogins", accounts, devices)
     SELECT p.id, p."orgId", coalesce(lc.active_logins, 0), coalesce(lc.admin_logins, 0), coalesce(ac.accounts, 0), coalesce(dc.devices, 0)
     FROM "Person" p ${ACCESS_JOINS} WHERE p."orgId" = $1 AND ($3::text[] IS NULL OR p.id = ANY($3::text[]))
     ON CONFLICT ("personId") DO UPDATE SET "activeLogins" = excluded."activeLogins", "adminLogins" = excluded."adminLogins",
       accounts = excluded.accounts, devices = excluded.devices`,
    [orgId, null, personIds],
  );
}

/** Everyone who holds something on these accounts: login owners and users, other access, 2SV device holders. */
export async function peopleOnAccounts(tx: Tx | Sql, orgId: string, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await sqlOf(tx)<{ id: string }>(
    `SELECT "personId" AS id FROM "Login" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])
     UNION SELECT lu."personId" FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" AND l."orgId" = $1
       WHERE lu."orgId" = $1 AND l."accountId" = ANY($2::text[])
     UNION SELECT "personId" FROM "OtherAccess" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])
     UNION SELECT d."holderId" FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId" AND l."orgId" = $1
       JOIN "Device" d ON d.id = m."deviceId" AND d."orgId" = $1
       WHERE m."orgId" = $1 AND l."accountId" = ANY($2::text[]) AND d."holderId" IS NOT NULL`,
    [orgId, accountIds],
  );
  return rows.map((r) => r.id);
}

/**
 * Organisations with people who have no stored access yet (data from before this table, or loaded
 * around the data layer), filled in whole. Run at start-up after the migrations.
 */
export async function backfillPersonAccess(sql: Sql): Promise<{ organisations: number }> {
  const orgs = await sql<{ orgId: string }>(
    `SELECT DISTINCT p."orgId" FROM "Person" p WHERE NOT EXISTS (SELECT 1 FROM "PersonAccess" a WHERE a."personId" = p.id)`,
    [],
  );
  for (const { orgId } of orgs) await refreshPersonAccess(sql, orgId, null);
  if (orgs.length) await sql(`ANALYZE "PersonAccess"`, []); // the list's plan needs its statistics
  return { organisations: orgs.length };
}
