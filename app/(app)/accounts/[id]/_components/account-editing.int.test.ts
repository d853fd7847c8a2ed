import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAccountPageModel } from "@/lib/db/accounts/account-page-model";
import { syncToolCatalogue } from "@/lib/db/tools";
import { translator } from "@/lib/jobs/digest";
import { createTenant, daysAgo, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { accountEditingOf } from "./account-editing";

// Decision 063: the account page's editors are read when a writer opens one. What that read builds must be what the
// forms need (every login's and row's own part, the version to save against) and nothing a Viewer may not have.
const db = testDb();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let accountId: string;
let ids: Awaited<ReturnType<typeof importSnapshot>>;
let clientId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  tenant = await createTenant(db);
  const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Sakura Tea" } });
  clientId = client.id;
  const snapshot = oneAccountSnapshot("Editing Store");
  snapshot.people!.push({ id: "p-staff", name: "Staff", external: true, company: "Agency KK", departedAt: null });
  const [account] = snapshot.accounts;
  account.logins!.push({
    id: "l-staff", role: "SECONDARY", email: "staff@shop.example", personId: "p-staff", status: "ACTIVE", lastLoginAt: daysAgo(2),
    passwordChangedAt: daysAgo(30), twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: "d-phone" }],
    permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW", marketplace: null }],
  });
  account.partners = [{ id: "partner-1", company: "Partner KK", linkSentAt: daysAgo(10), acceptedAt: null }];
  ids = await importSnapshot(db, tenant.orgId, snapshot, () => client.id);
  accountId = ids("account", "acc");
});
afterAll(() => db.$disconnect());

describe("the account page's editors, read when opened", () => {
  it("carries every login's and row's own part, at the account's version, in the reader's language", async () => {
    const scope = await scopeFor(tenant.userId);
    const model = await readAccountPageModel(scope, accountId, { labels: false });
    const editing = accountEditingOf(model, translator("ja"), "ja", false, [])!;
    expect(editing.version).toBe(model.account.version);
    expect(editing.locale).toBe("ja");
    expect(Object.keys(editing.logins.records).sort()).toEqual(model.account.logins.map((l) => l.id).sort());
    const staff = editing.logins.records[ids("login", "acc/l-staff")];
    // Only what differs from the shared fields' defaults, with the chosen person's name for the picker.
    expect(staff.form).toMatchObject({ values: { email: "staff@shop.example", personId: ids("person", "p-staff") }, pickers: { personId: { selectedName: "Staff (Agency KK)" } } });
    expect(staff.levels).toEqual({ "g.USER_PERMISSIONS": "VIEW" });
    expect(staff.methods).toEqual([{ id: expect.any(String), values: { kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: ids("device", "d-phone") } }]);
    // The primary user holds every tool: no matrix of its own.
    expect(editing.logins.records[ids("login", "acc/l-primary")].levels).toBeNull();
    expect(editing.logins.matrix?.levels.VIEW).toBe("表示");
    const [partner] = model.account.partners;
    expect(editing.children.records[partner.id]).toEqual({ id: partner.id, values: { company: "Partner KK", linkSentAt: daysAgo(10).slice(0, 10), acceptedAt: "" } });
    expect(editing.account.fields.find((f) => f.name === "storeName")?.defaultValue).toBe("Editing Store");
    expect(editing.account.removeWhat).toContain("2");
    // The first login typed in is offered as the primary user only while none is recorded.
    expect(editing.addLogin.fields.find((f) => f.name === "role")?.defaultValue).toBe("SECONDARY");
    expect(accountEditingOf(model, translator("en"), "en", false, [])!.logins.matrix?.levels.VIEW).toBe("View");
  });

  it("offers a Manager no \"no client\" choice, and nothing to a Viewer", async () => {
    const scope = await scopeFor(tenant.userId);
    const model = await readAccountPageModel(scope, accountId, { labels: false });
    const clientChoices = (required: boolean) => accountEditingOf(model, translator("en"), "en", required, [])!.account.fields.find((f) => f.name === "clientId")!.options!.map((o) => o.value);
    expect(clientChoices(false)).toContain("");
    expect(clientChoices(true)).not.toContain("");
    // The page's own read leaves the forms out (its editors are read when opened).
    expect(accountEditingOf(await readAccountPageModel(scope, accountId, { labels: false, editing: false }), translator("en"), "en", false, [])).toBeNull();

    const viewer = await db.user.create({ data: { email: `${tenant.orgId}-viewer@test.example`, name: "Viewer", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: tenant.orgId, userId: viewer.id, role: "VIEWER" } });
    await db.membershipClient.create({ data: { orgId: tenant.orgId, membershipId: membership.id, clientId } });
    const viewed = await readAccountPageModel(await scopeFor(viewer.id), accountId, { labels: false });
    expect(viewed.writable).toBe(false);
    expect(accountEditingOf(viewed, translator("en"), "en", false, [])).toBeNull();
  });
});
