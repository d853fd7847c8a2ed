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
  const req = { headers: { cookie: headers.get("cookie") ?? "" } };
  const raw = await getToken({ req, secret, cookieName, salt: cookieName, raw: true });
  if (!raw) return null;
  const key = `${[secret].flat().join("\u0000")}\u0001${cookieName}\u0001${raw}`;
  const known = decoded.get(key);
  if (known) {
    if (known.exp > Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_S) return { ...known.claims };
    decoded.delete(key);
    return null;
  }
  const token = await getToken({ req, secret, cookieName, salt: cookieName });
  if (!token) return null;
  // auth.ts's jwt callback changes nothing on a plain read; its session callback keeps these two when they are strings.
  const claims = { userId: typeof token.uid === "string" ? token.uid : undefined, sid: typeof token.sid === "string" ? token.sid : undefined };
  if (typeof token.exp === "number") {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { claims, exp: token.exp });
  }
  return { ...claims };
}

/**
 * Tokens this process has decoded, by secret, cookie name (the salt) and exact value. Decrypting the same string
 * under the same key always gives the same payload, so a hit needs only `exp` checked again, as `decode` checks
 * it (jose: refused once exp <= now - 15 s). The JWE decryption was ≈ 1 ms of every signed-in request (decision
 * 037); a browser sends the same cookie until it is rotated or expires. Only successful decodes are kept, so a
 * forged cookie is decrypted (and refused) every time; whether the session is live is still asked of the
 * database on every request. Bounded: the oldest entry goes first.
 */
const decoded = new Map<string, { claims: SessionClaims; exp: number }>();
const DECODED_MAX = 1000;
/** @auth/core's decode passes `clockTolerance: 15` to jwtDecrypt. */
const CLOCK_TOLERANCE_S = 15;

/** For tests: how many decoded tokens are kept, and forgetting them. */
export const decodedSessionTokens = { size: () => decoded.size, clear: () => decoded.clear() };
