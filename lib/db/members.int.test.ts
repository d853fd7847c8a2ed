import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { acceptInvitationAsNewUser, acceptInvitationAsUser, changeMember, findInvitation, inviteMember, listMembers, removeMember, revokeInvitation } from "./members";
import { createUserSession, validateUserSession } from "./sessions";

const db = testDb();
afterAll(() => db.$disconnect());

const sent: { to: string; body: string }[] = [];
const send = async (mail: { to: string; body: string }) => void sent.push(mail);
const tokenOf = (link: string) => link.split("/invite/")[1];

describe("invitations", () => {
  it("invites by e-mail with a single-use token that creates the account and membership", async () => {
    const owner = await createTenant(db);
    const scope = await scopeFor(owner.userId);
    const client = await db.client.create({ data: { orgId: owner.orgId, name: "Assigned" } });
    const email = `new-${crypto.randomUUID()}@test.example`;
    const link = await inviteMember(scope, { email, role: "MANAGER", clientIds: [client.id] }, "http://gatehouse.test", send);
    expect(sent.at(-1)).toMatchObject({ to: email });
    expect(sent.at(-1)!.body).toContain(link);
    const stored = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).not.toContain(tokenOf(link)); // only the hash is kept

    await expect(acceptInvitationAsNewUser({ token: tokenOf(link), name: "New Manager", password: "password1234", confirmPassword: "password1234" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await acceptInvitationAsNewUser({ token: tokenOf(link), name: "New Manager", password: "quiet river under maple 9", confirmPassword: "quiet river under maple 9" });
    const joined = await scopeFor((await db.user.findUniqueOrThrow({ where: { email } })).id, owner.orgId);
    expect(joined).toMatchObject({ role: "MANAGER", clientIds: [client.id] });

    expect(await findInvitation(tokenOf(link))).toBeNull();
    await expect(acceptInvitationAsNewUser({ token: tokenOf(link), name: "Again", password: "quiet river under maple 9", confirmPassword: "quiet river under maple 9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses expired and revoked invitations, and another user's e-mail", async () => {
    const owner = await createTenant(db);
    const scope = await scopeFor(owner.userId);
    const expired = await inviteMember(scope, { email: `x-${crypto.randomUUID()}@test.example`, role: "VIEWER", clientIds: [] }, "http://t", send);
    await db.invitation.updateMany({ where: { orgId: owner.orgId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(tokenOf(expired))).toBeNull();

    const revoked = await inviteMember(scope, { email: `y-${crypto.randomUUID()}@test.example`, role: "VIEWER", clientIds: [] }, "http://t", send);
    const row = await db.invitation.findFirstOrThrow({ where: { orgId: owner.orgId, revokedAt: null, expiresAt: { gt: new Date() } } });
    await revokeInvitation(scope, row.id);
    expect(await findInvitation(tokenOf(revoked))).toBeNull();

    const stranger = await createTenant(db);
    const forOther = await inviteMember(scope, { email: `z-${crypto.randomUUID()}@test.example`, role: "VIEWER", clientIds: [] }, "http://t", send);
    await expect(acceptInvitationAsUser(stranger.userId, tokenOf(forOther))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("re-inviting an address replaces its open invitation: one pending row per address and organisation, the older links dead", async () => {
    const owner = await createTenant(db);
    const scope = await scopeFor(owner.userId);
    const client = await db.client.create({ data: { orgId: owner.orgId, name: "Granted" } });
    const email = `again-${crypto.randomUUID()}@test.example`;
    const first = await inviteMember(scope, { email, role: "VIEWER", clientIds: [] }, "http://t", send);
    const second = await inviteMember(scope, { email, role: "VIEWER", clientIds: [] }, "http://t", send);
    const third = await inviteMember(scope, { email, role: "MANAGER", clientIds: [client.id] }, "http://t", send);

    const open = await db.invitation.findMany({ where: { orgId: owner.orgId, email, acceptedAt: null, revokedAt: null } });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ role: "MANAGER", clientIds: [client.id] });
    expect(await db.invitation.count({ where: { orgId: owner.orgId, email, revokedAt: { not: null } } })).toBe(2);
    expect(await findInvitation(tokenOf(first))).toBeNull();
    expect(await findInvitation(tokenOf(second))).toBeNull();
    expect(await findInvitation(tokenOf(third))).toMatchObject({ id: open[0].id, role: "MANAGER" });

    // The pending list shows that one row, with what it grants; the history names the one it replaced.
    const { invitations } = await listMembers(scope);
    expect(invitations.filter((i) => i.email === email).map((i) => ({ role: i.role, clientIds: i.clientIds }))).toEqual([{ role: "MANAGER", clientIds: [client.id] }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: owner.orgId, action: "member.invited", entityId: open[0].id } });
    expect((audit.after as { replacedInvitationIds: string[] }).replacedInvitationIds).toHaveLength(1);

    // Another address, and the same address in another organisation, keep their own invitations.
    const other = await inviteMember(scope, { email: `other-${crypto.randomUUID()}@test.example`, role: "VIEWER", clientIds: [] }, "http://t", send);
    const elsewhere = await createTenant(db);
    const elsewhereLink = await inviteMember(await scopeFor(elsewhere.userId), { email, role: "VIEWER", clientIds: [] }, "http://t", send);
    expect(await findInvitation(tokenOf(other))).not.toBeNull();
    expect(await findInvitation(tokenOf(third))).not.toBeNull();
    expect(await findInvitation(tokenOf(elsewhereLink))).not.toBeNull();

    // The newest link works; an accepted invitation is not revoked by a later one (the address is then a member).
    await acceptInvitationAsNewUser({ token: tokenOf(third), name: "Third Time", password: "quiet river under maple 9", confirmPassword: "quiet river under maple 9" });
    expect(await scopeFor((await db.user.findUniqueOrThrow({ where: { email } })).id, owner.orgId)).toMatchObject({ role: "MANAGER", clientIds: [client.id] });
    await expect(inviteMember(scope, { email, role: "VIEWER", clientIds: [] }, "http://t", send)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: open[0].id } })).toMatchObject({ revokedAt: null });
  });

  it("invitations to one address sent at once still leave exactly one open", async () => {
    const owner = await createTenant(db);
    const scope = await scopeFor(owner.userId);
    const email = `race-${crypto.randomUUID()}@test.example`;
    const links = await Promise.all([1, 2, 3, 4].map(() => inviteMember(scope, { email, role: "VIEWER", clientIds: [] }, "http://t", send)));
    expect(await db.invitation.count({ where: { orgId: owner.orgId, email, acceptedAt: null, revokedAt: null } })).toBe(1);
    expect(await db.invitation.count({ where: { orgId: owner.orgId, email } })).toBe(4);
    const live = await Promise.all(links.map((link) => findInvitation(tokenOf(link))));
    expect(live.filter(Boolean)).toHaveLength(1);
  });

  it("lets only owners and admins invite, and only owners create owners", async () => {
    const owner = await createTenant(db);
    const admin = await db.user.create({ data: { email: `admin-${crypto.randomUUID()}@test.example`, name: "A", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: owner.orgId, userId: admin.id, role: "ADMIN" } });
    const manager = await db.user.create({ data: { email: `mgr-${crypto.randomUUID()}@test.example`, name: "M", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: owner.orgId, userId: manager.id, role: "MANAGER" } });
    await expect(inviteMember(await scopeFor(manager.id), { email: "a@test.example", role: "VIEWER", clientIds: [] }, "http://t", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(inviteMember(await scopeFor(admin.id), { email: "b@test.example", role: "OWNER", clientIds: [] }, "http://t", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("member changes", () => {
  it("ends a member's sessions when their role changes or they are removed, and keeps the last owner", async () => {
    const owner = await createTenant(db);
    const scope = await scopeFor(owner.userId);
    const user = await db.user.create({ data: { email: `m-${crypto.randomUUID()}@test.example`, name: "M", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: owner.orgId, userId: user.id, role: "VIEWER" } });
    const sid = await createUserSession(user.id, {});
    await changeMember(scope, { membershipId: membership.id, role: "ADMIN", clientIds: [] });
    expect(await validateUserSession(sid, user.id)).toBe(false);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADMIN");

    const sid2 = await createUserSession(user.id, {});
    await removeMember(scope, membership.id);
    expect(await validateUserSession(sid2, user.id)).toBe(false);
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(0);

    await expect(changeMember(scope, { membershipId: owner.membershipId, role: "ADMIN", clientIds: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createTenant(db);
    await expect(removeMember(await scopeFor(other.userId), owner.membershipId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
