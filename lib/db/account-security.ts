import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/security";
import { getDb } from "./client";
import { revokeOtherSessions, revokeSession } from "./sessions";

/** Changing the password ends every other session: whoever else held one must sign in again. */
export async function changePassword(userId: string, currentSessionId: string | null, input: ChangePasswordInput): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError("INVALID_INPUT", "Current password is wrong", { currentPassword: "validation.currentPasswordWrong" });
  // Only here is the current password known to be right, so only here can "unchanged" be told apart.
  if (input.newPassword === input.currentPassword)
    throw new AppError("INVALID_INPUT", "New password equals the current one", { newPassword: "validation.password.sameAsCurrent" });
  const problem = passwordProblem(input.newPassword, [user.email, user.name]);
  if (problem) throw new AppError("INVALID_INPUT", `Password refused: ${problem}`, { newPassword: `validation.password.${problem}` });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.auditEvent.create({ data: { actorUserId: userId, action: "auth.password_changed", entityType: "User", entityId: userId } }),
  ]);
  await revokeOtherSessions(userId, currentSessionId, "password_changed");
}

/** Only the user's own sessions can be revoked this way; another user's id is simply not found. */
export async function revokeOwnSession(userId: string, sessionId: string): Promise<void> {
  const session = await getDb().userSession.findFirst({ where: { id: sessionId, userId, revokedAt: null }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found");
  await revokeSession(session.id, "revoked_by_user", userId);
}
