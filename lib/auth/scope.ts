import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { resolveScope, type Scope } from "@/lib/db/scope";
import { successorOf, validateUserSession } from "@/lib/db/sessions";
import { isSessionCookie } from "./session-cookie";

export const ORG_COOKIE = "gh_org";

/**
 * Whether a server action of this very request replaced the session cookie: the cookie jar then
 * differs from the Cookie header the request came with. Nobody but the server can cause that.
 */
async function sessionCookieReplacedInThisRequest(): Promise<boolean> {
  const sent = new Map(((await headers()).get("cookie") ?? "").split(";").map((c) => c.trim().split("=") as [string, string]).map(([k, ...v]) => [k, v.join("=")]));
  return (await cookies()).getAll().some((c) => isSessionCookie(c.name) && sent.get(c.name) !== c.value);
}

/** The request's JWT, decoded once per request. */
const getToken = cache(() => auth());

/** The live server-side session behind this request's JWT: its user and id. Cached per request. */
const getLiveSession = cache(async (): Promise<{ userId: string; sid: string } | null> => {
  const session = await getToken();
  if (!session?.user?.id || !session.sid) return null;
  const userId = session.user.id;
  // The JWT alone is not enough: its server-side session must still be live (not revoked or idle).
  if (await validateUserSession(session.sid, userId)) return { userId, sid: session.sid };
  // The page re-rendered right after an action that rotated the session still reads the old token
  // (Auth.js reads the request's Cookie header); the new cookie is already set, so follow the rotation.
  if (!(await sessionCookieReplacedInThisRequest())) return null;
  const successor = await successorOf(session.sid, userId);
  return successor && (await validateUserSession(successor, userId)) ? { userId, sid: successor } : null;
});

/** The current session's id, for the security page and sign-out. */
export const getSessionId = cache(async (): Promise<string | null> => (await getLiveSession())?.sid ?? null);

/** The signed-in user's scope, or null. Cached per request. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const token = await getToken();
  if (!token?.user?.id) return null;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value;
  // The scope is read while the session is checked (one round trip instead of two); it is only
  // returned when the session turns out live for the same user.
  const [session, scope] = await Promise.all([getLiveSession(), resolveScope(token.user.id, preferred)]);
  return session && session.userId === token.user.id ? scope : null;
});

export async function requireScope(): Promise<Scope> {
  const scope = await getScope();
  if (!scope) {
    // Back to the page asked for after signing in (a link from an e-mail, a bookmark).
    const here = (await headers()).get("x-path-and-query");
    // The overview is where signing in lands anyway, so it needs no `next`.
    redirect(here && here !== "/" ? `/signin?next=${encodeURIComponent(here)}` : "/signin");
  }
  return scope;
}
