import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { resolveScope, type Scope } from "@/lib/db/scope";
import { validateUserSession } from "@/lib/db/sessions";

export const ORG_COOKIE = "gh_org";

/** The current session's id, for the security page and sign-out. */
export const getSessionId = cache(async (): Promise<string | null> => (await auth())?.sid ?? null);

/** The signed-in user's scope, or null. Cached per request. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sid) return null;
  // The JWT alone is not enough: its server-side session must still be live (not revoked or idle).
  if (!(await validateUserSession(session.sid, session.user.id))) return null;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value;
  return resolveScope(session.user.id, preferred);
});

export async function requireScope(): Promise<Scope> {
  const scope = await getScope();
  if (!scope) redirect("/signin");
  return scope;
}
