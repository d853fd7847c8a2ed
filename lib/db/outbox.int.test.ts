import { afterAll, describe, expect, it } from "vitest";
import { sendMail } from "@/lib/mail";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { acceptInvitationAsNewUser, inviteMember } from "./members";
import { listOutbox } from "./outbox";
import { inviteClientOwner } from "./portal";

const db = testDb();
afterAll(() => db.$disconnect());

// Decision 100: with no SMTP_URL the outbox keeps invitation mails, and a link in one is the invited role
// for whoever opens it first. A reader sees a link only in an invitation they sent and could send now.
delete process.env.SMTP_URL;
const tokenOf = (link: string) => link.split("/invite/")[1];

async function memberOf(orgId: string, role: "ADMIN" | "OWNER" | "MANAGER") {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${crypto.randomUUID()}@test.example`, name: role, passwordHash: "x" } });
  await db.membership.create({ data: { orgId, userId: user.id, role } });
  return scopeFor(user.id, orgId);
}
const mailTo = async (scope: Awaited<ReturnType<typeof scopeFor>>, to: string) => (await listOutbox(scope)).find((m) => m.to === to)!;

describe("the dev outbox's invitation links", () => {
  it("an Admin never reads the link of an Owner's invitation, so cannot accept it and become an Owner", async () => {
    const tenant = await createTenant(db);
    const owner = await scopeFor(tenant.userId);
    const admin = await memberOf(tenant.orgId, "ADMIN");
    const email = `owner2-${crypto.randomUUID()}@test.example`;
    const link = await inviteMember(owner, { email, role: "OWNER", clientIds: [] }, "http://gatehouse.test", sendMail);

    const asAdmin = await mailTo(admin, email);
    expect(asAdmin.body).not.toContain(tokenOf(link));
    const asOwner = await mailTo(owner, email);
    expect(asOwner.body).toContain(link);
    expect(asOwner.hiddenLinks).toEqual([]);
    expect(asAdmin.body).not.toContain("/invite/");
    expect(asAdmin.body).toContain("link hidden");
    expect(asAdmin.hiddenLinks).toEqual(["ownerInvitation"]);
    // The rest of the mail is as sent.
    expect(asAdmin.subject).toBe(asOwner.subject);
    expect(asAdmin.body.replace("［リンクは表示されません / link hidden］", link)).toBe(asOwner.body);

    // Day one without SMTP: the link the Owner reads still works.
    const shown = asOwner.body.match(/\/invite\/([A-Za-z0-9_-]+)/)![1];
    await acceptInvitationAsNewUser({ token: shown, name: "Second Owner", password: "quiet river under maple 9", confirmPassword: "quiet river under maple 9" });
    expect(await db.membership.count({ where: { orgId: tenant.orgId, role: "OWNER" } })).toBe(2);
  });

  it("shows a link only to the member who sent it, while they may still grant its role", async () => {
    const tenant = await createTenant(db);
    const owner = await scopeFor(tenant.userId);
    const admin = await memberOf(tenant.orgId, "ADMIN");
    const otherAdmin = await memberOf(tenant.orgId, "ADMIN");
    const viewerEmail = `viewer-${crypto.randomUUID()}@test.example`;
    const link = await inviteMember(admin, { email: viewerEmail, role: "VIEWER", clientIds: [] }, "http://gatehouse.test", sendMail);

    expect((await mailTo(admin, viewerEmail)).body).toContain(link);
    for (const reader of [owner, otherAdmin]) {
      const mail = await mailTo(reader, viewerEmail);
      expect(mail.body).not.toContain(tokenOf(link));
      expect(mail.hiddenLinks).toEqual(["notYours"]);
    }

    // An Owner who sent an Owner invitation and is then made an Admin no longer reads its link.
    const secondOwner = await memberOf(tenant.orgId, "OWNER");
    const ownerEmail = `owner3-${crypto.randomUUID()}@test.example`;
    const ownerLink = await inviteMember(secondOwner, { email: ownerEmail, role: "OWNER", clientIds: [] }, "http://gatehouse.test", sendMail);
    expect((await mailTo(secondOwner, ownerEmail)).body).toContain(ownerLink);
    await db.membership.updateMany({ where: { orgId: tenant.orgId, userId: secondOwner.userId }, data: { role: "ADMIN" } });
    const demoted = await scopeFor(secondOwner.userId, tenant.orgId);
    expect((await mailTo(demoted, ownerEmail)).hiddenLinks).toEqual(["ownerInvitation"]);
    expect((await mailTo(demoted, ownerEmail)).body).not.toContain(tokenOf(ownerLink));
  });

  it("a client-portal invitation's link is its sender's; a link tied to no invitation is hidden from everyone; other mail is as sent", async () => {
    const tenant = await createTenant(db);
    const owner = await scopeFor(tenant.userId);
    const admin = await memberOf(tenant.orgId, "ADMIN");
    const client = await db.client.create({ data: { orgId: tenant.orgId, name: "Kumo" } });
    const email = `portal-${crypto.randomUUID()}@kumo.example`;
    const link = await inviteClientOwner(admin, { clientId: client.id, email }, "http://gatehouse.test", sendMail);
    expect((await mailTo(admin, email)).body).toContain(link);
    expect((await mailTo(owner, email)).hiddenLinks).toEqual(["notYours"]);
    expect((await mailTo(owner, email)).body).not.toContain(tokenOf(link));

    await db.outboxMail.create({ data: { orgId: tenant.orgId, to: "forged@test.example", subject: "?", body: "open http://x/invite/abcDEF123_- now" } });
    expect(await mailTo(owner, "forged@test.example")).toMatchObject({ body: "open ［リンクは表示されません / link hidden］ now", hiddenLinks: ["unknown"] });
    await db.outboxMail.create({ data: { orgId: tenant.orgId, to: "digest@test.example", subject: "digest", body: "■ 2 tasks\n- Kumo: due" } });
    expect(await mailTo(admin, "digest@test.example")).toMatchObject({ body: "■ 2 tasks\n- Kumo: due", hiddenLinks: [] });
  });
});
