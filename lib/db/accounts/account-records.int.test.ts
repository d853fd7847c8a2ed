import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createAccountSchema, updateAccountSchema } from "@/lib/validation/account-form";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { recomputeOrganisations } from "../risk/recompute-all";
import { accountRemovalPreview, createAccount, removeAccount, updateAccount } from "./account-records";

const db = testDb();
const today = new Date().toISOString().slice(0, 10);
const sellerId = () => `A${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
const openRules = async (accountId: string) =>
  (await db.finding.findMany({ where: { accountId, status: "OPEN" }, select: { ruleId: true } })).map((f) => f.ruleId).sort();

async function owner() {
  const tenant = await createTenant(db);
  return { ...tenant, scope: await scopeFor(tenant.userId) };
}

describe("seller accounts typed in", () => {
  it("creates an account with its findings and one audit event; refuses a taken seller id and another organisation's client", async () => {
    const { orgId, scope } = await owner();
    const client = await db.client.create({ data: { orgId, name: "Kumo KK" } });
    const id = sellerId();
    const input = createAccountSchema.parse({ storeName: "Kumo Books", sellerId: id.toLowerCase(), region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: client.id });
    const { id: accountId } = await createAccount(scope, input);
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({ storeName: "Kumo Books", sellerId: id, source: "FORM", clientId: client.id, version: 1 });
    // Nothing recorded yet: nobody logs in, nobody verified it.
    expect(await openRules(accountId)).toEqual(expect.arrayContaining(["DORMANT_ACCOUNT", "UNVERIFIED_DATA"]));
    const events = await db.auditEvent.findMany({ where: { orgId, accountId, action: "account.created" } });
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ storeName: "Kumo Books", sellerId: id, source: "FORM" });

    expect((await failure(createAccount(scope, { ...input, storeName: "Again" })))?.details).toEqual({ sellerId: "validation.sellerIdTaken" });
    const other = await owner();
    const foreign = await db.client.create({ data: { orgId: other.orgId, name: "Not yours" } });
    expect((await failure(createAccount(scope, { ...input, sellerId: sellerId(), clientId: foreign.id })))?.details).toEqual({ clientId: "validation.unknownClient" });
    expect(await db.sellerAccount.count({ where: { orgId } })).toBe(1);
  });

  it("edits with optimistic locking: the change recomputes findings, is audited with before and after, and a stale form gets the current values", async () => {
    const { orgId, scope } = await owner();
    const ids = await importSnapshot(db, orgId, oneAccountSnapshot("Hoshi Store", sellerId()));
    const accountId = ids("account", "acc");
    await recomputeOrganisations(db, { today, orgIds: [orgId] });
    expect(await openRules(accountId)).not.toContain("SUSPENDED");
    const before = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    const edit = updateAccountSchema.parse({
      accountId, version: String(before.version), storeName: "Hoshi Store JP", sellerId: before.sellerId, region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "SUSPENDED", clientId: "",
    });
    await updateAccount(scope, edit);
    expect(await openRules(accountId)).toContain("SUSPENDED");
    const [event] = await db.auditEvent.findMany({ where: { orgId, accountId, action: "account.updated" } });
    expect(event.before).toMatchObject({ storeName: "Hoshi Store", status: "ACTIVE" });
    expect(event.after).toMatchObject({ storeName: "Hoshi Store JP", status: "SUSPENDED" });

    // The same form again (its version is now stale): refused, nothing written, the current values returned.
    const stale = await failure(updateAccount(scope, { ...edit, storeName: "Overwritten", status: "ACTIVE" }));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.current).toMatchObject({ storeName: "Hoshi Store JP", status: "SUSPENDED", version: String(before.version + 1) });
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { storeName: true } })).toEqual({ storeName: "Hoshi Store JP" });
  });

  it("lets exactly one of 50 concurrent edits from the same version through; the other 49 get the conflict", async () => {
    const { orgId, scope } = await owner();
    const ids = await importSnapshot(db, orgId, oneAccountSnapshot("Race Store", sellerId()));
    const accountId = ids("account", "acc");
    const { version, sellerId: sid } = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        updateAccount(scope, { accountId, version, storeName: `Race Store ${i}`, sellerId: sid, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: null }).then(
          () => "ok",
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        ),
      ),
    );
    // Anything else (a transaction that could not get a connection in time, say) is named in the failure.
    expect(outcomes.filter((o) => o !== "ok" && o !== "CONFLICT")).toEqual([]);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(49);
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { version: true } })).toEqual({ version: version + 1 });
    expect(await db.auditEvent.count({ where: { orgId, accountId, action: "account.updated" } })).toBe(1);
  }, 120_000);

  it("removes an account with everything on it, after naming what goes; another organisation's account is not found", async () => {
    const { orgId, scope } = await owner();
    const ids = await importSnapshot(db, orgId, oneAccountSnapshot("Gone Store", sellerId()));
    const accountId = ids("account", "acc");
    await recomputeOrganisations(db, { today, orgIds: [orgId] });
    const preview = await accountRemovalPreview(scope, accountId);
    expect(preview).toMatchObject({ logins: 1, methods: 1, grants: 1 });
    expect(preview.findings).toBeGreaterThan(0);

    const other = await owner();
    expect((await failure(removeAccount(other.scope, { accountId, version: 1, confirm: "yes" })))?.code).toBe("NOT_FOUND");
    expect((await failure(removeAccount(scope, { accountId, version: 99, confirm: "yes" })))?.code).toBe("CONFLICT");

    await removeAccount(scope, { accountId, version: 1, confirm: "yes" });
    expect(await db.sellerAccount.count({ where: { id: accountId } })).toBe(0);
    expect(await db.login.count({ where: { accountId } })).toBe(0);
    expect(await db.finding.count({ where: { accountId } })).toBe(0);
    const [event] = await db.auditEvent.findMany({ where: { orgId, accountId, action: "account.removed" } });
    expect(event.before).toMatchObject({ storeName: "Gone Store", removed: { logins: 1, methods: 1 } });
    // The owner's access totals no longer count the account.
    expect(await db.personAccess.findUniqueOrThrow({ where: { personId: ids("person", "p-owner") } })).toMatchObject({ activeLogins: 0, accounts: 0 });
  });

  it("is refused to Viewers, and a Manager may only use their own clients", async () => {
    const { orgId } = await owner();
    const mine = await db.client.create({ data: { orgId, name: "Mine" } });
    const theirs = await db.client.create({ data: { orgId, name: "Theirs" } });
    const input = (clientId: string | null) => createAccountSchema.parse({ storeName: "Shop", sellerId: "", region: "NA", marketplaces: "US,CA", plan: "PROFESSIONAL", status: "ACTIVE", clientId: clientId ?? "" });
    for (const role of ["VIEWER", "MANAGER"] as const) {
      const user = await db.user.create({ data: { email: `${randomUUID()}@test.example`, name: role, passwordHash: "x" } });
      const m = await db.membership.create({ data: { orgId, userId: user.id, role } });
      await db.membershipClient.create({ data: { orgId, membershipId: m.id, clientId: mine.id } });
      const scope = await scopeFor(user.id, orgId);
      if (role === "VIEWER") expect((await failure(createAccount(scope, input(mine.id))))?.code).toBe("FORBIDDEN");
      else {
        expect((await failure(createAccount(scope, input(theirs.id))))?.details).toEqual({ clientId: "validation.unknownClient" });
        expect((await failure(createAccount(scope, input(null))))?.details).toEqual({ clientId: "validation.clientRequired" });
        expect(await createAccount(scope, input(mine.id))).toHaveProperty("id");
      }
    }
    expect(await db.sellerAccount.count({ where: { orgId } })).toBe(1);
  });

  it("refuses a Manager a seller ID recorded under a client they are not given in the same words as one of their own, naming no account or client (decision 100)", async () => {
    const { orgId, scope: ownerScope } = await owner();
    const mine = await db.client.create({ data: { orgId, name: "Mine KK" } });
    const theirs = await db.client.create({ data: { orgId, name: "Hidden Client KK" } });
    const fields = (clientId: string, id: string) => ({ storeName: "Shop", sellerId: id, region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId });
    const input = (clientId: string, id: string) => createAccountSchema.parse(fields(clientId, id));
    const [hiddenId, ownId] = [sellerId(), sellerId()];
    await createAccount(ownerScope, { ...input(theirs.id, hiddenId), storeName: "Hidden Store" });
    const user = await db.user.create({ data: { email: `${randomUUID()}@test.example`, name: "M", passwordHash: "x" } });
    const m = await db.membership.create({ data: { orgId, userId: user.id, role: "MANAGER" } });
    await db.membershipClient.create({ data: { orgId, membershipId: m.id, clientId: mine.id } });
    const manager = await scopeFor(user.id, orgId);
    const { id: ownAccountId } = await createAccount(manager, input(mine.id, ownId));

    const hidden = await failure(createAccount(manager, input(mine.id, hiddenId)));
    const own = await failure(createAccount(manager, input(mine.id, ownId)));
    const edited = await failure(updateAccount(manager, updateAccountSchema.parse({ ...fields(mine.id, hiddenId), accountId: ownAccountId, version: "1" })));
    for (const refusal of [hidden, own, edited]) {
      expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "Seller ID already recorded", details: { sellerId: "validation.sellerIdTakenInOrganisation" } });
      expect(JSON.stringify(refusal)).not.toMatch(/Hidden|Mine KK/);
    }
    expect(await db.sellerAccount.count({ where: { orgId } })).toBe(2);
    // The Owner, who sees every client, keeps the plain sentence.
    expect((await failure(createAccount(ownerScope, input(mine.id, hiddenId))))?.details).toEqual({ sellerId: "validation.sellerIdTaken" });
  });
});
