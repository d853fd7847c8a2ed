import "server-only";
import { peopleOnAccounts, refreshPersonAccess } from "../people/person-access";
import { deferPersonFindingCounts, recountPersonFindings } from "../people/person-finding-counts";
import { loadSharedDevices } from "../risk/load-snapshot";
import { loadRiskSettings, recomputeAccounts } from "../risk/recompute";
import type { Sql } from "../risk/sql";

// Applies the plan of plan.ts set-wise, as lib/db/snapshots/apply.ts does record by record: an
// unchanged login keeps its row (and its findings, reviews and offboarding tasks); a changed one keeps
// its row and gets its users (its used_by people, or the stored ones when used_by is empty and its person
// stays), 2SV methods and permissions rewritten; removed ones are deleted. Then the
// findings of every touched account are recomputed (in batches, so memory stays flat) and the stored
// access of everyone concerned is refreshed (decision 008).

// Accounts per findings batch. Memory, not speed, sets it: a batch's snapshot, findings and statement
// parameters are live together (500 accounts of 10 logins: ~15,000 findings). With the heap capped at
// 128 MB a 500-account batch ran, 1,000 ran out of memory at 96 MB; 1,000 showed no measurable gain in
// time (the cost is PostgreSQL's per inserted row, not per statement). Decision 031.
export const IMPORT_RECOMPUTE_BATCH = 500;
const WHOLE_ORGANISATION = 2_000; // people: above this, stored access is refreshed for the whole organisation
const P = `$1, 'IMPORT'::"DataSource", $2`; // orgId, source, verifiedById

export async function writeBulk(
  sql: Sql,
  orgId: string,
  userId: string,
  clientId: string | null | undefined,
  today: string,
  onProgress?: (done: number, total: number) => void,
  recomputeBatch = IMPORT_RECOMPUTE_BATCH,
): Promise<{ touched: number }> {
  const ids = async (text: string) => (await sql<{ id: string }>(text, [orgId])).map((r) => r.id);
  // The people's open-finding counts once at the end, not once per findings batch (person-finding-counts.ts).
  await deferPersonFindingCounts(sql);
  const updatedAccounts = await ids(`SELECT id FROM inc_account WHERE status = 'updated' AND $1::text IS NOT NULL`);
  const peopleBefore = await peopleOnAccounts(sql, orgId, updatedAccounts);
  // Accounts sharing a device with a login that changes: before the change, and after it.
  const sharingBefore = await ids(
    `SELECT DISTINCT l."accountId" AS id FROM "TwoStepMethod" t JOIN "Login" l ON l.id = t."loginId" AND l."orgId" = $1
     WHERE t."orgId" = $1 AND t."deviceId" IN (SELECT t2."deviceId" FROM "TwoStepMethod" t2 WHERE t2."orgId" = $1 AND t2."deviceId" IS NOT NULL
       AND t2."loginId" IN (SELECT id FROM inc_login WHERE status_plan = 'updated' UNION ALL SELECT id FROM removed_login))`,
  );
  // Users kept by changed logins whose person stays and whose used_by is empty (plan.ts), read before the rewrite.
  await sql(
    `CREATE TEMP TABLE kept_user ON COMMIT DROP AS SELECT u."loginId", u."personId" FROM "LoginUser" u
     JOIN inc_login i ON i.id = u."loginId" AND i.status_plan = 'updated' AND i.old_person_id = i.person_id AND i.users = '' WHERE u."orgId" = $1`,
    [orgId],
  );

  await sql(`INSERT INTO "Person" (id, "externalId", "orgId", source, "verifiedById", name, external, company, "departedAt")
             SELECT id, resolved_ext, ${P}, name, external, company, departed_at FROM inc_person WHERE status = 'created'`, [orgId, userId]);
  await sql(`UPDATE "Person" p SET name = i.name, external = i.external, company = i.company, "departedAt" = i.departed_at, source = 'IMPORT', "verifiedById" = $2
             FROM inc_person i WHERE i.status = 'updated' AND p.id = i.id AND p."orgId" = $1`, [orgId, userId]);
  await sql(
    `INSERT INTO "SellerAccount" (id, "externalId", "orgId", source, "verifiedById", "clientId", "storeName", "sellerId", region, marketplaces, plan, status, "lastVerifiedAt", "updatedAt")
     SELECT id, ext, ${P}, $3, store_name, seller_id, region, marketplaces, plan::"Plan", account_status::"AccountStatus", last_verified_at, now() FROM inc_account WHERE status = 'created'`,
    [orgId, userId, clientId ?? null],
  );
  // Each account the file adds starts its history as one the form adds (account-records.ts createAccount), so its
  // history page says where it came from instead of "no history yet" (newuser42 finding 8).
  await sql(
    `INSERT INTO "AuditEvent" ("orgId", "actorUserId", action, "entityType", "entityId", "accountId", after)
     SELECT $1, $2, 'account.created', 'SellerAccount', id, id, jsonb_build_object('id', id, 'storeName', store_name, 'sellerId', seller_id, 'region', region,
       'marketplaces', to_jsonb(marketplaces), 'plan', plan, 'status', account_status, 'clientId', $3::text, 'source', 'IMPORT')
     FROM inc_account WHERE status = 'created'`,
    [orgId, userId, clientId ?? null],
  );
  await sql(
    `UPDATE "SellerAccount" a SET version = a.version + 1, "updatedAt" = now(),
       "storeName" = CASE WHEN i.fields_changed THEN i.store_name ELSE a."storeName" END, "sellerId" = CASE WHEN i.fields_changed THEN i.seller_id ELSE a."sellerId" END,
       region = CASE WHEN i.fields_changed THEN i.region ELSE a.region END, marketplaces = CASE WHEN i.fields_changed THEN i.marketplaces ELSE a.marketplaces END,
       plan = CASE WHEN i.fields_changed THEN i.plan::"Plan" ELSE a.plan END, status = CASE WHEN i.fields_changed THEN i.account_status::"AccountStatus" ELSE a.status END,
       "lastVerifiedAt" = CASE WHEN i.fields_changed THEN i.last_verified_at ELSE a."lastVerifiedAt" END,
       source = CASE WHEN i.fields_changed THEN 'IMPORT'::"DataSource" ELSE a.source END, "verifiedById" = CASE WHEN i.fields_changed THEN $2 ELSE a."verifiedById" END,
       "clientId" = CASE WHEN i.client_changed THEN $3 ELSE a."clientId" END
     FROM inc_account i WHERE i.status = 'updated' AND a.id = i.id AND a."orgId" = $1`,
    [orgId, userId, clientId ?? null],
  );
  await sql(`DELETE FROM "Login" l USING removed_login r WHERE l.id = r.id AND l."orgId" = $1`, [orgId]);
  for (const child of ["LoginUser", "TwoStepMethod", "PermissionGrant"])
    await sql(`DELETE FROM "${child}" c USING inc_login i WHERE i.status_plan = 'updated' AND c."loginId" = i.id AND c."orgId" = $1`, [orgId]);
  await sql(
    `UPDATE "Login" l SET role = i.role::"LoginRole", email = i.email, "personId" = i.person_id, status = i.status::"LoginStatus", "invitedAt" = i.invited_at,
       "acceptedAt" = i.accepted_at, "lastLoginAt" = i.last_login_at, "passwordChangedAt" = i.password_changed_at, "passwordReused" = i.password_reused,
       source = 'IMPORT', "verifiedById" = $2, "updatedAt" = now()
     FROM inc_login i WHERE i.status_plan = 'updated' AND l.id = i.id AND l."orgId" = $1`,
    [orgId, userId],
  );
  await sql(
    `INSERT INTO "Login" (id, "externalId", "accountId", "orgId", source, "verifiedById", role, email, "personId", status, "invitedAt", "acceptedAt", "lastLoginAt", "passwordChangedAt", "passwordReused", "updatedAt")
     SELECT id, login_ext, account_id, ${P}, role::"LoginRole", email, person_id, status::"LoginStatus", invited_at, accepted_at, last_login_at, password_changed_at, password_reused, now()
     FROM inc_login WHERE status_plan = 'created'`,
    [orgId, userId],
  );
  // The two parts cover different logins (kept users only where the person stays), so UNION ALL: no hash
  // of every row, and the rows reach the foreign-key checks in the order the logins were just inserted
  // (inc_login's), not in hash order. At 500,000 rows this INSERT took 165 s against 5.2 s at 50,000
  // (decision 031): random reads of a Login table larger than the server's shared buffers.
  // A shared login's used_by people come third (inc_user holds no login's own person, so no pair twice).
  await sql(
    `INSERT INTO "LoginUser" ("orgId", "loginId", "personId")
     SELECT $1, id, person_id FROM inc_login WHERE status_plan = 'created' OR (status_plan = 'updated' AND (old_person_id IS DISTINCT FROM person_id OR users <> ''))
     UNION ALL SELECT $1, "loginId", "personId" FROM kept_user
     UNION ALL SELECT $1, i.id, u.person_id FROM inc_user u JOIN inc_login i ON i.account_ext = u.account_ext AND i.login_ext = u.login_ext WHERE i.status_plan IN ('created', 'updated')`,
    [orgId],
  );
  await sql(
    `INSERT INTO "TwoStepMethod" (id, "loginId", "orgId", source, "verifiedById", kind, role, "deviceId", "phoneLast4")
     SELECT gen_random_uuid()::text, i.id, ${P}, m.kind::"TwoStepKind", m.role::"MethodRole", m.device_id, m.phone
     FROM inc_method m JOIN inc_login i ON i.account_ext = m.account_ext AND i.login_ext = m.login_ext WHERE i.status_plan IN ('created', 'updated')`,
    [orgId, userId],
  );
  await sql(
    `INSERT INTO "PermissionGrant" (id, "loginId", "orgId", source, "verifiedById", "toolId", level, marketplace)
     SELECT gen_random_uuid()::text, i.id, ${P}, g.tool, g.level::"PermissionLevel", g.marketplace
     FROM bulk_stage s JOIN inc_login i ON i.account_ext = s.account_ext AND i.login_ext = s.login_ext AND i.status_plan IN ('created', 'updated'),
       jsonb_to_recordset(s.grants) AS g(tool text, level text, marketplace text)`,
    [orgId, userId],
  );

  const written = await ids(`SELECT id FROM inc_account WHERE status IN ('created', 'updated') AND $1::text IS NOT NULL`);
  const sharingAfter = await ids(
    `SELECT DISTINCT l."accountId" AS id FROM "TwoStepMethod" t JOIN "Login" l ON l.id = t."loginId" AND l."orgId" = $1
     WHERE t."orgId" = $1 AND t."deviceId" IN (SELECT device_id FROM inc_method WHERE device_id IS NOT NULL)`,
  );
  // People whose details changed may be on other accounts too (their facts feed those accounts' rules).
  const updatedPeople = await ids(`SELECT id FROM inc_person WHERE status = 'updated' AND $1::text IS NOT NULL`);
  const ofUpdatedPeople = updatedPeople.length === 0 ? [] : (await sql<{ id: string }>(
    `SELECT "accountId" AS id FROM "Login" WHERE "orgId" = $1 AND "personId" = ANY($2::text[])
     UNION SELECT l."accountId" FROM "LoginUser" u JOIN "Login" l ON l.id = u."loginId" AND l."orgId" = $1 WHERE u."orgId" = $1 AND u."personId" = ANY($2::text[])
     UNION SELECT "accountId" FROM "OtherAccess" WHERE "orgId" = $1 AND "personId" = ANY($2::text[])`,
    [orgId, updatedPeople],
  )).map((r) => r.id);
  // As the full recompute batches (recompute-all.ts): in the database's order of ids, so each batch
  // gives the planner its id range, and with the organisation's shared devices looked up once (the
  // findings writes below change no login or device, so the list holds for every batch).
  const touched = (await sql<{ id: string }>(`SELECT DISTINCT id FROM unnest($1::text[]) AS t(id) ORDER BY id`, [[...written, ...sharingBefore, ...sharingAfter, ...ofUpdatedPeople]])).map((r) => r.id);
  const settings = await loadRiskSettings(sql, orgId);
  // An organisation without a single device has no shared one: the whole-table pass (19.5 s at 500,000
  // rows, planned on statistics that predate this transaction's rows; decision 031) is skipped by one
  // index probe. The import writes no Device rows, so what this transaction sees is what the batches see.
  const anyDevice = (await sql(`SELECT 1 FROM "Device" WHERE "orgId" = $1 LIMIT 1`, [orgId])).length > 0;
  const sharedDevices = anyDevice ? await loadSharedDevices(sql, orgId) : [];
  for (let i = 0; i < touched.length; i += recomputeBatch) {
    const batch = touched.slice(i, i + recomputeBatch);
    await recomputeAccounts(sql, orgId, batch, { today, actorUserId: userId, settings, range: [batch[0], batch[batch.length - 1]], sharedDevices });
    onProgress?.(Math.min(i + recomputeBatch, touched.length), touched.length);
  }
  // Past a few thousand people one pass over the whole organisation is cheaper than the list (bulk-load.ts
  // does the same); then the people on the written accounts need not be listed at all (a first import of
  // 50,000 accounts: one statement over every login of them saved).
  const changedPeople = await ids(`SELECT id FROM inc_person WHERE status IN ('created', 'updated') AND $1::text IS NOT NULL`);
  let concerned = new Set([...peopleBefore, ...changedPeople]);
  if (concerned.size <= WHOLE_ORGANISATION) concerned = new Set([...concerned, ...(await peopleOnAccounts(sql, orgId, written))]);
  // The planner's statistics predate this transaction's rows (the scoped role may not ANALYZE tables it
  // does not own): with them it nests loops over tables it thinks empty, measured at minutes for 50,000
  // rows. Hash joins are right for a pass over the whole organisation.
  const whole = concerned.size > WHOLE_ORGANISATION;
  if (whole) await sql(`SET LOCAL enable_nestloop = off`, []);
  await refreshPersonAccess(sql, orgId, whole ? null : [...concerned]);
  // Findings also changed on accounts that were not written (a shared device, a changed person's other
  // accounts): their people are counted too.
  const writtenSet = new Set(written);
  const alsoRecomputed = touched.filter((id) => !writtenSet.has(id));
  await recountPersonFindings(sql, orgId, whole ? null : [...new Set([...concerned, ...(await peopleOnAccounts(sql, orgId, alsoRecomputed))])]);
  return { touched: touched.length };
}
