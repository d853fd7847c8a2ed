import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { getAccountDetailOrThrow, getAccountPageOrThrow, listAccounts } from "./accounts/read-accounts";
import { decideItem } from "./reviews/decide";
import { startCampaign } from "./reviews/start-campaign";
import { acceptInvitationAsNewUser } from "./members";
import { closeClientPortal, inviteClientOwner, listClientPortals } from "./portal";
import type { Scope } from "./scope";

const db = testDb();
const PASSWORD = "Kumo-portal-Zq8!mT4#vR2";
const list = accountListQuerySchema.parse({});
let agency: Scope;
let clientA: string;
let clientB: string;
let accountA: string;
let loginA: string;
let accountB: string;
const mails: { orgId: string; to: string; body: string }[] = [];
const send = async (mail: { orgId: string; to: string; subject: string; body: string }) => void mails.push(mail);
const tokenOf = (link: string) => link.split("/invite/")[1];

beforeAll(async () => {
  const tenant = await createTenant(db, { name: "Agency Portal Test" });
  clientA = (await db.client.create({ data: { orgId: tenant.orgId, name: "Kumo KK" } })).id;
  clientB = (await db.client.create({ data: { orgId: tenant.orgId, name: "Other KK" } })).id;
  const idsA = await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Kumo Store"), () => clientA);
  const idsB = await importSnapshot(db, tenant.orgId, oneAccountSnapshot("Other Store"), () => clientB);
  accountA = idsA("account", "acc");
  loginA = idsA("login", "acc/l-primary");
  accountB = idsB("account", "acc");
  agency = await scopeFor(tenant.userId);
});

afterAll(() => db.$disconnect());

async function joinPortal(email: string): Promise<Scope> {
  const link = await inviteClientOwner(agency, { clientId: clientA, email }, "http://gatehouse.test", send);
  await acceptInvitationAsNewUser({ token: tokenOf(link), name: "Kumo Owner", password: PASSWORD, confirmPassword: PASSWORD });
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return scopeFor(user.id);
}

describe("client-owner portal", () => {
  it("gives the client's own people that client's accounts, read-only, and nothing else of the agency", async () => {
    const email = `owner-${Date.now()}@kumo.example`;
    const portal = await joinPortal(email);
    expect(mails.at(-1)).toMatchObject({ orgId: agency.orgId, to: email });
    expect(mails.at(-1)!.body).toContain("Agency Portal Test"); // the mail names the agency that sent it
    // A Viewer of the agency's records, and the Owner of the client's own organisation (its first person).
    expect(portal).toMatchObject({ orgId: agency.orgId, orgName: "Kumo KK", role: "VIEWER", clientIds: [clientA], portal: { agencyName: "Agency Portal Test", memberRole: "OWNER" } });
    expect(portal.membershipOrgId).not.toBe(agency.orgId);
    const seller = await db.organization.findUniqueOrThrow({ where: { id: portal.membershipOrgId } });
    expect(seller.kind).toBe("SELLER");

    expect((await listAccounts(portal, list)).rows.map((r) => r.storeName)).toEqual(["Kumo Store"]);
    expect((await getAccountDetailOrThrow(portal, accountA)).storeName).toBe("Kumo Store");
    await expect(getAccountDetailOrThrow(portal, accountB)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // They can review who has access to their own account and record a decision in a campaign…
    const campaign = await startCampaign(agency, { name: "Kumo Q4", clientIds: [clientA], accountIds: [], reviewerIds: [portal.userId], dueOn: "2099-12-31", recurrence: "NONE" });
    const item = await db.reviewItem.findFirstOrThrow({ where: { campaignId: campaign.id, subjectId: loginA } });
    await decideItem(portal, { itemId: item.id, decision: "REMOVE", comment: "left us", levels: [] });
    expect((await getAccountPageOrThrow(agency, accountA)).reviews.get(loginA)).toMatchObject({ decision: "REMOVE", note: "left us" });
    // …but manage nothing of the agency's.
    await expect(inviteClientOwner(portal, { clientId: clientA, email: "x@kumo.example" }, "http://gatehouse.test", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listClientPortals(portal)).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await listClientPortals(agency)).toEqual([{ clientId: clientA, clientName: "Kumo KK", members: [email], pending: [] }]);
  });

  it("reuses the client's organisation for a second person and refuses someone already in it", async () => {
    const email = `lead-${Date.now()}@kumo.example`;
    const first = await db.client.findUniqueOrThrow({ where: { id: clientA }, select: { portalOrgId: true } });
    await inviteClientOwner(agency, { clientId: clientA, email }, "http://gatehouse.test", send);
    const after = await db.client.findUniqueOrThrow({ where: { id: clientA }, select: { portalOrgId: true } });
    expect(after.portalOrgId).toBe(first.portalOrgId);
    expect((await listClientPortals(agency))[0].pending).toContain(email);
    // The portal has its Owner already: the second person is invited as a Viewer of it.
    expect(await db.invitation.findFirstOrThrow({ where: { orgId: first.portalOrgId!, email }, select: { role: true } })).toEqual({ role: "VIEWER" });
    const member = (await listClientPortals(agency))[0].members[0];
    await expect(inviteClientOwner(agency, { clientId: clientA, email: member }, "http://gatehouse.test", send)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a client of another organisation, and a caller who is not an admin", async () => {
    const other = await createTenant(db);
    const otherClient = await db.client.create({ data: { orgId: other.orgId, name: "Theirs" } });
    const before = await db.organization.count();
    await expect(inviteClientOwner(agency, { clientId: otherClient.id, email: "a@b.example" }, "http://gatehouse.test", send)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.organization.count()).toBe(before);
    const manager = await createTenant(db, { role: "MANAGER" });
    await expect(inviteClientOwner(await scopeFor(manager.userId), { clientId: clientA, email: "a@b.example" }, "http://gatehouse.test", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("closing the portal leaves its people with nothing to see", async () => {
    const portal = await joinPortal(`closing-${Date.now()}@kumo.example`);
    await closeClientPortal(agency, clientA);
    const after = await scopeFor(portal.userId, portal.membershipOrgId);
    expect(after.clientIds).toEqual([]);
    expect(after.orgId).toBe(portal.membershipOrgId);
    expect((await listAccounts(after, list)).rows).toEqual([]);
    await expect(closeClientPortal(agency, clientA)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
