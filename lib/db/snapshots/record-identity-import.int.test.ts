import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GET as listAccounts } from "@/app/api/v1/accounts/route";
import { GET as getSnapshot } from "@/app/api/v1/snapshot/route";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { encodeCsv } from "@/lib/csv";
import { createApiToken } from "@/lib/db/api-tokens/tokens";
import { parseSnapshotText } from "@/lib/snapshots/snapshot-text";
import { readBulkFiles } from "@/lib/spreadsheets/read-bulk";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import { snapshotSchema, type Snapshot, type SnapshotInput } from "@/lib/validation/snapshot";
import { callApi } from "@/tests/support/api";
import { bulkImportFixture, importedRowCounts } from "@/tests/support/bulk-import-fixture";
import { createTenant, daysAgo, scopeFor } from "@/tests/support/factories";
import { runBulkImport } from "../bulk-import/import";
import { createClient, lockClientNames } from "../clients/client-records";
import { exportSnapshot } from "./export";
import { upsertSnapshot } from "./upsert";

// Decision 074: the spreadsheet paths refuse what the account forms refuse (a login e-mail twice on an account, a 2SV
// method twice, a second primary method) and write nothing, while a JSON snapshot is taken as SNAPSHOT.md defines it;
// and every path finds a client as the client form does, under its lock, so none creates a width-twin.

const { db, file } = bulkImportFixture("record-identity-");

function base(): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-owner", name: "Kumo Owner" }, { id: "p-ito", name: "Ito Ken" }],
    devices: [],
    accounts: [
      {
        id: "acc-kumo", storeName: "Kumo Books", sellerId: "AKUMO0000074", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(3),
        logins: [
          { id: "l-owner", role: "PRIMARY", email: "owner@kumo.example", personId: "p-owner", status: "ACTIVE", lastLoginAt: daysAgo(1),
            twoStep: [{ kind: "SMS", role: "PRIMARY", phoneLast4: "1234" }], permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] },
        ],
      },
    ],
  };
}

type Variant = { name: string; path: string; key: string; build: (doc: SnapshotInput) => void };
const logins = (doc: SnapshotInput) => doc.accounts[0].logins!;
/** Each also renames the store, so an import that let it through would have something to write. */
const variants: Variant[] = [
  { name: "a second login with the same e-mail in another case", path: "accounts[0].logins[1].email", key: "loginEmailTwice",
    build: (doc) => logins(doc).push({ id: "l-again", role: "SECONDARY", email: "OWNER@Kumo.example", personId: "p-ito", status: "ACTIVE" }) },
  { name: "the same SMS number twice on one login", path: "accounts[0].logins[0].twoStep[1]", key: "twoStepMethodTwice",
    build: (doc) => logins(doc)[0].twoStep!.push({ kind: "SMS", role: "BACKUP", phoneLast4: "1234" }) },
  { name: "two primary methods on one login", path: "accounts[0].logins[0].twoStep[1].role", key: "onePrimaryMethod",
    build: (doc) => logins(doc)[0].twoStep!.push({ kind: "AUTHENTICATOR_APP", role: "PRIMARY" }) },
];
const bad = (variant: Variant): SnapshotInput => {
  const doc = base();
  doc.accounts[0].storeName = "Kumo Books (renamed)";
  variant.build(doc);
  return doc;
};

async function tenantWithBase() {
  const tenant = await createTenant(db);
  const scope = await scopeFor(tenant.userId, tenant.orgId);
  const first = await upsertSnapshot(scope, snapshotSchema.parse(base()), { source: "IMPORT" });
  expect(first.ok).toBe(true);
  return { ...tenant, scope };
}

async function stored(orgId: string) {
  return { ...(await importedRowCounts(db, orgId)), clients: await db.client.count({ where: { orgId } }), storeNames: (await db.sellerAccount.findMany({ where: { orgId }, select: { storeName: true } })).map((a) => a.storeName) };
}

const csv = (doc: SnapshotInput) => new TextEncoder().encode(encodeCsv(snapshotToLoginRows(snapshotSchema.parse(doc) as Snapshot, "en")));

describe("a spreadsheet is refused a record the forms refuse, and nothing is written", () => {
  for (const variant of variants) {
    it(`CSV on the import page: ${variant.name}, named by its row`, async () => {
      const { orgId, scope } = await tenantWithBase();
      const before = await stored(orgId);
      const book = await readBulkFiles([{ name: "logins.csv", bytes: csv(bad(variant)) }]);
      if (!book.ok) throw new Error(JSON.stringify(book.problems));
      const read = parseSnapshotText(JSON.stringify(book.snapshot), { fromSpreadsheet: true });
      const loginRow = variant.key === "loginEmailTwice" ? 3 : 2;
      expect(read.ok ? [] : read.errors.map((e) => [book.placeOf(e.path)?.row, e.path, e.reason?.key])).toEqual([[loginRow, variant.path, variant.key]]);
      // The upsert refuses a spreadsheet's document too, whoever calls it with one the schema alone accepts.
      const upsert = await upsertSnapshot(scope, snapshotSchema.parse(book.snapshot), { source: "IMPORT", client: "Kumo KK", loginsOnly: true, listed: book.listed });
      expect(upsert.ok ? [] : upsert.errors.map((e) => e.path)).toEqual([variant.path]);
      expect(await stored(orgId)).toEqual(before);
    });
  }

  it("the large-file import: the duplicate e-mail is named by its row and nothing is written", async () => {
    const { orgId, scope } = await tenantWithBase();
    const before = await stored(orgId);
    const path = file(`${orgId}.csv`);
    await writeFile(path, csv(bad(variants[0])));
    const result = await runBulkImport(scope, { path, kind: "csv", dryRun: false });
    expect(result.ok).toBe(false);
    const problems = !result.ok && "problems" in result ? result.problems : [];
    expect(problems.map((p) => ("error" in p ? [p.row, p.error.reason?.key] : ["cell", p.sheet.key]))).toEqual([[3, "loginEmailTwice"]]);
    expect(await stored(orgId)).toEqual(before);
  });
});

describe("a JSON snapshot is taken as SNAPSHOT.md defines it", () => {
  it("the JSON import and POST /api/v1/snapshots accept such copies (the format forbids none of them), as `gatehouse audit` does", async () => {
    const { orgId, scope } = await tenantWithBase();
    const { token } = await createApiToken(scope, { name: "capture", scope: "write", clientIds: [], expiresOn: null });
    for (const variant of variants) {
      expect(parseSnapshotText(JSON.stringify(bad(variant))).ok).toBe(true);
      const answer = await callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots", token, body: JSON.stringify(bad(variant)) });
      expect(answer.status, answer.text).toBe(200);
    }
    expect(await db.login.count({ where: { orgId } })).toBe(1);
    expect(await db.twoStepMethod.count({ where: { orgId } })).toBe(2);
  });
});

describe("a client named as a width-twin of an existing one is that client", () => {
  it("POST /api/v1/snapshots?client=Ｋｕｍｏ　ＫＫ upserts into \"Kumo KK\"; GET /api/v1/snapshot and the download find it by the twin too", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId, tenant.orgId);
    const { id: kumo } = await createClient(scope, { name: "Kumo KK" });
    const { token } = await createApiToken(scope, { name: "capture", scope: "write", clientIds: [], expiresOn: null });
    const post = await callApi(postSnapshots, { method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("Ｋｕｍｏ\u3000ＫＫ")}`, token, body: JSON.stringify(base()) });
    expect(post.status).toBe(200);
    expect(await db.client.findMany({ where: { orgId: tenant.orgId }, select: { id: true, name: true } })).toEqual([{ id: kumo, name: "Kumo KK" }]);
    expect((await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId } })).clientId).toBe(kumo);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: tenant.orgId, action: "snapshot.upserted" } });
    expect(audit.after).toMatchObject({ client: "Kumo KK" });

    const got = await callApi(getSnapshot, { path: `/api/v1/snapshot?client=${encodeURIComponent("  kumo   kk ")}`, token });
    expect(got.status).toBe(200);
    expect((got.json as Snapshot).accounts.map((a) => a.id)).toEqual(["acc-kumo"]);
    expect((await exportSnapshot(scope, { client: "ＫＵＭＯ ｋｋ" })).accounts.map((a) => a.id)).toEqual(["acc-kumo"]);
    // The accounts list's client filter names the same client by the same rule; a name of no client is 404, as the
    // snapshot answers it, not an empty list (decision 093).
    const listed = await callApi(listAccounts, { path: `/api/v1/accounts?client=${encodeURIComponent("ｋｕｍｏ ｋｋ")}`, token });
    expect(listed.status).toBe(200);
    expect((listed.json as { data: { id: string; client: string }[] }).data.map((a) => [a.id, a.client])).toEqual([["acc-kumo", "Kumo KK"]]);
    const none = await callApi(listAccounts, { path: "/api/v1/accounts?client=Sora", token });
    expect([none.status, none.json]).toEqual([404, { error: { code: "not_found", message: "Not found." } }]);

    // A client-restricted token: its client found by the twin, the write allowed. It posts what it sees: p-ito is on
    // no account, so not its to name (decision 082).
    const restricted = await createApiToken(scope, { name: "kumo only", scope: "write", clientIds: [kumo], expiresOn: null });
    const seen = { ...base(), people: (base().people ?? []).filter((p) => p.id !== "p-ito") };
    const again = await callApi(postSnapshots, { method: "POST", path: `/api/v1/snapshots?client=${encodeURIComponent("ｋｕｍｏ ｋｋ")}`, token: restricted.token, body: JSON.stringify(seen) });
    expect(again.status).toBe(200);
    expect(await db.client.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });

  it("an import naming a new client waits for the form creating its twin, then lands in it (the same client-name lock)", async () => {
    const tenant = await createTenant(db);
    const scope = await scopeFor(tenant.userId, tenant.orgId);
    let settled = false;
    let upsert: ReturnType<typeof upsertSnapshot> | null = null;
    // Stands for the client form between its name check and its commit: it holds the lock and has created "Kumo KK".
    const formClient = await db.$transaction(
      async (tx) => {
        await lockClientNames(tx, tenant.orgId);
        const client = await tx.client.create({ data: { orgId: tenant.orgId, name: "Kumo KK" } });
        upsert = upsertSnapshot(scope, snapshotSchema.parse(base()), { source: "IMPORT", client: "Ｋｕｍｏ\u3000ＫＫ" }).finally(() => (settled = true));
        // Until the import either waits on a lock or has finished (without the lock it would not wait, and make a twin).
        for (let i = 0; i < 1_000 && !settled; i++) {
          const [{ waiting }] = await tx.$queryRawUnsafe<{ waiting: number }[]>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          if (waiting > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return client;
      },
      { timeout: 60_000 },
    );
    const result = await upsert!;
    expect(result.ok && result.preview.client).toEqual({ name: "Kumo KK", created: false });
    expect(await db.client.findMany({ where: { orgId: tenant.orgId }, select: { id: true } })).toEqual([{ id: formClient.id }]);
    expect((await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId } })).clientId).toBe(formClient.id);
  });
});
