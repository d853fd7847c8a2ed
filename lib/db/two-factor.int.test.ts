import { Secret, TOTP } from "otpauth";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { testDb } from "@/tests/support/db";
import { createUserSession, validateUserSession } from "./sessions";
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorStatus, verifySecondFactor } from "./two-factor";

const db = testDb();
afterAll(() => db.$disconnect());

const code = (key: string, offsetSteps = 0) => new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

async function enrolledUser() {
  const user = await db.user.create({ data: { email: `tf-${crypto.randomUUID()}@test.example`, name: "Two Factor", passwordHash: await hashPassword("a long passphrase here") } });
  await startEnrolment(user.id);
  const key = (await twoFactorStatus(user.id)).pending!.key;
  const other = await createUserSession(user.id, {});
  const current = await createUserSession(user.id, {});
  const codes = await confirmEnrolment(user.id, current, code(key));
  return { user, key, codes, other, current };
}

describe("two-factor sign-in for Gatehouse users", () => {
  it("needs a matching first code to turn on, then stores the key encrypted and ten hashed recovery codes", async () => {
    const user = await db.user.create({ data: { email: `tf-${crypto.randomUUID()}@test.example`, name: "X", passwordHash: "x" } });
    await startEnrolment(user.id);
    await expect(confirmEnrolment(user.id, null, "000000")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await twoFactorStatus(user.id)).enabled).toBe(false);

    const { user: u, key, codes } = await enrolledUser();
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.totpKeyEncrypted).not.toContain(key);
    expect(codes).toHaveLength(10);
    const rows = await db.recoveryCode.findMany({ where: { userId: u.id } });
    expect(rows.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect((await twoFactorStatus(u.id)).unusedCodes).toBe(10);
  });

  it("ends the user's other sessions when it is turned on", async () => {
    const { user, other, current } = await enrolledUser();
    expect(await validateUserSession(other, user.id)).toBe(false);
    expect(await validateUserSession(current, user.id)).toBe(true);
  });

  it("accepts a fresh code once, refuses its replay, and accepts each recovery code once", async () => {
    const { user, key, codes } = await enrolledUser();
    const next = code(key, 1);
    expect(await verifySecondFactor(user.id, next)).toBe("totp");
    expect(await verifySecondFactor(user.id, next)).toBeNull();
    expect(await verifySecondFactor(user.id, codes[3].toUpperCase())).toBe("recovery");
    expect(await verifySecondFactor(user.id, codes[3])).toBeNull();
    expect((await twoFactorStatus(user.id)).unusedCodes).toBe(9);
    expect(await verifySecondFactor(user.id, "zzzzz-zzzzz")).toBeNull();
  });

  it("turns off only with the password and a second factor, and not while an organisation requires it", async () => {
    const { user, codes, current } = await enrolledUser();
    await expect(disableTwoFactor(user.id, current, "wrong", codes[0])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const org = await db.organization.create({ data: { name: "Strict", requireTwoFactor: true } });
    const membership = await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "VIEWER" } });
    await expect(disableTwoFactor(user.id, current, "a long passphrase here", codes[0])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.membership.delete({ where: { id: membership.id } });
    await disableTwoFactor(user.id, current, "a long passphrase here", codes[1]);
    expect((await twoFactorStatus(user.id)).enabled).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.two_factor_enabled", "auth.recovery_code_used", "auth.two_factor_disabled"]));
  });
});
