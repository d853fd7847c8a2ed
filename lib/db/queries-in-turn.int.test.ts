import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { recordTriageSchema } from "@/lib/validation/triage";
import type { Db } from "./client";
import { startCampaign } from "./reviews/start-campaign";
import { upsertSnapshot } from "./snapshots/upsert";
import { recordTriage } from "./triage/sessions";
import { createAppPool, createTenantDb } from "./tenant";
import { syncToolCatalogue } from "./tools";

// A transaction is one connection, and a connection runs one query at a time (decision 076). Prisma 7 reads an
// include's relations with Promise.all, which inside a transaction put them all on that one pg client at once: pg 8
// queued them and warned ("Calling client.query() when the client is already executing a query is deprecated"),
// pg 9 refuses them. Every pg client's query() is watched here: none may be given a query while it still runs one.
const db = testDb();
const pool = createAppPool(undefined, 2);
let orgId: string;
let userId: string;

const PG_QUEUE_WARNING = /already executing a query/;
type Busy = { _activeQuery?: unknown; _queryQueue: unknown[] };
const original = pg.Client.prototype.query;
let overlapping: string[] = [];
let warnings: string[] = [];
const onWarning = (warning: Error) => void (PG_QUEUE_WARNING.test(warning.message) && warnings.push(warning.message));

beforeAll(async () => {
  await syncToolCatalogue(db);
  ({ orgId, userId } = await createTenant(db));
  await importSnapshot(db, orgId, oneAccountSnapshot("In-turn store"));
});

beforeEach(() => {
  overlapping = [];
  warnings = [];
  pg.Client.prototype.query = function (this: pg.Client & Busy, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue.length > 0) {
      const first = args[0] as string | { text?: string };
      overlapping.push(String(typeof first === "string" ? first : first?.text).slice(0, 80));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  process.on("warning", onWarning);
});

afterEach(() => {
  pg.Client.prototype.query = original;
  process.off("warning", onWarning);
});

afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});

/** One account with five relations, two of them with relations of their own: Prisma sends each level's at once. */
const readAccount = (client: Pick<Db, "sellerAccount">) =>
  client.sellerAccount.findFirstOrThrow({
    where: { orgId, storeName: "In-turn store" },
    include: { logins: { include: { person: true, twoStepMethods: true, permissions: true } }, partners: true, apps: true, otherAccess: true, findings: true },
  });

describe("queries on one connection go one at a time", () => {
  it("a signed-in user's transaction reading an account with its relations", async () => {
    const tenantDb = createTenantDb(pool, orgId);
    const alone = await readAccount(tenantDb);
    overlapping = [];
    const inTransaction = await tenantDb.$transaction((tx) => readAccount(tx));
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
    // The same rows, in the transaction as outside it.
    expect(inTransaction).toEqual(alone);
    expect(inTransaction.logins[0]!.permissions.length).toBeGreaterThan(0);
    expect(inTransaction.logins[0]!.twoStepMethods.length).toBeGreaterThan(0);
  });

  it("the owner's transaction (jobs, imports, the launcher) reading the same", async () => {
    const inTransaction = await db.$transaction((tx) => readAccount(tx));
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
    expect(inTransaction.logins[0]!.person.name).toBe("Owner");
  });

  it("a failed query in the transaction does not let the next one overlap, and rolls back as before", async () => {
    const tenantDb = createTenantDb(pool, orgId);
    const name = `Kept out ${randomUUID().slice(0, 8)}`;
    await expect(
      tenantDb.$transaction(async (tx) => {
        await tx.client.create({ data: { orgId, name } });
        await readAccount(tx);
        await tx.$queryRawUnsafe("SELECT no_such_column FROM \"Client\"");
      }),
    ).rejects.toThrow(/no_such_column/);
    expect(overlapping).toEqual([]);
    expect(await db.client.count({ where: { orgId, name } })).toBe(0);
  });

  it("starting an access review freezes every access path inside one transaction, one query at a time", async () => {
    const scope = await scopeFor(userId, orgId);
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, storeName: "In-turn store" }, select: { id: true } });
    const campaign = await startCampaign(scope, { name: "In turn", clientIds: [], accountIds: [account.id], reviewerIds: [userId], dueOn: "2099-12-31", recurrence: "NONE" });
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
    const items = await db.reviewItem.findMany({ where: { campaignId: campaign.id }, select: { kind: true, label: true, detail: true } });
    expect(items).toEqual([{ kind: "LOGIN", label: "owner@shop.example", detail: expect.objectContaining({ person: "Owner", grants: [{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }] }) }]);
  });

  it("importing a snapshot over stored accounts (the import page, the workbook, the API) compares them inside its transaction one query at a time", async () => {
    // The path that printed pg's warning in the running app: the upsert reads the stored accounts with their
    // logins (and each login's users, 2SV methods and permissions), partners, apps and other access.
    const { orgId: importOrg, userId: importer } = await createTenant(db);
    const scope = await scopeFor(importer, importOrg);
    const snapshot = snapshotSchema.parse(oneAccountSnapshot("Imported twice"));
    const first = await upsertSnapshot(scope, snapshot, { source: "IMPORT" });
    const again = await upsertSnapshot(scope, snapshot, { source: "IMPORT" });
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true });
    expect(await db.sellerAccount.count({ where: { orgId: importOrg } })).toBe(1);
  });

  it("recording a \"can't log in\" triage reads the account's logins with their people, users and 2SV methods in its transaction, one at a time", async () => {
    const scope = await scopeFor(userId, orgId);
    const login = await db.login.findFirstOrThrow({ where: { orgId, account: { storeName: "In-turn store" } }, select: { id: true, accountId: true } });
    const recorded = await recordTriage(scope, recordTriageSchema.parse({ accountId: login.accountId, loginId: login.id, outcome: "RESOLVED", "answer.lost-phone": "this" }));
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
    expect(await db.triageSession.count({ where: { id: recorded.id, orgId } })).toBe(1);
  });
});
