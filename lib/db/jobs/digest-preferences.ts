import "server-only";
import { getDb } from "../client";

// A member's own digest preference: a column of their user row, read and written for that user only
// (system path, like their password: scoped work may not write "User").

export async function digestOptedOut(userId: string): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { digestOptOut: true } });
  return user?.digestOptOut ?? false;
}

export async function setDigestOptOut(userId: string, optOut: boolean): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { digestOptOut: optOut } });
}
