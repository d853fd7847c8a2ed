import { randomUUID } from "node:crypto";
import { createDb } from "@/lib/db/client";
import { expect, test } from "./fixtures";
import { credentialsAttempt } from "./raw-http";

// The per-address limit counts the TCP peer, not what a client writes in X-Forwarded-For (issue 18).
// The app under test declares one trusted proxy, 127.0.0.7 (playwright.config.ts); every other local
// address is an ordinary client. Each spec uses its own 127.x address, so the browser (127.0.0.1) is
// never locked out.

const nobody = () => `nobody-${randomUUID()}@test.example`;
const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}`, "x-gatehouse-peer": `203.0.113.${i}` });

async function attemptsFor(where: { ip?: string | { startsWith: string }; email?: string }) {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    return await db.signInAttempt.groupBy({ by: ["ip", "succeeded"], where, _count: true });
  } finally {
    await db.$disconnect();
  }
}

test("without a trusted proxy, a spoofed X-Forwarded-For changes nothing: 20 failures lock the real address, and only it", async () => {
  test.setTimeout(120_000);
  for (let i = 1; i <= 20; i++) {
    const response = await credentialsAttempt("127.0.0.5", nobody(), "wrong password", spoofed(i));
    expect(response.status, `attempt ${i}`).toBe(302);
  }
  const locked = await credentialsAttempt("127.0.0.5", nobody(), "wrong password", spoofed(21));
  expect(locked.status).toBe(429);
  expect(Number(locked.headers["retry-after"])).toBeGreaterThan(800);
  // Recorded under the socket's address; none of the written ones.
  expect(await attemptsFor({ ip: "127.0.0.5" })).toEqual([{ ip: "127.0.0.5", succeeded: false, _count: 20 }]);
  expect(await attemptsFor({ ip: { startsWith: "198.51.100." } })).toEqual([]);
  // Another client is not locked out by them.
  expect((await credentialsAttempt("127.0.0.6", nobody(), "wrong password", { "x-forwarded-for": "127.0.0.5" })).status).toBe(302);
});

test("behind the declared proxy, the address it appended counts, whatever the client wrote before it", async () => {
  test.setTimeout(120_000);
  const client = "203.0.113.77";
  for (let i = 1; i <= 20; i++) {
    const response = await credentialsAttempt("127.0.0.7", nobody(), "wrong password", { "x-forwarded-for": `10.0.0.${i}, ${client}` });
    expect(response.status, `attempt ${i}`).toBe(302);
  }
  expect((await credentialsAttempt("127.0.0.7", nobody(), "wrong password", { "x-forwarded-for": `1.2.3.4, ${client}` })).status).toBe(429);
  expect(await attemptsFor({ ip: client })).toEqual([{ ip: client, succeeded: false, _count: 20 }]);
  // The proxy's other clients, and the proxy itself, are not locked out.
  expect((await credentialsAttempt("127.0.0.7", nobody(), "wrong password", { "x-forwarded-for": "203.0.113.78" })).status).toBe(302);
});

test("30 parallel wrong passwords for one e-mail: exactly 5 are checked, then even the right one is refused", async ({ tenant }) => {
  test.setTimeout(120_000);
  const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => credentialsAttempt("127.0.0.8", tenant.email, `wrong-${i}`)));
  expect(responses.every((r) => r.status === 302 || r.status === 429)).toBe(true);
  expect(await attemptsFor({ email: tenant.email })).toEqual([{ ip: "127.0.0.8", succeeded: false, _count: 5 }]);
  expect((await credentialsAttempt("127.0.0.9", tenant.email, tenant.password)).status).toBe(429);
});
