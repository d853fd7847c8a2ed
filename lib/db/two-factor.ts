import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { decryptTotpKey, encryptTotpKey, generateRecoveryCodes, generateTotpKey, hashRecoveryCode, looksLikeRecoveryCode, matchTotp, otpauthUri } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";
import { getDb } from "./client";
import { revokeOtherSessions } from "./sessions";

const audit = (userId: string, action: string, after?: object) =>
  getDb().auditEvent.create({ data: { actorUserId: userId, action, entityType: "User", entityId: userId, after } });

export async function twoFactorStatus(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true, totpPendingKeyEncrypted: true } });
  const unusedCodes = user.totpEnabledAt ? await getDb().recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  const pending = user.totpPendingKeyEncrypted ? decryptTotpKey(user.totpPendingKeyEncrypted) : null;
  return {
    enabled: user.totpEnabledAt !== null,
    unusedCodes,
    pending: pending ? { key: pending, uri: otpauthUri(pending, user.email) } : null,
  };
}

/** Step 1: a new key, kept as pending until a first code proves the app has it. */
export async function startEnrolment(userId: string): Promise<void> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on");
  await getDb().user.update({ where: { id: userId }, data: { totpPendingKeyEncrypted: encryptTotpKey(generateTotpKey()) } });
}

/** Step 2: the first code turns it on; returns the ten recovery codes, shown once. Other sessions end. */
export async function confirmEnrolment(userId: string, currentSessionId: string | null, code: string): Promise<string[]> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingKeyEncrypted: true, totpEnabledAt: true } });
  if (user.totpEnabledAt || !user.totpPendingKeyEncrypted) throw new AppError("CONFLICT", "No enrolment in progress");
  const step = matchTotp(decryptTotpKey(user.totpPendingKeyEncrypted), code, null);
  if (step === null) throw new AppError("INVALID_INPUT", "Code does not match", { code: "validation.totpWrong" });
  const codes = generateRecoveryCodes();
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { totpKeyEncrypted: user.totpPendingKeyEncrypted, totpPendingKeyEncrypted: null, totpEnabledAt: new Date(), totpLastStep: step },
    }),
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) }),
  ]);
  await audit(userId, "auth.two_factor_enabled");
  await revokeOtherSessions(userId, currentSessionId, "two_factor_changed");
  return codes;
}

/**
 * A sign-in's second factor: a current authenticator code (never the same time step twice) or an
 * unused recovery code (consumed). Concurrency-safe: the update only succeeds once.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpKeyEncrypted: true, totpLastStep: true } });
  if (!user?.totpKeyEncrypted) return null;
  if (looksLikeRecoveryCode(code)) {
    const used = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return null;
    await audit(userId, "auth.recovery_code_used");
    return "recovery";
  }
  const step = matchTotp(decryptTotpKey(user.totpKeyEncrypted), code, user.totpLastStep);
  if (step === null) return null;
  const claimed = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return claimed.count === 1 ? "totp" : null;
}

/** Turning it off needs the password and a second factor again. Other sessions end. */
export async function disableTwoFactor(userId: string, currentSessionId: string | null, password: string, code: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is off");
  if (await db.membership.count({ where: { userId, org: { requireTwoFactor: true } } }))
    throw new AppError("FORBIDDEN", "An organisation you belong to requires two-factor sign-in");
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError("INVALID_INPUT", "Wrong password", { password: "validation.currentPasswordWrong" });
  if (!(await verifySecondFactor(userId, code))) throw new AppError("INVALID_INPUT", "Wrong code", { code: "validation.totpWrong" });
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpKeyEncrypted: null, totpPendingKeyEncrypted: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  await audit(userId, "auth.two_factor_disabled");
  await revokeOtherSessions(userId, currentSessionId, "two_factor_changed");
}
