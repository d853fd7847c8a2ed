import { encode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/auth";
import { resolveScope } from "@/lib/db/scope";
import { createUserSession, revokeSession, SESSION_POLICY } from "@/lib/db/sessions";
import { testDb } from "@/tests/support/db";
import { createTenant } from "@/tests/support/factories";

// The request a page or action sees: its Cookie header (what the session is read from) and the cookie jar
// (the preferred organisation, and a cookie an action of this request replaced).
const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined), getAll: () => [...request.jar].map(([name, value]) => ({ name, value })) }),
}));
vi.mock("next/navigation", () => ({ redirect: () => { throw new Error("redirected"); } }));
const { getScope, getSessionId } = await import("./scope");

const db = testDb();
afterAll(() => db.$disconnect());

const SECRET = process.env.AUTH_SECRET!;
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

function send(cookie: string, proto = "http") {
  request.headers = new Headers({ cookie, host: "gatehouse.test", "x-forwarded-proto": proto });
  request.jar = new Map(cookie.split("; ").filter(Boolean).map((c) => c.split("=") as [string, string]));
}
const jwt = (payload: Record<string, unknown>, options: { salt?: string; secret?: string; maxAge?: number } = {}) =>
  encode({ token: payload, secret: options.secret ?? SECRET, salt: options.salt ?? PLAIN, maxAge: options.maxAge ?? 3600 });

async function signedIn() {
  const tenant = await createTenant(db);
  const sid = await createUserSession(tenant.userId, {});
  return { ...tenant, sid, claims: { uid: tenant.userId, sid } };
}

describe("the signed-in request's scope, from its cookie and its server-side session", () => {
  beforeEach(() => send(""));

  it("a cookie Auth.js would issue, for a live session, gives the user's scope and session id", async () => {
    // session-token.ts names the cookie as Auth.js's defaults do: auth.ts must not rename it or force its prefix.
    expect([authConfig.cookies, authConfig.useSecureCookies, authConfig.secret]).toEqual([undefined, undefined, SECRET]);
    const t = await signedIn();
    send(`${PLAIN}=${await jwt(t.claims)}`);
    expect(await getScope()).toEqual(await resolveScope(t.userId));
    expect(await getSessionId()).toBe(t.sid);
    send(`${SECURE}=${await jwt(t.claims, { salt: SECURE })}`, "https");
    expect((await getScope())?.orgId).toBe(t.orgId);
  });

  it("forged, expired, tampered, wrong-salt or wrong-secret cookies give no scope and no session", async () => {
    const t = await signedIn();
    const good = await jwt(t.claims);
    const tampered = `${good.slice(0, 60)}${good[60] === "A" ? "B" : "A"}${good.slice(61)}`;
    const cookies = [
      `${PLAIN}=${await jwt(t.claims, { maxAge: -60 })}`,
      `${PLAIN}=${tampered}`,
      `${PLAIN}=${await jwt(t.claims, { salt: SECURE })}`,
      `${PLAIN}=${await jwt(t.claims, { secret: "a-forger-s-own-secret-0123456789abcdef01" })}`,
      `${PLAIN}=${Buffer.from(JSON.stringify(t.claims)).toString("base64url")}`,
      `gh_session=${good}`,
    ];
    for (const cookie of cookies) {
      send(cookie);
      expect(await getScope(), cookie.slice(0, 50)).toBeNull();
      expect(await getSessionId()).toBeNull();
    }
    // The same token over https, where Auth.js names the cookie __Secure-: not read.
    send(`${PLAIN}=${good}`, "https");
    expect(await getScope()).toBeNull();
  });

  it("a valid token whose session is revoked, idle, past its end or another user's gives no scope", async () => {
    const t = await signedIn();
    const other = await signedIn();
    send(`${PLAIN}=${await jwt({ uid: t.userId, sid: other.sid })}`);
    expect(await getScope()).toBeNull();

    const idle = await createUserSession(t.userId, {});
    await db.userSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - SESSION_POLICY.idleMs - 1000) } });
    send(`${PLAIN}=${await jwt({ uid: t.userId, sid: idle })}`);
    expect(await getScope()).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: idle } })).revokedReason).toBe("idle");

    const ended = await createUserSession(t.userId, {});
    await db.userSession.update({ where: { id: ended }, data: { expiresAt: new Date(Date.now() - 1000) } });
    send(`${PLAIN}=${await jwt({ uid: t.userId, sid: ended })}`);
    expect(await getScope()).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: ended } })).revokedReason).toBe("expired");

    send(`${PLAIN}=${await jwt(t.claims)}`);
    expect(await getScope()).not.toBeNull();
    await revokeSession(t.sid, "signed_out");
    expect(await getScope()).toBeNull();
  });

  it("records the session as seen at most once a minute", async () => {
    const t = await signedIn();
    const stale = new Date(Date.now() - SESSION_POLICY.touchEveryMs - 1000);
    await db.userSession.update({ where: { id: t.sid }, data: { lastSeenAt: stale } });
    send(`${PLAIN}=${await jwt(t.claims)}`);
    expect(await getScope()).not.toBeNull();
    const seen = (await db.userSession.findUniqueOrThrow({ where: { id: t.sid } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(stale.getTime());
    expect(await getScope()).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: t.sid } })).lastSeenAt).toEqual(seen);
  });

  it("a live session without memberships has a session id but no scope; the preferred organisation is honoured", async () => {
    const loner = await db.user.create({ data: { email: `${crypto.randomUUID()}@test.example`, name: "No membership", passwordHash: "x" } });
    const sid = await createUserSession(loner.id, {});
    send(`${PLAIN}=${await jwt({ uid: loner.id, sid })}`);
    expect(await getScope()).toBeNull();
    expect(await getSessionId()).toBe(sid);

    const t = await signedIn();
    const second = await createTenant(db);
    await db.membership.create({ data: { orgId: second.orgId, userId: t.userId, role: "VIEWER" } });
    send(`${PLAIN}=${await jwt(t.claims)}`);
    expect((await getScope())?.orgId).toBe(t.orgId);
    send(`${PLAIN}=${await jwt(t.claims)}; gh_org=${second.orgId}`);
    const scope = await getScope();
    expect(scope).toMatchObject({ orgId: second.orgId, role: "VIEWER" });
    expect(scope?.memberships.map((m) => m.orgId)).toEqual([t.orgId, second.orgId]);
  });
});
