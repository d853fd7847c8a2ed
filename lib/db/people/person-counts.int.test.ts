import { describe, expect, it } from "vitest";
import { createTenant, daysAgo, importSnapshot } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { freshPersonCounts, storedPersonCounts, type Counts } from "@/tests/support/person-counts";
import { recomputeOrganisations } from "../risk/recompute-all";

// PersonFindingCount and PersonCount (migration 20261209020000_person_open_finding_counts, decision 035)
// are derived data: after every kind of write they must equal a count from scratch.
const db = testDb();
const today = new Date().toISOString().slice(0, 10);

const fresh = (orgId: string) => freshPersonCounts(db, orgId);
const stored = (orgId: string) => storedPersonCounts(db, orgId);

async function expectInStep(orgId: string) {
  expect(await stored(orgId)).toEqual(await fresh(orgId));
  expect((await db.personCount.findUnique({ where: { orgId } }))?.people ?? 0).toBe(await db.person.count({ where: { orgId } }));
}

const total = (c: Counts, id: string) => c[id].reduce((a, b) => a + b, 0);

async function world() {
  const { orgId } = await createTenant(db);
  const ids = await importSnapshot(db, orgId, {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-sato", name: "Sato Hana", company: "Kumo KK" }, { id: "p-ito", name: "Ito Ren", company: "Kumo KK" }, { id: "p-vendor", name: "Vendor", company: "Vendor KK", external: true }],
    devices: [{ id: "d-phone", kind: "PHONE", label: "Shared phone", holderId: "p-sato" }],
    accounts: [{
      id: "acc", storeName: "Kumo", sellerId: "A2EXAMPLE0078", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(1),
      logins: [
        { id: "primary", role: "PRIMARY", personId: "p-sato", status: "ACTIVE", lastLoginAt: daysAgo(1), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1111" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }] },
        { id: "ito", role: "SECONDARY", personId: "p-ito", status: "ACTIVE", lastLoginAt: daysAgo(400), twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-phone", phoneLast4: "1111" }] },
      ],
    }],
  });
  await recomputeOrganisations(db, { today, orgIds: [orgId] });
  const accountId = ids("account", "acc");
  const finding = (subjectType: "person" | "login" | "device", subjectId: string, ruleId: string, severity: "critical" | "high" | "medium" | "low" = "high") =>
    ({ orgId, accountId, ruleId, severity, subjectType, subjectId, evidence: "test" }) as const;
  return { orgId, ids, accountId, finding };
}

describe("stored person finding counts and people counts", () => {
  it("equal a count from scratch after import and recompute, findings opened and resolved, a login moved to another person, a person deleted", async () => {
    const { orgId, ids, finding } = await world();
    await expectInStep(orgId);
    const sato = ids("person", "p-sato");
    const ito = ids("person", "p-ito");
    const vendor = ids("person", "p-vendor");
    const before = await stored(orgId);
    expect(total(before, sato) + total(before, ito)).toBeGreaterThan(0);

    // Opened: about the person, their login, and a device they hold.
    await db.finding.create({ data: finding("person", sato, "TEST_PERSON", "critical") });
    await db.finding.create({ data: finding("login", ids("login", "acc/primary"), "TEST_LOGIN", "low") });
    await db.finding.create({ data: finding("device", ids("device", "d-phone"), "TEST_DEVICE", "medium") });
    await expectInStep(orgId);
    expect(total(await stored(orgId), sato)).toBe(total(before, sato) + 3);

    // Resolved (one by one and in bulk).
    await db.finding.updateMany({ where: { orgId, ruleId: "TEST_PERSON" }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    await expectInStep(orgId);
    await db.finding.updateMany({ where: { orgId, status: "OPEN" }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    await expectInStep(orgId);
    expect(total(await stored(orgId), sato)).toBe(0);
    await db.finding.updateMany({ where: { orgId }, data: { status: "OPEN", resolvedAt: null } });
    await expectInStep(orgId);

    // A login moved to another person, a shared use added: both people recounted.
    await db.login.update({ where: { id: ids("login", "acc/ito") }, data: { personId: vendor } });
    await expectInStep(orgId);
    await db.loginUser.create({ data: { orgId, loginId: ids("login", "acc/primary"), personId: ito } });
    await expectInStep(orgId);
    // Ito now counts the findings about the primary login they use.
    expect(total(await stored(orgId), ito)).toBeGreaterThan(0);

    // A person deleted (their uses of logins go with them), and one added.
    await db.person.delete({ where: { id: ito } });
    await expectInStep(orgId);
    await db.person.create({ data: { orgId, name: "New hire" } });
    await expectInStep(orgId);
    expect((await db.personCount.findUniqueOrThrow({ where: { orgId } })).people).toBe(3);
  });

  it("counts both of two transactions that change one person at once (the second waits for the first, then counts its change)", async () => {
    const { orgId, ids, finding } = await world();
    const sato = ids("person", "p-sato");
    const itoLogin = ids("login", "acc/ito");
    await db.finding.create({ data: finding("login", itoLogin, "TEST_ITO_LOGIN") });
    const before = total(await stored(orgId), sato);
    const onItoLogin = await db.finding.count({ where: { orgId, status: "OPEN", subjectType: "login", subjectId: itoLogin } });
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    let secondStarted = false;
    // The first opens a finding about Sato; the second makes Sato a user of Ito's login (no account row
    // in common, so only the lock on Sato orders them).
    const first = db.$transaction(async (tx) => {
      await tx.finding.create({ data: finding("person", sato, "TEST_CONCURRENT_A") });
      firstWrote();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(secondStarted).toBe(true);
    });
    await wrote;
    const second = db.$transaction(async (tx) => {
      secondStarted = true;
      await tx.loginUser.create({ data: { orgId, loginId: itoLogin, personId: sato } });
    });
    await Promise.all([first, second]);
    await expectInStep(orgId);
    expect(onItoLogin).toBeGreaterThan(0);
    expect(total(await stored(orgId), sato)).toBe(before + 1 + onItoLogin);
  });
});
