"use server";
import { signOut } from "@/auth";
import { getScope, getSessionId } from "@/lib/auth/scope";
import { revokeSession } from "@/lib/db/sessions";

/** Ends the server-side session too, so the cookie is worthless even if it was copied. */
export async function signOutAction(): Promise<void> {
  const [scope, sid] = await Promise.all([getScope(), getSessionId()]);
  if (sid) await revokeSession(sid, "signed_out", scope?.userId);
  await signOut({ redirectTo: "/signin" });
}
