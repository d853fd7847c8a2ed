import "server-only";
import type { Sql } from "../risk/sql";
import { ts } from "./plan";

// After an import that was not a dry run, each account of the file gets the digest of its cells
// (file-digest.ts) when what is stored is now exactly what those cells import to, and none otherwise
// (decision 032). Runs in the import's transaction, after its writes; the digests the triggers would
// have cleared on those writes are replaced here, which is why the writes may skip the triggers.

// The concurrent edit (decision 032, stop 28; migration 20261209030000_import_digest_cleared_by_writer): every
// other writer's trigger leaves `cleared:<its transaction id>` (whatever the value was, NULL included), and the
// import stores a digest only where the value is still the one it read before planning — or is its own
// transaction's mark, which the Person trigger leaves on the import's own person writes only over a value no
// other transaction has marked since. A write that commits after the snapshot therefore keeps its mark (the
// next import of the same file takes the staged path and applies the file over the edit); one that is still
// running when the import stores its digests holds the account's row (its trigger updated it), so the store
// waits for it and re-checks the value, or it waits for the import and marks the account after it.

/** The prefix of a mark left by a writer other than the import: never a digest (those are base64url). */
export const CLEARED_MARK = "cleared:";

/** The value the import compares each account's digest with before storing one: read before planning. */
export async function snapshotDigests(sql: Sql, orgId: string): Promise<void> {
  await sql(`CREATE TEMP TABLE import_digest_snapshot ON COMMIT DROP AS SELECT id, "importDigest" AS digest FROM "SellerAccount" WHERE "orgId" = $1`, [orgId]);
  await sql(`ANALYZE import_digest_snapshot`, []);
}

/** The compare-and-set: account `a` holds what the snapshot read, or this transaction's own mark. */
const UNTOUCHED = `(EXISTS (SELECT 1 FROM import_digest_snapshot snap WHERE snap.id = a.id AND snap.digest IS NOT DISTINCT FROM a."importDigest")
       OR a."importDigest" = '${CLEARED_MARK}' || pg_current_xact_id()::text)`;

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
     WHERE a."orgId" = $1 AND a."externalId" = d.ext AND a."importDigest" IS DISTINCT FROM d.digest AND ${UNTOUCHED}`,
    [orgId, [...digests.keys()], [...digests.values()]],
  );
}

/**
 * plan.ts worked out the plan (and write.ts applied it): every account it matched or created gets its
 * digest, or NULL where a later import of the same cells might not find it equal — an account matched by
 * seller ID (stored under another id), a login matched by e-mail (the same), a person matched by e-mail
 * (its own logins' accounts, and those where it uses a shared login),
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
       UNION SELECT i.account_ext FROM inc_login i JOIN "Login" l ON l.id = i.id AND l."orgId" = $1 WHERE l."externalId" <> i.login_ext
       UNION SELECT u.account_ext FROM inc_user u JOIN inc_person p ON p.id = u.person_id WHERE p.matched_by = 'email'),
     next AS (
       SELECT i.id, i.status, CASE WHEN (i.matched_by = 'externalId' OR i.status = 'created') AND NOT EXISTS (SELECT 1 FROM unsure u WHERE u.ext = i.ext) THEN d.digest END AS digest
       FROM inc_account i LEFT JOIN unnest($2::text[], $3::text[]) AS d(ext, digest) ON d.ext = i.ext)
     UPDATE "SellerAccount" a SET "importDigest" = n.digest FROM next n
     WHERE a.id = n.id AND a."orgId" = $1 AND a."importDigest" IS DISTINCT FROM n.digest
       AND (n.digest IS NULL OR n.status = 'created' OR ${UNTOUCHED})`,
    [orgId, [...d.keys()], [...d.values()]],
  );
}
