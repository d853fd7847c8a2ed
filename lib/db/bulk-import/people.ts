import "server-only";
import type { Sql } from "../risk/sql";

// People of a large import (decision 023, stop 29): matched set-wise with the rules of
// lib/snapshots/match-people.ts — by external id, then by the e-mail addresses of their logins, an existing
// person claimed at most once (external ids over the whole file first, then e-mail matches, earliest row
// first) — and every match listed for the preview, with the user's choice to keep an e-mail match apart.

/** One incoming person taken for an existing one by e-mail, or kept apart from that match. */
export interface BulkMatch {
  incomingId: string;
  name: string;
  /** The spreadsheet row where the incoming person is first listed. */
  row: number;
  /** The address both share. */
  email: string;
  existingId: string;
  existingName: string;
  /** An e-mail match the user chose to keep apart: a new person is made instead. */
  keptApart: boolean;
}

/**
 * Only the e-mail matches are listed one by one: they are what the user decides on. An external-id match is
 * the same record (nothing to choose, and a re-import has one per person), so it is counted — which also
 * lets the unchanged shortcuts, which stage nothing or match nobody by e-mail, give the same answer.
 */
export interface BulkMatches {
  /** E-mail matches and kept-apart ones in file order; at most MATCHES_SHOWN. */
  shown: BulkMatch[];
  byEmail: number;
  byExternalId: number;
  keptApart: number;
}

/** Matches a preview lists one by one; the counts cover the rest. */
export const MATCHES_SHOWN = 200;

export const noMatches = (byExternalId = 0): BulkMatches => ({ shown: [], byEmail: 0, byExternalId, keptApart: 0 });

/**
 * Fills inc_person's id, resolved_ext and matched_by ('externalId' | 'email'); for a person kept apart,
 * apart_id and match_email name the e-mail match it was kept from. `keepApart`: incoming person ids; an
 * id matched by external id is the same person and stays matched (as match-people.ts does).
 */
export async function matchIncomingPeople(sql: Sql, orgId: string, keepApart: readonly string[]): Promise<void> {
  await sql(`UPDATE inc_person i SET id = p.id, resolved_ext = p."externalId", matched_by = 'externalId' FROM "Person" p WHERE p."orgId" = $1 AND p."externalId" = i.ext`, [orgId]);
  if (keepApart.length) await sql(`UPDATE inc_person SET kept_apart = true WHERE id IS NULL AND ext = ANY($1::text[])`, [[...keepApart]]);
  // A kept-apart person claims nobody, so its candidate stays free for a later row (match-people.ts);
  // it still gets its first candidate recorded, so the preview shows what it was kept apart from.
  await sql(
    `WITH emails AS (SELECT s.person_ext, lower(s.email) AS email, min(s.login_row) AS r FROM bulk_stage s JOIN inc_person i ON i.ext = s.person_ext AND i.id IS NULL
                     WHERE s.email IS NOT NULL GROUP BY 1, 2),
       holders AS (SELECT lower(email) AS email, "personId" AS pid FROM "Login" WHERE "orgId" = $1 AND lower(email) IN (SELECT email FROM emails)
                   UNION SELECT lower(email), id FROM "Person" WHERE "orgId" = $1 AND lower(email) IN (SELECT email FROM emails)),
       candidates AS (SELECT e.person_ext, e.email, p.id, p."externalId" AS ext, e.r FROM emails e JOIN holders h ON h.email = e.email JOIN "Person" p ON p.id = h.pid AND p."orgId" = $1
                      WHERE NOT EXISTS (SELECT 1 FROM inc_person c WHERE c.id = p.id)),
       first_for_person AS (SELECT DISTINCT ON (person_ext) * FROM candidates ORDER BY person_ext, r, id),
       first_for_existing AS (SELECT DISTINCT ON (f.id) f.* FROM first_for_person f JOIN inc_person i ON i.ext = f.person_ext AND NOT i.kept_apart ORDER BY f.id, i.row),
       chosen AS (SELECT person_ext, email, id, ext, false AS apart FROM first_for_existing
                  UNION ALL SELECT f.person_ext, f.email, f.id, f.ext, true FROM first_for_person f JOIN inc_person i ON i.ext = f.person_ext AND i.kept_apart)
     UPDATE inc_person i SET match_email = c.email,
       id = CASE WHEN c.apart THEN NULL ELSE c.id END, resolved_ext = CASE WHEN c.apart THEN NULL ELSE c.ext END,
       matched_by = CASE WHEN c.apart THEN NULL ELSE 'email' END, apart_id = CASE WHEN c.apart THEN c.id END
     FROM chosen c WHERE i.ext = c.person_ext`,
    [orgId],
  );
}

/** The matches for the preview (after inc_person's statuses are set): the first MATCHES_SHOWN and the counts. */
export async function listMatches(sql: Sql, orgId: string): Promise<BulkMatches> {
  const rows = await sql<{ ext: string; name: string; row: number; email: string; existing_ext: string; existing_name: string; apart: boolean }>(
    `SELECT i.ext, i.name, i.row, i.match_email AS email, p."externalId" AS existing_ext, p.name AS existing_name, i.apart_id IS NOT NULL AS apart
     FROM inc_person i JOIN "Person" p ON p."orgId" = $1 AND p.id = coalesce(i.apart_id, i.id)
     WHERE i.matched_by = 'email' OR i.apart_id IS NOT NULL ORDER BY i.row LIMIT ${MATCHES_SHOWN}`,
    [orgId],
  );
  const [counts] = await sql<{ email: string; external: string; apart: string }>(
    `SELECT count(*) FILTER (WHERE matched_by = 'email') AS email, count(*) FILTER (WHERE matched_by = 'externalId') AS external, count(*) FILTER (WHERE apart_id IS NOT NULL) AS apart FROM inc_person`,
    [],
  );
  return {
    shown: rows.map((r) => ({ incomingId: r.ext, name: r.name, row: r.row, email: r.email, existingId: r.existing_ext, existingName: r.existing_name, keptApart: r.apart })),
    byEmail: Number(counts.email),
    byExternalId: Number(counts.external),
    keptApart: Number(counts.apart),
  };
}
