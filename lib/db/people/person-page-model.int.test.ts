import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { countStatements } from "@/tests/support/statement-counter";
import type { SnapshotInput } from "@/lib/validation/snapshot";
import { syncToolCatalogue } from "../tools";
import { readAccountPageModel } from "../accounts/account-page-model";
import type { EvidenceData } from "@/lib/risk";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import { labelsFor } from "../labels";
import { readPersonPageModel } from "./person-page-model";
import { listPeople } from "./read-people";
import { personListQuerySchema } from "@/lib/validation/people";

// Decisions 028 and 055: the person page reads in one statement, for 3 logins as for 30.
const db = testDb();

/** Agency staff holding an admin login (on one shared phone) on each of `n` accounts. */
function staffWithLogins(n: number): SnapshotInput {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-staff", name: `Staff of ${n}`, external: true, company: "Agency KK", departedAt: null }],
    devices: [{ id: "d-phone", kind: "PHONE", label: `Phone of ${n}`, holderId: "p-staff", skipOtpOnBrowser: false }],
    accounts: Array.from({ length: n }, (_, i) => ({
      id: `acc-${i}`, storeName: `Store ${n}-${i}`, sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL" as const, status: "ACTIVE" as const, lastVerifiedAt: daysAgo(20),
      logins: [{
        id: `l-${i}`, role: "PRIMARY" as const, email: `staff${i}@agency.example`, personId: "p-staff", status: "ACTIVE" as const, lastLoginAt: daysAgo(3),
        passwordChangedAt: daysAgo(50), twoStep: [{ kind: "SMS" as const, role: "PRIMARY" as const, deviceId: "d-phone", phoneLast4: "1234" }],
        permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN" as const, marketplace: null }],
      }],
    })),
  };
}

let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
const people: Record<number, string> = {};
let otherPersonId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  tenant = await createTenant(db);
  other = await createTenant(db);
  for (const n of [3, 30]) people[n] = (await importSnapshot(db, tenant.orgId, staffWithLogins(n)))("person", "p-staff");
  otherPersonId = (await importSnapshot(db, other.orgId, staffWithLogins(1)))("person", "p-staff");
});
afterAll(() => db.$disconnect());

describe("the person page's read model", () => {
  it("reads an Owner's page (forms, provenance, labels) in one statement, for 30 logins as for 3", async () => {
    const scope = await scopeFor(tenant.userId);
    for (const n of [3, 30]) {
      // The account page evaluates its findings for today first: the person's then carry evidence to label.
      const { person } = await readPersonPageModel(scope, people[n], { labels: false });
      for (const login of person.logins.slice(0, 2)) await readAccountPageModel(scope, login.account.id, { labels: false });
      const { result, statements } = await countStatements(scope, () => readPersonPageModel(scope, people[n], { labels: true }));
      expect(result.person.logins).toHaveLength(n);
      expect(result.editing?.values).toMatchObject({ name: `Staff of ${n}`, company: "Agency KK", external: "yes" });
      expect(result.editing?.removal).toEqual({ ownedLogins: n, loginUses: 0, otherAccess: 0, devices: 1 });
      expect(result.editing?.devices.map((d) => d.label)).toEqual([`Phone of ${n}`]);
      expect(result.editing?.hasOthers).toBe(true); // the other staff member of this tenant
      expect(result.provenance).toMatchObject({ source: "IMPORT" });
      expect(result.candidates).toEqual([]);
      // The evidence's people and devices are named in the same statement, as evidenceIds and labelsFor name them.
      const mentioned = [...new Set(result.person.findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))];
      expect(result.labels.get(people[n])).toBe(`Staff of ${n}`);
      expect(result.labels.get(result.editing!.devices[0].id)).toBe(`Phone of ${n}`);
      expect(result.labels).toEqual(await labelsFor(scope, mentioned));
      expect(statements).toHaveLength(1);
    }
  });

  it("offers the merge form only when someone else is in the organisation, and gives every metric as the list counts it", async () => {
    // The other tenant holds one person: nobody to merge into them.
    const lone = await readPersonPageModel(await scopeFor(other.userId), otherPersonId, { labels: false });
    expect(lone.editing?.hasOthers).toBe(false);
    // The page's own metrics (accounts looked up by key) equal the live list's (the scoped account set).
    const scope = await scopeFor(tenant.userId);
    const page = await readPersonPageModel(scope, people[30], { labels: false });
    expect(page.person.metrics).toEqual({ activeLogins: 30, adminLogins: 30, accounts: 30, devices: 1, openFindings: expect.any(Number) });
    const listed = (await listPeople(scope, personListQuerySchema.parse({ q: "Staff of 30" }))).rows.find((r) => r.id === people[30]);
    expect(listed).toMatchObject({ ...page.person.metrics });
  });

  it("names who last verified the person only when they are a member of this organisation; the rendered person carries none of it", async () => {
    const scope = await scopeFor(tenant.userId);
    const before = await readPersonPageModel(scope, people[3], { labels: false });
    const stranger = await db.user.create({ data: { email: `${tenant.orgId}-stranger@test.example`, name: "Stranger", passwordHash: "x" } });
    const at = new Date("2026-11-02T03:04:05.678Z");
    await db.person.update({ where: { id: people[3] }, data: { verifiedById: tenant.userId, verifiedAt: at } });
    expect((await readPersonPageModel(scope, people[3], { labels: false })).provenance).toEqual({ source: "IMPORT", meaning: "recorded", verifiedAt: at, verifiedBy: "Test User", verifiedByToken: null });
    await db.person.update({ where: { id: people[3] }, data: { verifiedById: stranger.id } });
    const model = await readPersonPageModel(scope, people[3], { labels: false });
    expect(model.provenance).toEqual({ source: "IMPORT", meaning: "recorded", verifiedAt: at, verifiedBy: null, verifiedByToken: null });
    expect(Object.keys(model.person).sort()).toEqual(["checklist", "company", "departedAt", "devices", "email", "external", "findings", "id", "logins", "metrics", "name", "offboardingStartedAt"]);
    expect(model.person).toEqual(before.person);
  });

  it("answers another tenant's person, or one a Viewer given no client cannot see, with NOT_FOUND", async () => {
    const viewer = await db.user.create({ data: { email: `${tenant.orgId}-viewer@test.example`, name: "Viewer", passwordHash: "x" } });
    await db.membership.create({ data: { orgId: tenant.orgId, userId: viewer.id, role: "VIEWER" } });
    await expect(readPersonPageModel(await scopeFor(viewer.id), people[3], { labels: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readPersonPageModel(await scopeFor(tenant.userId), otherPersonId, { labels: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
