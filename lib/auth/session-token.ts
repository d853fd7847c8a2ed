import { createActionURL } from "@auth/core";
import type { NextAuthConfig } from "next-auth";
import { getToken } from "next-auth/jwt";

/** What the app reads from its session JWT: the user and the server-side session it names (auth.ts's callbacks). */
export interface SessionClaims {
  userId: string | undefined;
  sid: string | undefined;
}

type CookieConfig = Pick<NextAuthConfig, "basePath" | "useSecureCookies" | "logger">;

/**
 * The session cookie's name as Auth.js chooses it for this request: `__Secure-` when the URL it builds for
 * its own session action is https (AUTH_URL's protocol when set, else X-Forwarded-Proto, which Next fills
 * in), unless the config forces `useSecureCookies`. The name is also the key-derivation salt.
 */
export function sessionCookieName(headers: Headers, config: CookieConfig, env: Record<string, string | undefined> = process.env): string {
  const secure = config.useSecureCookies ?? createActionURL("session", headers.get("x-forwarded-proto") as string, headers, env, config).protocol === "https:";
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The request's session claims, decoded straight from its cookie, or null (no cookie, no secret, or a token
 * that does not decrypt, carries a foreign key id, or has expired: `decode` checks `exp`, 15 s leeway).
 *
 * What `auth()` does in a server component, minus the work nobody used: it built a Request, ran Auth.js's
 * session action (decode, callbacks), then encrypted a fresh token for a rolling cookie that a server
 * component cannot set (next-auth drops the Set-Cookie when called without a request) and parsed its own
 * JSON Response. Only the Cookie header is read, as there: never an Authorization header, and after an
 * action that replaced the cookie it is still the request's old token (lib/auth/scope.ts follows rotation).
 */
export async function readSessionClaims(headers: Headers, config: CookieConfig & Pick<NextAuthConfig, "secret">, env?: Record<string, string | undefined>): Promise<SessionClaims | null> {
  const secret = config.secret;
  // Auth.js answers a request without a secret with a configuration error, which auth() turns into null.
  if (!secret || secret.length === 0) return null;
  const cookieName = sessionCookieName(headers, config, env);
  const token = await getToken({ req: { headers: { cookie: headers.get("cookie") ?? "" } }, secret, cookieName, salt: cookieName });
  if (!token) return null;
  // auth.ts's jwt callback changes nothing on a plain read; its session callback keeps these two when they are strings.
  return { userId: typeof token.uid === "string" ? token.uid : undefined, sid: typeof token.sid === "string" ? token.sid : undefined };
}
