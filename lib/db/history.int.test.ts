import { afterAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { testDb } from "@/tests/support/db";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { getAccountPageOrThrow } from "./accounts/read-accounts";
import { updateLogin } from "./accounts/account-writes";
import { acceptFinding } from "./findings";
import { listAccountHistory } from "./history";
import { recomputeOrganisations } from "./risk/recompute-all";
import { syncToolCatalogue } from "./tools";
import { utcToday } from "@/lib/days";

const db = testDb();
afterAll(() => db.$disconnect());

describe("account history", () => {
  it("lists the account's audit events newest first, with who and which rule, and nothing to another tenant", async () => {
    await syncToolCatalogue(db);
    const tenant = await createTenant(db);
    const accountId = (await importSnapshot(db, tenant.orgId, oneAccountSnapshot()))("account", "acc");
    await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
    const scope = await scopeFor(tenant.userId);
    const finding = await db.finding.findFirstOrThrow({ where: { accountId, ruleId: "SMS_ONLY" } });
    await acceptFinding(scope, { findingId: finding.id, reason: "authenticator next month", until: addDays(utcToday(), 20) });

    const history = await listAccountHistory(scope, accountId);
    expect(history[0]).toMatchObject({ action: "finding.accepted", ruleId: "SMS_ONLY", actor: "Test User" });
    expect((history[0].after as { reason: string }).reason).toBe("authenticator next month");
    // The account page reads the same timeline inside its one statement.
    expect((await getAccountPageOrThrow(scope, accountId)).history).toEqual(history);

    const stranger = await createTenant(db);
    expect(await listAccountHistory(await scopeFor(stranger.userId), accountId)).toEqual([]);
  });

  it("the login edit clears a password-changed date when the field is emptied, and refuses one after today", async () => {
    await syncToolCatalogue(db);
    const tenant = await createTenant(db);
    const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot());
    const [accountId, loginId] = [ids("account", "acc"), ids("login", "acc/l-primary")];
    const scope = await scopeFor(tenant.userId);
    const version = async () => (await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).version;

    await expect(updateLogin(scope, { accountId, version: await version(), loginId, status: "ACTIVE", passwordChangedAt: addDays(utcToday(), 2) })).rejects.toMatchObject({
      code: "INVALID_INPUT", details: { passwordChangedAt: "validation.passwordChangedFuture" },
    });
    expect((await db.login.findUniqueOrThrow({ where: { id: loginId } })).passwordChangedAt).not.toBeNull();

    await updateLogin(scope, { accountId, version: await version(), loginId, status: "ACTIVE", passwordChangedAt: null });
    expect((await db.login.findUniqueOrThrow({ where: { id: loginId } })).passwordChangedAt).toBeNull();
    const [entry] = await listAccountHistory(scope, accountId);
    expect(entry).toMatchObject({ action: "login.updated", after: { passwordChangedAt: null } });
  });
});
