import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "./client";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  twoFactor: boolean;
}

// A fixed dummy hash keeps the timing of "no such user" close to "wrong password".
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0A8Kh2tCkUQXhOWtmbq6WPS9SfnrNYY9R3UcJ0vYtD0";

export async function verifyUserCredentials(email: string, password: string): Promise<AuthenticatedUser | null> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, totpEnabledAt: true } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, twoFactor: user.totpEnabledAt !== null };
}
