import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseBeforeMigration } from "@/tests/support/database-before-migration";
import { applyMigrations } from "../migrate";

// The per-login access reviews become a completed campaign (migration 20261206020000_review_campaigns):
// applied to a database that holds AccessReview rows, every row becomes an item and the old table goes.

const MIGRATION = "20261206020000_review_campaigns";
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

describe(MIGRATION, () => {
  it("moves every per-login review into one completed campaign per organisation, then drops AccessReview", async () => {
    const db = await databaseBeforeMigration(inject("adminDatabaseUrl"), MIGRATION, "gatehouse_reviews_migration");
    drops.push(db.drop);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const q = (text: string, params: unknown[] = []) => client.query(text, params);
      for (const org of ["org-a", "org-b"]) {
        await q(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, $1, now())`, [org]);
        await q(`INSERT INTO "SellerAccount" (id, "orgId", "storeName", region, "updatedAt") VALUES ($1, $2, 'Store', 'JP', now())`, [`acc-${org}`, org]);
        await q(`INSERT INTO "Person" (id, "orgId", name, email) VALUES ($1, $2, 'Sato', 'sato@shop.example')`, [`p-${org}`, org]);
        await q(`INSERT INTO "Login" (id, "orgId", "accountId", role, email, "personId", "updatedAt") VALUES ($1, $2, $3, 'SECONDARY', 'sato@shop.example', $4, now())`, [`l-${org}`, org, `acc-${org}`, `p-${org}`]);
      }
      await q(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u-1', 'r@agency.example', 'Reviewer', 'x', now())`);
      await q(`INSERT INTO "AccessReview" (id, "orgId", "accountId", "loginId", decision, note, "decidedById", "decidedAt") VALUES
        ('ar-1', 'org-a', 'acc-org-a', 'l-org-a', 'APPROVED', NULL, 'u-1', '2026-10-01T10:00:00Z'),
        ('ar-2', 'org-a', 'acc-org-a', 'l-org-a', 'REMOVE_REQUESTED', 'left the company', 'u-1', '2026-11-02T10:00:00Z'),
        ('ar-3', 'org-a', 'acc-org-a', 'l-gone', 'APPROVED', 'login since deleted', 'u-1', '2026-10-15T10:00:00Z'),
        ('ar-4', 'org-b', 'acc-org-b', 'l-org-b', 'APPROVED', NULL, 'u-1', '2026-09-01T10:00:00Z')`);

      expect((await applyMigrations(db.url)).applied).toContain(MIGRATION);

      const campaigns = (await q(`SELECT "orgId", status::text, "startedAt", "completedAt", "accountIds", "reviewerIds", to_char("dueOn", 'YYYY-MM-DD') AS "dueOn" FROM "ReviewCampaign" ORDER BY "orgId"`)).rows;
      expect(campaigns).toEqual([
        { orgId: "org-a", status: "COMPLETED", startedAt: new Date("2026-10-01T10:00:00Z"), completedAt: new Date("2026-11-02T10:00:00Z"), accountIds: ["acc-org-a"], reviewerIds: ["u-1"], dueOn: "2026-11-02" },
        { orgId: "org-b", status: "COMPLETED", startedAt: new Date("2026-09-01T10:00:00Z"), completedAt: new Date("2026-09-01T10:00:00Z"), accountIds: ["acc-org-b"], reviewerIds: ["u-1"], dueOn: "2026-09-01" },
      ]);
      const items = (await q(`SELECT i.id, i."orgId", i.kind::text, i."subjectId", i.label, i."personEmail", i.decision::text, i.comment, i."decidedById", i."decidedAt", c."orgId" AS "campaignOrg"
                               FROM "ReviewItem" i JOIN "ReviewCampaign" c ON c.id = i."campaignId" ORDER BY i.id`)).rows;
      expect(items).toEqual([
        { id: "ar-1", orgId: "org-a", kind: "LOGIN", subjectId: "l-org-a", label: "sato@shop.example", personEmail: "sato@shop.example", decision: "KEEP", comment: null, decidedById: "u-1", decidedAt: new Date("2026-10-01T10:00:00Z"), campaignOrg: "org-a" },
        { id: "ar-2", orgId: "org-a", kind: "LOGIN", subjectId: "l-org-a", label: "sato@shop.example", personEmail: "sato@shop.example", decision: "REMOVE", comment: "left the company", decidedById: "u-1", decidedAt: new Date("2026-11-02T10:00:00Z"), campaignOrg: "org-a" },
        { id: "ar-3", orgId: "org-a", kind: "LOGIN", subjectId: "l-gone", label: "l-gone", personEmail: null, decision: "KEEP", comment: "login since deleted", decidedById: "u-1", decidedAt: new Date("2026-10-15T10:00:00Z"), campaignOrg: "org-a" },
        { id: "ar-4", orgId: "org-b", kind: "LOGIN", subjectId: "l-org-b", label: "sato@shop.example", personEmail: "sato@shop.example", decision: "KEEP", comment: null, decidedById: "u-1", decidedAt: new Date("2026-09-01T10:00:00Z"), campaignOrg: "org-b" },
      ]);
      expect((await q(`SELECT to_regclass('"AccessReview"') AS t, (SELECT count(*)::int FROM pg_type WHERE typname = 'ReviewDecision') AS enums`)).rows[0]).toEqual({ t: null, enums: 0 });
    } finally {
      await client.end();
    }
  });
});
