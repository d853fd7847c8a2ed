import { Auth, type AuthConfig } from "@auth/core";
import { EncryptJWT, base64url } from "jose";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodedSessionTokens, readSessionClaims, sessionCookieName } from "./session-token";

// Real encryption both ways (next-auth/jwt's encode, the reader's decode): the reader must accept exactly
// the cookies Auth.js itself would, and nothing else.
const SECRET = "session-token-test-secret-0123456789abcdef";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const config = { secret: SECRET, basePath: "/api/auth" };
const claims = { uid: "user-1", sid: "session-1" };

function request(cookie: string, proto = "http"): Headers {
  return new Headers({ cookie, host: "gatehouse.test", "x-forwarded-proto": proto });
}

const token = (options: { salt?: string; secret?: string; maxAge?: number; payload?: Record<string, unknown> } = {}) =>
  encode({ token: options.payload ?? claims, secret: options.secret ?? SECRET, salt: options.salt ?? PLAIN, maxAge: options.maxAge ?? 3600 });

describe("the session cookie read straight from the request", () => {
  it("reads the user and session of a token Auth.js encoded", async () => {
    expect(await readSessionClaims(request(`${PLAIN}=${await token()}`), config)).toEqual({ userId: "user-1", sid: "session-1" });
  });

  it("picks the cookie name as Auth.js does: __Secure- behind https, AUTH_URL first, useSecureCookies over both", () => {
    expect(sessionCookieName(request("", "http"), config, {})).toBe(PLAIN);
    expect(sessionCookieName(request("", "https"), config, {})).toBe(SECURE);
    expect(sessionCookieName(new Headers({ host: "gatehouse.test" }), config, {})).toBe(SECURE);
    expect(sessionCookieName(request("", "http"), config, { AUTH_URL: "https://gatehouse.example" })).toBe(SECURE);
    expect(sessionCookieName(request("", "https"), config, { AUTH_URL: "http://localhost:3000" })).toBe(PLAIN);
    expect(sessionCookieName(request("", "https"), { ...config, useSecureCookies: false }, {})).toBe(PLAIN);
  });

  it("behind https reads only the __Secure- cookie, whose name is also its key's salt", async () => {
    const secure = await token({ salt: SECURE });
    expect(await readSessionClaims(request(`${SECURE}=${secure}`, "https"), config, {})).toEqual({ userId: "user-1", sid: "session-1" });
    // The plain cookie is not read behind https, nor a __Secure- one over http.
    expect(await readSessionClaims(request(`${PLAIN}=${await token()}`, "https"), config, {})).toBeNull();
    expect(await readSessionClaims(request(`${SECURE}=${secure}`, "http"), config, {})).toBeNull();
  });

  it("refuses a token encrypted under another salt (the other cookie name)", async () => {
    expect(await readSessionClaims(request(`${PLAIN}=${await token({ salt: SECURE })}`), config, {})).toBeNull();
    expect(await readSessionClaims(request(`${SECURE}=${await token({ salt: PLAIN })}`, "https"), config, {})).toBeNull();
  });

  it("refuses a token under another secret, and reads nothing without a secret", async () => {
    expect(await readSessionClaims(request(`${PLAIN}=${await token({ secret: "another-secret-0123456789abcdef0123456789" })}`), config)).toBeNull();
    const good = request(`${PLAIN}=${await token()}`);
    expect(await readSessionClaims(good, { ...config, secret: undefined })).toBeNull();
    expect(await readSessionClaims(good, { ...config, secret: "" })).toBeNull();
    expect(await readSessionClaims(good, { ...config, secret: [] })).toBeNull();
  });

  it("reads a token of a previous secret when it is still listed (Auth.js's rotation)", async () => {
    const old = await token({ secret: "the-previous-secret-0123456789abcdef0123" });
    expect(await readSessionClaims(request(`${PLAIN}=${old}`), { ...config, secret: [SECRET, "the-previous-secret-0123456789abcdef0123"] })).toEqual({ userId: "user-1", sid: "session-1" });
  });

  it("refuses an expired token (beyond decode's 15 s leeway)", async () => {
    expect(await readSessionClaims(request(`${PLAIN}=${await token({ maxAge: -60 })}`), config)).toBeNull();
  });

  it("refuses a tampered token: any changed part fails the authentication tag", async () => {
    const good = await token();
    const parts = good.split(".");
    for (const i of [0, 2, 3, 4]) {
      const changed = [...parts];
      const bytes = base64url.decode(changed[i]);
      bytes[Math.floor(bytes.length / 2)] ^= 1;
      changed[i] = base64url.encode(bytes);
      expect(await readSessionClaims(request(`${PLAIN}=${changed.join(".")}`), config), `part ${i}`).toBeNull();
    }
    expect(await readSessionClaims(request(`${PLAIN}=${good.slice(0, -2)}`), config)).toBeNull();
  });

  it("refuses forgeries: a token under a key of the forger's choosing, an unsigned JWT, garbage", async () => {
    const forgedKey = new Uint8Array(64).fill(7);
    const forged = await new EncryptJWT(claims).setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" }).setExpirationTime("1h").encrypt(forgedKey);
    const unsigned = `${base64url.encode(JSON.stringify({ alg: "none" }))}.${base64url.encode(JSON.stringify(claims))}.`;
    for (const value of [forged, unsigned, "not-a-token", "a.b.c.d.e"]) expect(await readSessionClaims(request(`${PLAIN}=${value}`), config), value).toBeNull();
  });

  it("reads only the Cookie header: a token in an Authorization header is not a session", async () => {
    const headers = request("");
    headers.set("authorization", `Bearer ${await token()}`);
    expect(await readSessionClaims(headers, config)).toBeNull();
  });

  it("joins a chunked cookie in chunk order, as Auth.js's session store does", async () => {
    const value = await token({ payload: { ...claims, padding: "x".repeat(300) } });
    const third = Math.ceil(value.length / 3);
    const chunks = [0, 1, 2].map((i) => `${PLAIN}.${i}=${value.slice(i * third, (i + 1) * third)}`);
    expect(await readSessionClaims(request([chunks[2], chunks[0], chunks[1]].join("; ")), config)).toEqual({ userId: "user-1", sid: "session-1" });
    expect(await readSessionClaims(request([chunks[0], chunks[2]].join("; ")), config)).toBeNull();
  });

  it("keeps only string claims, as auth.ts's session callback does", async () => {
    expect(await readSessionClaims(request(`${PLAIN}=${await token({ payload: { uid: 42, sid: { id: "x" } } })}`), config)).toEqual({ userId: undefined, sid: undefined });
  });

  it("agrees with Auth.js's own session action on every cookie above", async () => {
    // The callbacks auth.ts uses for a plain read (next-auth's auth() wraps the session callback the same way).
    const authConfig: AuthConfig = {
      secret: SECRET,
      basePath: "/api/auth",
      trustHost: true,
      providers: [],
      logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
      callbacks: {
        jwt: ({ token: t }) => t,
        session: ({ session, token: t }) => ({ ...session, user: { ...session.user, id: typeof t.uid === "string" ? t.uid : undefined }, sid: typeof t.sid === "string" ? t.sid : undefined }),
      },
    };
    const viaAuth = async (cookie: string) => {
      const response = await Auth(new Request("http://gatehouse.test/api/auth/session", { headers: { cookie } }), authConfig);
      const body = response.ok ? ((await response.json()) as { user?: { id?: string }; sid?: string } | null) : null;
      return body ? { userId: body.user?.id, sid: body.sid } : null;
    };
    const cookies = [
      `${PLAIN}=${await token()}`,
      `${PLAIN}=${await token({ maxAge: -60 })}`,
      `${PLAIN}=${await token({ salt: SECURE })}`,
      `${PLAIN}=${await token({ secret: "another-secret-0123456789abcdef0123456789" })}`,
      `${PLAIN}=${(await token()).slice(0, -2)}`,
      `${SECURE}=${await token({ salt: SECURE })}`,
      "",
    ];
    for (const cookie of cookies) expect(await readSessionClaims(request(cookie), config, {}), cookie.slice(0, 40)).toEqual(await viaAuth(cookie));
  });
});

describe("decoded tokens kept for the next request", () => {
  afterEach(() => vi.useRealTimers());

  it("a kept token is refused once it expires, as decode would refuse it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const cookie = request(`${PLAIN}=${await token({ maxAge: 60 })}`);
    expect(await readSessionClaims(cookie, config)).toEqual({ userId: "user-1", sid: "session-1" });
    vi.setSystemTime(start + 70_000); // past exp, within decode's 15 s leeway
    expect(await readSessionClaims(cookie, config)).toEqual({ userId: "user-1", sid: "session-1" });
    vi.setSystemTime(start + 76_000);
    expect(await readSessionClaims(cookie, config)).toBeNull();
    expect(await readSessionClaims(cookie, config)).toBeNull();
  });

  it("a kept token counts only under the secret and the cookie name it was decoded with", async () => {
    const value = await token();
    expect(await readSessionClaims(request(`${PLAIN}=${value}`), config)).not.toBeNull();
    expect(await readSessionClaims(request(`${PLAIN}=${value}`), { ...config, secret: "another-secret-0123456789abcdef0123456789" })).toBeNull();
    expect(await readSessionClaims(request(`${SECURE}=${value}`, "https"), config, {})).toBeNull();
    expect(await readSessionClaims(request(`${PLAIN}=${value}`), config)).toEqual({ userId: "user-1", sid: "session-1" });
  });

  it("keeps only tokens that decoded, hands out copies, and keeps at most 1,000", async () => {
    decodedSessionTokens.clear();
    for (const value of ["not-a-token", (await token()).slice(0, -2), await token({ maxAge: -60 }), await token({ salt: SECURE })]) {
      expect(await readSessionClaims(request(`${PLAIN}=${value}`), config)).toBeNull();
    }
    expect(decodedSessionTokens.size()).toBe(0);
    const cookie = request(`${PLAIN}=${await token()}`);
    const first = await readSessionClaims(cookie, config);
    first!.userId = "someone-else";
    expect(await readSessionClaims(cookie, config)).toEqual({ userId: "user-1", sid: "session-1" });
    expect(decodedSessionTokens.size()).toBe(1);
    for (let i = 0; i < 1005; i++) await readSessionClaims(request(`${PLAIN}=${await token({ payload: { uid: `u${i}`, sid: "s" } })}`), config);
    expect(decodedSessionTokens.size()).toBe(1000);
  });
});
