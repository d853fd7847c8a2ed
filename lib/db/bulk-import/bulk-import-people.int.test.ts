import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "@/lib/csv";
import { readLoginsCsv } from "@/lib/spreadsheets/read-csv";
import { parseSnapshot } from "@/lib/validation/snapshot";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { upsertSnapshot } from "../snapshots/upsert";
import { runBulkImport } from "./import";

// One person, one record, on the large path (decision 023, stop 29): an incoming person whose login has
// the e-mail address of a person on record is shown in the dry run as that match, can be kept apart (a new
// person is made), and the choice leaves what the whole-file import leaves with the same choice; a file
// imported again with the same choice changes nothing, and a choice made on a re-import is not skipped
// as "unchanged" by the digests of decision 032.

const { db, file } = bulkImportFixture("bulk-people-");

const HEADER = ["account_id", "store_name", "login_id", "role", "email", "person_id", "name", "login_status", "used_by", "ORDERS"];
type Tenant = { orgId: string; userId: string };

/** The person on record: Hana, with a login at hana@example.com on one account. */
const FIRST = [HEADER, ["acc-1", "Sakura", "l-hana", "PRIMARY", "hana@example.com", "p-hana", "Hana Sato", "ACTIVE", "", "ADMIN"]];
/** Another agency's file: Hanako, under her own id, with a login at the same address; Ken shares her login. */
const SECOND = [
  HEADER,
  ["acc-2", "Momiji", "l-hanako", "PRIMARY", "HANA@example.com", "p-hanako", "Hanako Sato", "ACTIVE", "p-ken", "ADMIN"],
  ["acc-2", "Momiji", "l-ken", "SECONDARY", "ken@example.com", "p-ken", "Ken Ito", "ACTIVE", "", "VIEW"],
];

const bytes = (rows: string[][]) => new TextEncoder().encode(encodeCsv(rows));

async function bulk(tenant: Tenant, rows: string[][], options: { dryRun?: boolean; keepApart?: string[] } = {}) {
  const path = file(`${tenant.orgId}-${Math.random()}.csv`);
  await writeFile(path, bytes(rows));
  const result = await runBulkImport(await scopeFor(tenant.userId, tenant.orgId), { path, kind: "csv", dryRun: options.dryRun ?? false, keepApart: options.keepApart });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

async function whole(tenant: Tenant, rows: string[][], keepApart: string[] = []) {
  const sheet = readLoginsCsv(bytes(rows));
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems));
  const parsed = parseSnapshot(sheet.snapshot);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = await upsertSnapshot(await scopeFor(tenant.userId, tenant.orgId), parsed.snapshot, { source: "IMPORT", loginsOnly: true, keepApart });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** People and who holds and uses each login, by external id. */
async function stateOf(orgId: string) {
  const q = (text: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(text, orgId);
  return {
    people: await q(`SELECT "externalId", name FROM "Person" WHERE "orgId" = $1 ORDER BY 1`),
    logins: await q(
      `SELECT l."externalId", p."externalId" AS person,
         (SELECT string_agg(up."externalId", ',' ORDER BY up."externalId") FROM "LoginUser" u JOIN "Person" up ON up.id = u."personId" WHERE u."loginId" = l.id) AS users
       FROM "Login" l JOIN "Person" p ON p.id = l."personId" WHERE l."orgId" = $1 ORDER BY 1`,
    ),
    audits: (await q(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "orgId" = $1 AND action = 'snapshot.upserted'`))[0].n,
  };
}

const hanaMatch = { incomingId: "p-hanako", name: "Hanako Sato", row: 2, email: "hana@example.com", existingId: "p-hana", existingName: "Hana Sato" };

describe("people of a large import", () => {
  it("shows an e-mail match in the dry run, and writes nothing", { timeout: 60_000 }, async () => {
    const tenant = await createTenant(db);
    await bulk(tenant, FIRST);
    const before = await stateOf(tenant.orgId);
    const preview = await bulk(tenant, SECOND, { dryRun: true });
    expect(preview.plan.matches).toEqual({ shown: [{ ...hanaMatch, keptApart: false }], byEmail: 1, byExternalId: 0, keptApart: 0 });
    expect(preview.plan.summary.people).toEqual({ created: 1, updated: 1, unchanged: 0 }); // Ken new; Hana takes the file's name
    expect(await stateOf(tenant.orgId)).toEqual(before);
  });

  it("keeps a match apart as a new person, as the whole-file import does; the same file and choice again change nothing", { timeout: 60_000 }, async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    await bulk(a, FIRST);
    await whole(b, FIRST);

    const preview = await bulk(a, SECOND, { dryRun: true, keepApart: ["p-hanako"] });
    expect(preview.plan.matches).toEqual({ shown: [{ ...hanaMatch, keptApart: true }], byEmail: 0, byExternalId: 0, keptApart: 1 });
    expect(preview.plan.summary.people).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const applied = await bulk(a, SECOND, { keepApart: ["p-hanako"] });
    const reference = await whole(b, SECOND, ["p-hanako"]);
    expect(applied.written).toBe(true);
    expect(applied.plan.summary).toEqual(reference.summary);
    const state = await stateOf(a.orgId);
    expect(state.people).toEqual([{ externalId: "p-hana", name: "Hana Sato" }, { externalId: "p-hanako", name: "Hanako Sato" }, { externalId: "p-ken", name: "Ken Ito" }]);
    expect(state.logins).toEqual([
      { externalId: "l-hana", person: "p-hana", users: "p-hana" },
      { externalId: "l-hanako", person: "p-hanako", users: "p-hanako,p-ken" },
      { externalId: "l-ken", person: "p-ken", users: "p-ken" },
    ]);
    expect({ ...state, audits: 0 }).toEqual({ ...(await stateOf(b.orgId)), audits: 0 });

    const again = await bulk(a, SECOND, { keepApart: ["p-hanako"] });
    expect(again.written).toBe(false);
    expect(again.plan.summary.people).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await stateOf(a.orgId)).toEqual(state);
  });

  it("applies a keep-apart choice made on a re-import of a file already imported with the match", { timeout: 60_000 }, async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    await bulk(a, FIRST);
    await whole(b, FIRST);
    await bulk(a, SECOND);
    await whole(b, SECOND);
    const merged = await stateOf(a.orgId);
    expect(merged.people.map((p) => p.externalId)).toEqual(["p-hana", "p-ken"]); // Hanako taken for Hana
    expect((await bulk(a, SECOND)).written).toBe(false); // the same file and choice: nothing to do

    // Now the user keeps Hanako apart: the stored state is the file's "matched" state, so an answer of
    // "unchanged" would drop the choice. The account was stored without a digest (a person matched by
    // e-mail), and the staged comparison sees the login's person change.
    const preview = await bulk(a, SECOND, { dryRun: true, keepApart: ["p-hanako"] });
    expect(preview.unchanged).toBeUndefined();
    expect(preview.plan.matches.keptApart).toBe(1);
    const applied = await bulk(a, SECOND, { keepApart: ["p-hanako"] });
    const reference = await whole(b, SECOND, ["p-hanako"]);
    expect(applied.written).toBe(true);
    expect(applied.plan.summary).toEqual(reference.summary);
    const state = await stateOf(a.orgId);
    expect(state.people.map((p) => p.externalId)).toEqual(["p-hana", "p-hanako", "p-ken"]);
    expect({ ...state, audits: 0 }).toEqual({ ...(await stateOf(b.orgId)), audits: 0 });

    // From now on Hanako is on record under her own id: the choice has nothing left to decide, and the
    // same file (with or without it) is told unchanged by its stored digests.
    const withChoice = await bulk(a, SECOND, { keepApart: ["p-hanako"] });
    expect(withChoice.unchanged).toBe("stored");
    expect((await bulk(a, SECOND)).unchanged).toBe("stored");
    expect(await stateOf(a.orgId)).toEqual(state);
  });
});
