import "server-only";
import type { Sql } from "../risk/sql";
import { ts } from "./plan";

// After an import that was not a dry run, each account of the file gets the digest of its cells
// (file-digest.ts) when what is stored is now exactly what those cells import to, and none otherwise
// (decision 032). Runs in the import's transaction, after its writes; the digests the triggers would
// have cleared on those writes are replaced here, which is why the writes may skip the triggers.

/** Marks this transaction's writes as the import's own: the digest triggers skip them (not the Person one). */
export async function markImportWriting(sql: Sql): Promise<void> {
  await sql(`SELECT set_config('gatehouse.import_writing', 'on', true)`, []);
}

/** unchanged.ts proved the staged file equal to what is stored: every account of it keeps its cells' digest. */
export async function storeDigestsOfUnchanged(sql: Sql, orgId: string, digests: Map<string, string> | null): Promise<void> {
  // A scattered file has no digests; nothing was written, so the digests already stored still hold.
  if (!digests) return;
  await markImportWriting(sql);
  await sql(
    `UPDATE "SellerAccount" a SET "importDigest" = d.digest FROM unnest($2::text[], $3::text[]) AS d(ext, digest)
     WHERE a."orgId" = $1 AND a."externalId" = d.ext AND a."importDigest" IS DISTINCT FROM d.digest`,
    [orgId, [...digests.keys()], [...digests.values()]],
  );
}

/**
 * plan.ts worked out the plan (and write.ts applied it): every account it matched or created gets its
 * digest, or NULL where a later import of the same cells might not find it equal — an account matched by
 * seller ID (stored under another id), a login matched by e-mail (the same), a person matched by e-mail,
 * or a person whose details on this account's rows are not the ones stored (another account's rows came
 * first: an import of this account's rows alone would change the person).
 */
export async function storeDigestsOfPlan(sql: Sql, orgId: string, digests: Map<string, string> | null, written: boolean): Promise<void> {
  if (!digests && !written) return;
  await markImportWriting(sql);
  const d = digests ?? new Map<string, string>();
  await sql(
    `WITH unsure AS (
       SELECT s.account_ext AS ext FROM bulk_stage s JOIN inc_person p ON p.ext = s.person_ext
        WHERE p.matched_by = 'email'
           OR (s.person_name, s.person_external, s.person_company, ${ts("s.person_departed_at")}) IS DISTINCT FROM (p.name, p.external, p.company, p.departed_at)
       UNION SELECT i.account_ext FROM inc_login i JOIN "Login" l ON l.id = i.id AND l."orgId" = $1 WHERE l."externalId" <> i.login_ext),
     next AS (
       SELECT i.id, CASE WHEN (i.matched_by = 'externalId' OR i.status = 'created') AND NOT EXISTS (SELECT 1 FROM unsure u WHERE u.ext = i.ext) THEN d.digest END AS digest
       FROM inc_account i LEFT JOIN unnest($2::text[], $3::text[]) AS d(ext, digest) ON d.ext = i.ext)
     UPDATE "SellerAccount" a SET "importDigest" = n.digest FROM next n
     WHERE a.id = n.id AND a."orgId" = $1 AND a."importDigest" IS DISTINCT FROM n.digest`,
    [orgId, [...d.keys()], [...d.values()]],
  );
}
