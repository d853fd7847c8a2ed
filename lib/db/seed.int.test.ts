import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { applyMigrations } from "./migrate";
import { DEMO_ORG_ID, DEMO_USER, seedDemoIfEmpty } from "./seed";
import { verifyPassword } from "@/lib/auth/password";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function freshDb() {
  const database = await createThrowawayDatabase(inject("adminDatabaseUrl"), "gatehouse_seed");
  drops.push(database.drop);
  await applyMigrations(database.url);
  return createDb(database.url);
}

async function counts(db: ReturnType<typeof createDb>) {
  return {
    orgs: await db.organization.count(),
    accounts: await db.sellerAccount.count(),
    logins: await db.login.count(),
    people: await db.person.count(),
    tools: await db.tool.count(),
  };
}

describe("demo seed", () => {
  it("loads the demo agency into an empty database, and a second run changes nothing", async () => {
    const db = await freshDb();
    expect(await seedDemoIfEmpty(db, "2026-11-23")).toBe("seeded");
    const first = await counts(db);
    expect(first.orgs).toBe(1);
    expect(first.accounts).toBe(40);
    expect(first.logins).toBeGreaterThanOrEqual(130);
    expect(first.logins).toBeLessThanOrEqual(170);
    expect(first.tools).toBe(26);
    // Snapshot ids become external ids: the export names demo records as the demo's snapshot does.
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: DEMO_ORG_ID }, include: { logins: true } });
    expect(`demo-account-${account.externalId}`).toBe(account.id);
    for (const login of account.logins) expect(login.id).toBe(`demo-login-${account.externalId}/${login.externalId}`);
    expect(await seedDemoIfEmpty(db, "2026-11-23")).toBe("skipped-not-empty");
    expect(await counts(db)).toEqual(first);
    await db.$disconnect();
  });

  it("spreads accounts over JP, US, UK and DE and gives the demo user a working password hash", async () => {
    const db = await freshDb();
    await seedDemoIfEmpty(db, "2026-11-23");
    const marketplaces = new Set((await db.sellerAccount.findMany({ select: { marketplaces: true } })).flatMap((a) => a.marketplaces));
    expect([...marketplaces].sort()).toEqual(["DE", "JP", "UK", "US"]);
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, DEMO_USER.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong-password-123")).toBe(false);
    await db.$disconnect();
  });

  it("names the demo user as a person, the agency's owner", async () => {
    const db = await freshDb();
    await seedDemoIfEmpty(db, "2026-11-23");
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USER.email }, include: { memberships: { include: { org: true } } } });
    expect(user.name).toBe("Fujita Akane");
    expect(user.memberships.map((m) => [m.org.name, m.role])).toEqual([["Kaede Commerce Partners", "OWNER"]]);
    await db.$disconnect();
  });

  it("has a departed staff member who still holds active logins on several accounts", async () => {
    const db = await freshDb();
    await seedDemoIfEmpty(db, "2026-11-23");
    const departed = await db.person.findMany({ where: { orgId: DEMO_ORG_ID, departedAt: { not: null } }, include: { logins: { where: { status: "ACTIVE" } } } });
    expect(departed).toHaveLength(1);
    expect(new Set(departed[0].logins.map((l) => l.accountId)).size).toBeGreaterThanOrEqual(3);
    await db.$disconnect();
  });

  it("gives every demo account 90 days of score history ending today, the same on every seed", async () => {
    const db = await freshDb();
    await seedDemoIfEmpty(db, "2026-11-23");
    const rows = await db.accountScoreDaily.findMany({ where: { orgId: DEMO_ORG_ID }, orderBy: [{ accountId: "asc" }, { day: "asc" }] });
    const group = <K,>(key: (r: (typeof rows)[number]) => K) => rows.reduce((m, r) => m.set(key(r), [...(m.get(key(r)) ?? []), r]), new Map<K, typeof rows>());
    const byAccount = group((r) => r.accountId);
    expect(byAccount.size).toBe(40);
    for (const days of byAccount.values()) {
      expect(days).toHaveLength(90);
      expect(days[0].day.toISOString().slice(0, 10)).toBe("2026-08-26");
      expect(days.at(-1)!.day.toISOString().slice(0, 10)).toBe("2026-11-23");
    }
    // A line, not a flat bar: the portfolio's daily mean moves over the quarter.
    const means = new Set([...group((r) => r.day.toISOString()).values()].map((d) => Math.round(d.reduce((n, r) => n + r.score, 0) / d.length)));
    expect(means.size).toBeGreaterThan(3);
    const again = await freshDb();
    await seedDemoIfEmpty(again, "2026-11-23");
    const second = await again.accountScoreDaily.findMany({ where: { orgId: DEMO_ORG_ID }, orderBy: [{ accountId: "asc" }, { day: "asc" }] });
    expect(second.map((r) => [r.accountId, r.day.toISOString(), r.score])).toEqual(rows.map((r) => [r.accountId, r.day.toISOString(), r.score]));
    await db.$disconnect();
    await again.$disconnect();
  });

  it("never seeds into a database that already holds an organisation", async () => {
    const db = await freshDb();
    await db.organization.create({ data: { name: "Real customer" } });
    expect(await seedDemoIfEmpty(db, "2026-11-23")).toBe("skipped-not-empty");
    expect(await db.sellerAccount.count()).toBe(0);
    await db.$disconnect();
  });
});
