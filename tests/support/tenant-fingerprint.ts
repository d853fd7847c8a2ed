import type { Db } from "@/lib/db/client";

// A digest of everything an organisation holds, so a test can say "nothing changed" about a refused
// request without naming the rows the request might have touched: every table with an orgId column
// (found in the catalogue, so a table added later is covered without an edit here), the organisation
// row itself, and its members' user rows and sessions (the security actions act on those). Sessions
// are compared without lastSeenAt, which every authenticated request touches by design.

export type Fingerprint = Record<string, string>;

async function digest(db: Db, sql: string, ...params: unknown[]): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM (${sql}) r`,
    ...params,
  );
  return `${row.n} rows ${row.h}`;
}

export async function tenantFingerprint(db: Db, orgIds: readonly string[]): Promise<Fingerprint> {
  const tables = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT table_name AS "table" FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'orgId' ORDER BY table_name`,
  );
  const ids = [...orgIds];
  const out: Fingerprint = {};
  for (const { table } of tables) out[table] = await digest(db, `SELECT t.* FROM "${table}" t WHERE t."orgId" = ANY($1::text[])`, ids);
  out.Organization = await digest(db, `SELECT o.* FROM "Organization" o WHERE o.id = ANY($1::text[])`, ids);
  const members = `SELECT m."userId" FROM "Membership" m WHERE m."orgId" = ANY($1::text[])`;
  out.User = await digest(db, `SELECT u.* FROM "User" u WHERE u.id IN (${members})`, ids);
  out.RecoveryCode = await digest(db, `SELECT c.* FROM "RecoveryCode" c WHERE c."userId" IN (${members})`, ids);
  out.UserSession = await digest(db, `SELECT s.id, s."userId", s."expiresAt", s."revokedAt", s."revokedReason", s."replacedById" FROM "UserSession" s WHERE s."userId" IN (${members})`, ids);
  return out;
}
