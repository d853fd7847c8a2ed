import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { testDb } from "@/tests/support/db";
import { authorizeCredentials } from "./credentials";

const db = testDb();
afterAll(() => db.$disconnect());

const meta = (ip: string) => ({ ip, userAgent: "test" });
const noPrevious = async () => null;

async function user(password = "correct horse battery staple") {
  return db.user.create({ data: { email: `atomic-${crypto.randomUUID()}@test.example`, name: "Atomic", passwordHash: await hashPassword(password) } });
}

/** How each of many parallel attempts ended: "refused" (limit), "wrong" (password checked and wrong), "ok". */
async function attempt(email: string, password: string, ip: string): Promise<string> {
  const outcome = await authorizeCredentials({ email, password }, { meta: meta(ip), previousSessionId: noPrevious });
  return { rate_limited: "refused", refused: "wrong", signed_in: "ok", two_factor_required: "needs code" }[outcome.kind];
}

const tally = (results: string[]) => results.reduce<Record<string, number>>((t, r) => ({ ...t, [r]: (t[r] ?? 0) + 1 }), {});

describe("the sign-in limit under parallel attempts", () => {
  it("30 parallel wrong passwords for one e-mail: exactly 5 are checked, 25 refused", async () => {
    const u = await user();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(u.email, `wrong-${i}`, `192.0.2.${i + 1}`)));
    expect(tally(results)).toEqual({ wrong: 5, refused: 25 });
    expect(await db.signInAttempt.count({ where: { email: u.email, succeeded: false } })).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: u.email } } })).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "auth.locked_out", after: { path: ["email"], equals: u.email } } })).toBe(25);
    // Locked: even the right password is refused now.
    expect(await attempt(u.email, "correct horse battery staple", "192.0.2.99")).toBe("refused");
  });

  it("holds across app processes: two processes with 15 parallel attempts each get 5 checks between them", async () => {
    const u = await user();
    const run = (prefix: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn("npx", ["tsx", "--conditions=react-server", "tests/support/sign-in-attempts-child.ts", u.email, "15", prefix], {
          env: { ...process.env, NODE_OPTIONS: "" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`child exited ${code}`))));
      });
    const [a, b] = await Promise.all([run("198.51.100."), run("198.18.0.")]);
    expect(tally([...a, ...b])).toEqual({ wrong: 5, refused: 25 });
    expect(await db.signInAttempt.count({ where: { email: u.email } })).toBe(5);
  });

  it("30 parallel failures from one address across e-mails: exactly 20 are checked", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    await db.signInAttempt.deleteMany({ where: { ip } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`spray-${i}-${crypto.randomUUID()}@test.example`, "wrong", ip)));
    expect(tally(results)).toEqual({ wrong: 20, refused: 10 });
  });

  it("a right password that still needs its second factor is not counted as a failure", async () => {
    const u = await user();
    await db.user.update({ where: { id: u.id }, data: { totpEnabledAt: new Date(), totpKeyEncrypted: "x" } });
    for (let i = 0; i < 6; i++) expect(await attempt(u.email, "correct horse battery staple", "192.0.2.200")).toBe("needs code");
    expect(await db.signInAttempt.count({ where: { email: u.email } })).toBe(0);
  });

  it("a successful sign-in ends the session this browser held before", async () => {
    const u = await user();
    const before = await db.userSession.create({ data: { userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const result = await authorizeCredentials({ email: u.email, password: "correct horse battery staple" }, { meta: meta("192.0.2.201"), previousSessionId: async () => before.id });
    if (result.kind !== "signed_in") throw new Error(`expected a sign-in, got ${result.kind}`);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ revokedReason: "replaced_by_sign_in" });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: result.user.sid } })).toMatchObject({ revokedAt: null });
  });
});
