import { afterAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { testDb } from "@/tests/support/db";
import { changePassword, revokeOwnSession } from "./account-security";
import { createUserSession, listActiveSessions, revokeOtherSessions, SESSION_POLICY, validateUserSession } from "./sessions";
import { checkSignInAllowed, recordSignInAttempt } from "./sign-in";

const db = testDb();
afterAll(() => db.$disconnect());

async function user(password = "correct horse battery staple") {
  return db.user.create({ data: { email: `u-${crypto.randomUUID()}@test.example`, name: "Session User", passwordHash: await hashPassword(password) } });
}

describe("server-side sessions", () => {
  it("accepts a live session and refuses a revoked one", async () => {
    const u = await user();
    const sid = await createUserSession(u.id, { ip: "10.0.0.1", userAgent: "test" });
    expect(await validateUserSession(sid, u.id)).toBe(true);
    await revokeOwnSession(u.id, sid);
    expect(await validateUserSession(sid, u.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: sid, action: "auth.session_revoked" } })).toBe(1);
  });

  it("ends a session idle for more than 30 minutes, and one past its absolute 12 hours", async () => {
    const u = await user();
    const idle = await createUserSession(u.id, {});
    await db.userSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - SESSION_POLICY.idleMs - 1000) } });
    expect(await validateUserSession(idle, u.id)).toBe(false);
    const old = await createUserSession(u.id, {});
    await db.userSession.update({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateUserSession(old, u.id)).toBe(false);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: idle } })).revokedReason).toBe("idle");
  });

  it("will not validate another user's session id", async () => {
    const [a, b] = [await user(), await user()];
    const sid = await createUserSession(a.id, {});
    expect(await validateUserSession(sid, b.id)).toBe(false);
    await expect(revokeOwnSession(b.id, sid)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await validateUserSession(sid, a.id)).toBe(true);
  });

  it("signs out everywhere else, keeping the current session", async () => {
    const u = await user();
    const [current, other1, other2] = [await createUserSession(u.id, {}), await createUserSession(u.id, {}), await createUserSession(u.id, {})];
    expect(await revokeOtherSessions(u.id, current, "signed_out_everywhere")).toBe(2);
    expect(await validateUserSession(current, u.id)).toBe(true);
    expect(await validateUserSession(other1, u.id)).toBe(false);
    expect(await validateUserSession(other2, u.id)).toBe(false);
    expect((await listActiveSessions(u.id)).map((s) => s.id)).toEqual([current]);
  });

  it("changes the password only with the right current one and a strong new one, ending other sessions", async () => {
    const u = await user("old passphrase for gatehouse");
    const [current, other] = [await createUserSession(u.id, {}), await createUserSession(u.id, {})];
    await expect(changePassword(u.id, current, { currentPassword: "wrong", newPassword: "x", confirmPassword: "x" })).rejects.toMatchObject({
      code: "INVALID_INPUT", details: { currentPassword: "validation.currentPasswordWrong" },
    });
    await expect(changePassword(u.id, current, { currentPassword: "old passphrase for gatehouse", newPassword: "password1234", confirmPassword: "password1234" })).rejects.toMatchObject({
      details: { newPassword: "validation.password.common" },
    });
    await expect(changePassword(u.id, current, { currentPassword: "old passphrase for gatehouse", newPassword: "old passphrase for gatehouse", confirmPassword: "old passphrase for gatehouse" })).rejects.toMatchObject({
      code: "INVALID_INPUT", details: { newPassword: "validation.password.sameAsCurrent" },
    });
    expect(await validateUserSession(other, u.id)).toBe(true);
    await changePassword(u.id, current, { currentPassword: "old passphrase for gatehouse", newPassword: "amber lantern over kyoto 7", confirmPassword: "amber lantern over kyoto 7" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword(stored.passwordHash, "amber lantern over kyoto 7")).toBe(true);
    expect(await validateUserSession(other, u.id)).toBe(false);
    expect(await validateUserSession(current, u.id)).toBe(true);
  });
});

describe("sign-in rate limit, persisted", () => {
  it("locks an e-mail after 5 failures and tells how long to wait", async () => {
    const email = `victim-${crypto.randomUUID()}@test.example`;
    for (let i = 0; i < 4; i++) await recordSignInAttempt(email, "192.0.2.10", false);
    expect(await checkSignInAllowed(email, "192.0.2.10")).toEqual({ allowed: true });
    await recordSignInAttempt(email, "192.0.2.11", false);
    const decision = await checkSignInAllowed(email, "192.0.2.99");
    expect(decision).toMatchObject({ allowed: false, reason: "email" });
    expect(decision.allowed === false && decision.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: email } } })).toBe(5);
  });

  it("locks an address after 20 failures across e-mails, and not another address", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 20; i++) await recordSignInAttempt(`spray-${i}-${crypto.randomUUID()}@test.example`, ip, false);
    expect(await checkSignInAllowed("anyone@test.example", ip)).toMatchObject({ allowed: false, reason: "address" });
    expect(await checkSignInAllowed("anyone@test.example", "203.0.113.1")).toEqual({ allowed: true });
  });

  it("counts only failures since the last successful sign-in", async () => {
    const email = `forgetful-${crypto.randomUUID()}@test.example`;
    for (let i = 0; i < 4; i++) await recordSignInAttempt(email, "192.0.2.20", false);
    await recordSignInAttempt(email, "192.0.2.20", true);
    await recordSignInAttempt(email, "192.0.2.20", false);
    expect(await checkSignInAllowed(email, "192.0.2.21")).toEqual({ allowed: true });
  });
});
