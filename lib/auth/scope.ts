import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authConfig } from "@/auth";
import type { Scope } from "@/lib/db/scope";
import { readLiveSessionWithScope } from "@/lib/db/session-scope";
import { successorOf } from "@/lib/db/sessions";
import { isSessionCookie } from "./session-cookie";
import { readSessionClaims } from "./session-token";

export const ORG_COOKIE = "gh_org";

/**
 * Whether a server action of this very request replaced the session cookie: the cookie jar then
 * differs from the Cookie header the request came with. Nobody but the server can cause that.
 */
async function sessionCookieReplacedInThisRequest(): Promise<boolean> {
  const sent = new Map(((await headers()).get("cookie") ?? "").split(";").map((c) => c.trim().split("=") as [string, string]).map(([k, ...v]) => [k, v.join("=")]));
  return (await cookies()).getAll().some((c) => isSessionCookie(c.name) && sent.get(c.name) !== c.value);
}

/** The request's session claims, decoded from its cookie once per request (lib/auth/session-token.ts). */
const getClaims = cache(async () => readSessionClaims(await headers(), authConfig));

/**
 * The chrome's one statement, once per request: is the JWT's server-side session live (not revoked or idle),
 * and the user's scope beside it, only when it is.
 */
const getSessionAndScope = cache(async (): Promise<{ userId: string; sid: string; scope: Scope | null } | null> => {
  const claims = await getClaims();
  if (!claims?.userId || !claims.sid) return null;
  const { userId, sid } = claims;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value;
  const read = await readLiveSessionWithScope(sid, userId, preferred);
  if (read.live) return { userId, sid, scope: read.scope };
  // The page re-rendered right after an action that rotated the session still reads the old token
  // (the request's Cookie header); the new cookie is already set, so follow the rotation.
  if (!(await sessionCookieReplacedInThisRequest())) return null;
  const successor = await successorOf(sid, userId);
  if (!successor) return null;
  const next = await readLiveSessionWithScope(successor, userId, preferred);
  return next.live ? { userId, sid: successor, scope: next.scope } : null;
});

/** The current session's id, for the security page and sign-out. */
export const getSessionId = cache(async (): Promise<string | null> => (await getSessionAndScope())?.sid ?? null);

/** The signed-in user's scope, or null. Cached per request. */
export const getScope = cache(async (): Promise<Scope | null> => (await getSessionAndScope())?.scope ?? null);

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
