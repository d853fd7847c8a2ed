import "server-only";
import type { Sql } from "../risk/sql";
import { noMatches } from "./people";
import { ts, type BulkPlan } from "./plan";
import { IMPORT_WORK_MEM } from "./work-mem";

// The common large re-import is the same file again. Working out the whole plan (plan.ts) to learn that
// nothing changed passes over every staged row some twenty times; this check answers the question in two
// statements: every account of the file is folded into one digest of its details and of each of its
// logins (details, person, 2SV methods, permissions), the stored accounts the same way, and the two
// compared; people likewise. Only when every account and every person is the same does the import stop
// here with an all-unchanged plan; anything else — a difference, an account or person that would be
// matched by seller ID or e-mail, a login listed on two rows — goes through plan.ts as before, so the
// check can only save time, never change a result.
//
// Why "the same digest" means what plan.ts would call unchanged:
// - accounts are matched by external id (each file account has a stored one with its ext), their fields
//   compared as plan.ts compares them (timestamps as instants, marketplaces as the array), client too;
// - the stored side lists EVERY login of the account, ordered by external id (unique per account), so the
//   same text means the same set of logins: none removed, none new, none listed twice in the file;
// - a login's person is compared by external id (unique per organisation), which is how plan.ts matches
//   the file's person when a stored one has that id: same person id, and users need no comparison;
// - 2SV methods in (kind, role) order, within one kind and role the file's order against the stored ids'
//   order — the order in which plan.ts pairs them — with their phones; equal sequences mean each pair
//   keeps its device and phone, so plan.ts's comparison sees the stored methods again;
// - permissions as a sorted list (a multiset, as plan.ts compares them);
// - a person's or account's details must be the same on all of its rows (then the first row's are those);
// - the digest is md5 over these texts; \x1f and \x1e, which no validated text holds, separate the parts.

const SEP = `E'\\x1f'`;
const NUL = `E'\\x01'`;
const opt = (v: string) => `coalesce(${v}, ${NUL})`;
const instant = (v: string) => `coalesce(extract(epoch FROM ${v})::text, ${NUL})`;
const digest = (...parts: string[]) => `concat_ws(${SEP}, ${parts.join(", ")})`;

const fileAccount = digest("store_name", opt("seller_id"), "region", "marketplaces", "plan", "account_status", instant(ts("last_verified_at")));
const storedAccount = digest(`a."storeName"`, opt(`a."sellerId"`), "a.region", `array_to_string(a.marketplaces, ',', ${NUL})`, "a.plan::text", "a.status::text", instant(`a."lastVerifiedAt"`));
const fileLogin = digest(
  "login_ext", "role", opt("email"), "person_ext", "status", instant(ts("invited_at")), instant(ts("accepted_at")), instant(ts("last_login_at")),
  instant(ts("password_changed_at")), "password_reused::text", "methods_key", "grants_key",
);
const storedLogin = digest(
  `l."externalId"`, "l.role::text", opt("l.email"), opt(`p."externalId"`), "l.status::text", instant(`l."invitedAt"`), instant(`l."acceptedAt"`), instant(`l."lastLoginAt"`),
  instant(`l."passwordChangedAt"`), `l."passwordReused"::text`, "coalesce(m.k, '')", "coalesce(g.k, '')",
);
const filePerson = digest("person_name", "person_external::text", opt("person_company"), instant(ts("person_departed_at")));
const storedPerson = digest("p.name", "p.external::text", opt("p.company"), instant(`p."departedAt"`));
const key = (...parts: string[]) => `concat_ws('|', ${parts.join(", ")})`;

/**
 * An all-unchanged plan when the staged file is exactly what is stored; null when plan.ts must work it out.
 * `shared`: whether any staged login names other users (used_by): then those are compared too.
 */
export async function unchangedPlan(sql: Sql, orgId: string, clientId: string | null | undefined, shared = false): Promise<BulkPlan | null> {
  // A first import (or a file of mostly new accounts) shows it in its first rows: a few index look-ups
  // spare it the digests (16.6 s of a first 500,000-row import under load ~20 before this probe).
  const [probe] = await sql<{ missing: string }>(
    `SELECT count(*) AS missing FROM (SELECT DISTINCT account_ext FROM (SELECT account_ext FROM bulk_stage LIMIT 2000) s) f
     WHERE NOT EXISTS (SELECT 1 FROM "SellerAccount" a WHERE a."orgId" = $1 AND a."externalId" = f.account_ext)`,
    [orgId],
  );
  if (Number(probe.missing) > 0) return null;
  // Aggregates over whole tables, joined by hash: the stored tables' statistics may predate the last import.
  // The sorts behind the ordered aggregates hold every staged row and every stored grant (~250 MB each for
  // 500,000 rows): in memory, not in temp files, for these two statements only.
  await sql(`SET LOCAL enable_nestloop = off`, []);
  await sql(`SET LOCAL work_mem = '512MB'`, []);
  try {
    const [accounts] = await sql<{ total: string; differ: string }>(
      `WITH file AS (
         SELECT account_ext AS ext, min(${fileAccount}) AS d1, max(${fileAccount}) AS d2,
           md5(string_agg(${fileLogin}, E'\\x1e' ORDER BY login_ext COLLATE "C")) AS logins
         FROM bulk_stage GROUP BY account_ext),
       acc AS (SELECT a.id, a."externalId" AS ext, a."clientId", ${storedAccount} AS d FROM "SellerAccount" a JOIN file f ON f.ext = a."externalId" WHERE a."orgId" = $1),
       login AS (SELECT l.* FROM "Login" l JOIN acc ON acc.id = l."accountId" WHERE l."orgId" = $1),
       g AS (SELECT c."loginId", string_agg(${key(`c."toolId"`, "c.level::text", opt("c.marketplace"))}, ',' ORDER BY ${key(`c."toolId"`, "c.level::text", opt("c.marketplace"))} COLLATE "C") AS k
             FROM "PermissionGrant" c JOIN login l ON l.id = c."loginId" WHERE c."orgId" = $1 GROUP BY c."loginId"),
       m AS (SELECT c."loginId", string_agg(${key("c.kind::text", "c.role::text", opt(`c."phoneLast4"`))}, ',' ORDER BY c.kind::text COLLATE "C", c.role::text COLLATE "C", c.id) AS k
             FROM "TwoStepMethod" c JOIN login l ON l.id = c."loginId" WHERE c."orgId" = $1 GROUP BY c."loginId"),
       stored AS (SELECT l."accountId", md5(string_agg(${storedLogin}, E'\\x1e' ORDER BY l."externalId" COLLATE "C")) AS logins
                  FROM login l LEFT JOIN "Person" p ON p.id = l."personId" AND p."orgId" = $1 LEFT JOIN m ON m."loginId" = l.id LEFT JOIN g ON g."loginId" = l.id
                  GROUP BY l."accountId")
       SELECT count(*) AS total, count(*) FILTER (WHERE acc.id IS NULL OR f.d1 <> f.d2 OR f.d1 <> acc.d OR f.logins IS DISTINCT FROM s.logins
                                                   OR ($2::boolean AND acc."clientId" IS DISTINCT FROM $3::text)) AS differ
       FROM file f LEFT JOIN acc ON acc.ext = f.ext LEFT JOIN stored s ON s."accountId" = acc.id`,
      [orgId, clientId !== undefined, clientId ?? null],
    );
    if (Number(accounts.differ) > 0) return null;
    const [people] = await sql<{ total: string; differ: string }>(
      `WITH file AS (SELECT person_ext AS ext, min(${filePerson}) AS d1, max(${filePerson}) AS d2 FROM bulk_stage GROUP BY person_ext)
       SELECT count(*) AS total, count(*) FILTER (WHERE p.id IS NULL OR f.d1 <> f.d2 OR f.d1 <> ${storedPerson}) AS differ
       FROM file f LEFT JOIN "Person" p ON p."orgId" = $1 AND p."externalId" = f.ext`,
      [orgId],
    );
    if (Number(people.differ) > 0) return null;
    // Shared logins: a login whose used_by lists people has exactly those users besides its own person (the
    // digests above compared its person; one whose used_by is empty keeps what is stored, as plan.ts does).
    // The staged users text is sorted by code unit (stage.ts), which COLLATE "C" matches for the ids a sheet holds.
    if (shared) {
      const [users] = await sql<{ differ: string }>(
        `WITH s AS (SELECT account_ext, login_ext, users FROM bulk_stage WHERE users <> ''),
           l AS (SELECT s.users, lg.id, lg."personId" FROM s JOIN "SellerAccount" a ON a."orgId" = $1 AND a."externalId" = s.account_ext
                   JOIN "Login" lg ON lg."orgId" = $1 AND lg."accountId" = a.id AND lg."externalId" = s.login_ext),
           stored AS (SELECT l.id, string_agg(p."externalId", ' ' ORDER BY p."externalId" COLLATE "C") AS users FROM l
                        JOIN "LoginUser" u ON u."orgId" = $1 AND u."loginId" = l.id AND u."personId" <> l."personId" JOIN "Person" p ON p.id = u."personId" AND p."orgId" = $1 GROUP BY l.id)
         SELECT count(*) AS differ FROM l LEFT JOIN stored ON stored.id = l.id WHERE stored.users IS DISTINCT FROM l.users`,
        [orgId],
      );
      if (Number(users.differ) > 0) return null;
    }
    const unchanged = (n: string) => ({ created: 0, updated: 0, unchanged: Number(n) });
    return {
      summary: { accounts: unchanged(accounts.total), people: unchanged(people.total), devices: unchanged("0"), removed: { logins: 0, partners: 0, apps: 0 } },
      peopleMatchedByEmail: 0,
      // Every person of the file is stored under its external id (the check above), so each is that match;
      // a keep-apart choice only concerns e-mail matches, of which there are none (decision 023, stop 29).
      matches: noMatches(Number(people.total)),
    };
  } finally {
    await sql(`SET LOCAL enable_nestloop = on`, []);
    await sql(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`, []); // import.ts's setting for the rest of the transaction
  }
}
