import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hashApiToken } from "@/lib/api/token";
import { testDb } from "@/tests/support/db";
import { databaseBeforeMigration } from "@/tests/support/database-before-migration";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { applyMigrations } from "../migrate";
import { createApiToken, listApiTokens, revokeApiToken, unsafeCreateApiTokenForOrganisation } from "./tokens";

// One active API token per name in an organisation, compared without case (decision 095): the list and the
// revoke confirmation name a token, and two named alike could not be told apart.
const db = testDb();
const input = (name: string) => ({ name, scope: "read" as const, clientIds: [], expiresOn: null });
const MIGRATION = "20261214010000_api_token_names_unique_among_active";
const drops: (() => Promise<void>)[] = [];
/** Waits until a session waits on a lock the session `pid` holds (no clock: the database says when). */
async function blockedBy(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))`, pid);
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no session waited on ${pid}`);
}
afterAll(async () => {
  for (const drop of drops) await drop();
});

describe("API token names", () => {
  it("refuses the name of an active token of the organisation, without case, saying whose name it is; nothing is made", async () => {
    const tenant = await createTenant(db);
    const owner = await scopeFor(tenant.userId);
    await createApiToken(owner, input("Nightly capture"));
    const refused = await createApiToken(owner, input("NIGHTLY CAPTURE")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "INVALID_INPUT", details: { name: "validation.apiTokenNameTaken" }, vars: { name: "Nightly capture" } });
    expect((await listApiTokens(owner)).map((t) => t.name)).toEqual(["Nightly capture"]);
    expect(await db.auditEvent.count({ where: { orgId: tenant.orgId, action: "apiToken.created" } })).toBe(1);
  });

  it("takes a revoked token's name, another organisation's, and a name that only looks like a pattern", async () => {
    const [a, b] = [await createTenant(db), await createTenant(db)];
    const [ownerA, ownerB] = [await scopeFor(a.userId), await scopeFor(b.userId)];
    const first = await createApiToken(ownerA, input("ci"));
    await revokeApiToken(ownerA, first.id);
    await createApiToken(ownerA, input("CI"));
    await createApiToken(ownerB, input("ci"));
    // A LIKE pattern would match "c_" to "ci": the comparison is lower(name) = lower(name), not ILIKE.
    await createApiToken(ownerA, input("c_"));
    await createApiToken(ownerA, input("c%"));
    expect((await listApiTokens(ownerA)).map((t) => [t.name, t.revokedAt === null]).sort()).toEqual([["CI", true], ["c%", true], ["c_", true], ["ci", false]]);
  });

  it("refuses, by the index, a create that passed the look-up while another token of the name was being written, in the same words", async () => {
    const tenant = await createTenant(db, { name: `Race Agency ${randomUUID()}` });
    const owner = await scopeFor(tenant.userId);
    const { name: orgName } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    // Another writer's token, inserted but not committed: the look-up (read committed) does not see it, so the create
    // gets past it and its insert waits on the partial unique index until that writer commits, then fails there.
    const withTokenBeingWritten = async <T>(name: string, create: () => Promise<T>): Promise<T> => {
      const other = new pg.Client({ connectionString: inject("databaseUrl") });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query(
          `INSERT INTO "ApiToken" (id, "orgId", name, scope, "clientIds", "tokenHash", prefix, "createdById") VALUES ($1, $2, $3, 'READ', '{}', $4, 'gh_x', $5)`,
          [randomUUID(), tenant.orgId, name, hashApiToken(randomUUID()), tenant.userId],
        );
        const { rows: [{ pid }] } = await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        const creating = create();
        await blockedBy(pid);
        await other.query("COMMIT");
        return await creating;
      } finally {
        await other.end();
      }
    };
    const settings = await withTokenBeingWritten("race", () => createApiToken(owner, input("Race")).catch((e: unknown) => e));
    expect(settings).toBeInstanceOf(AppError);
    expect(settings).toMatchObject({ code: "INVALID_INPUT", details: { name: "validation.apiTokenNameTaken" }, vars: { name: "Race" } });
    const cli = await withTokenBeingWritten("nightly", () => unsafeCreateApiTokenForOrganisation(db, { orgName, name: "Nightly", scope: "read" }));
    expect(cli).toEqual({ ok: false, problem: "name_taken", taken: "Nightly", expired: false });
    expect((await db.apiToken.findMany({ where: { orgId: tenant.orgId }, select: { name: true } })).map((t) => t.name).sort()).toEqual(["nightly", "race"]);
    expect(await db.auditEvent.count({ where: { orgId: tenant.orgId, action: "apiToken.created" } })).toBe(0);
    // Past the look-up (a write that skips lib/db): the partial unique index refuses it.
    const raw = db.apiToken.create({ data: { orgId: tenant.orgId, name: "RACE", scope: "READ", clientIds: [], tokenHash: hashApiToken("x".repeat(40)), prefix: "gh_x", createdById: tenant.userId } });
    await expect(raw).rejects.toMatchObject({ code: "P2002" });
  });

  it("says that an expired token still holds the name, and that revoking it frees the name, in Settings and the CLI alike", async () => {
    const tenant = await createTenant(db, { name: `Expired Agency ${randomUUID()}` });
    const owner = await scopeFor(tenant.userId);
    const { name: orgName } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    // Made with a later expiry that has since passed (a create refuses one in the past).
    const expired = await db.apiToken.create({
      data: { orgId: tenant.orgId, name: "weekly", scope: "READ", clientIds: [], tokenHash: hashApiToken(randomUUID()), prefix: "gh_w", createdById: tenant.userId, expiresAt: new Date(Date.now() - 86_400_000) },
    });
    const refused = await createApiToken(owner, input("Weekly")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "INVALID_INPUT", details: { name: "validation.apiTokenNameHeldByExpired" }, vars: { name: "weekly" } });
    expect(await unsafeCreateApiTokenForOrganisation(db, { orgName, name: "WEEKLY", scope: "read" })).toEqual({ ok: false, problem: "name_taken", taken: "weekly", expired: true });
    expect(await db.apiToken.count({ where: { orgId: tenant.orgId } })).toBe(1);
    await revokeApiToken(owner, expired.id);
    await createApiToken(owner, input("Weekly"));
    expect((await listApiTokens(owner)).map((t) => [t.name, t.revokedAt === null]).sort()).toEqual([["Weekly", true], ["weekly", false]]);
  });

  it("`gatehouse token create`'s data path refuses a taken name with its own problem and makes nothing", async () => {
    const tenant = await createTenant(db, { name: `Names Agency ${Date.now()}` });
    const { name: orgName } = await db.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    expect(await unsafeCreateApiTokenForOrganisation(db, { orgName, name: "nightly", scope: "read" })).toMatchObject({ ok: true });
    expect(await unsafeCreateApiTokenForOrganisation(db, { orgName, name: "Nightly", scope: "write" })).toEqual({ ok: false, problem: "name_taken", taken: "nightly", expired: false });
    expect(await db.apiToken.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });
});

describe(MIGRATION, () => {
  it("renames later active tokens of a name already used, deterministically, records each rename, and leaves the rest", async () => {
    const migrating = await databaseBeforeMigration(inject("adminDatabaseUrl"), MIGRATION, "gatehouse_token_names");
    drops.push(migrating.drop);
    const client = new pg.Client({ connectionString: migrating.url });
    await client.connect();
    try {
      const q = (text: string, params: unknown[] = []) => client.query(text, params);
      await q(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ('org-a', 'Agency A', now()), ('org-b', 'Agency B', now())`);
      const tokens: [string, string, string, string, boolean][] = [
        // id, org, name, created, revoked
        ["t-1", "org-a", "ci", "2026-01-01", false],
        ["t-2", "org-a", "CI", "2026-01-02", false],
        ["t-3", "org-a", "ci (2)", "2026-01-03", false], // the first free number skips a name in use
        ["t-4", "org-a", "Ci", "2026-01-04", false],
        ["t-5", "org-a", "ci", "2026-01-05", true], // revoked: keeps its name
        ["t-6", "org-b", "ci", "2026-01-01", false], // another organisation
        ["t-7", "org-a", "x".repeat(100), "2026-01-01", false],
        ["t-8", "org-a", "X".repeat(100), "2026-01-02", false], // cut to stay within 100 characters
        ["t-9", "org-a", "solo", "2026-01-01", false],
      ];
      for (const [id, org, name, created, revoked] of tokens)
        await q(`INSERT INTO "ApiToken" (id, "orgId", name, scope, "clientIds", "tokenHash", prefix, "createdById", "createdAt", "revokedAt") VALUES ($1, $2, $3, 'READ', '{}', $4, 'gh_x', 'u-1', $5, $6)`,
          [id, org, name, `hash-${id}`, created, revoked ? created : null]);

      // The migrations after this one are applied too; this one comes first.
      expect((await applyMigrations(migrating.url)).applied[0]).toBe(MIGRATION);

      const names = Object.fromEntries((await q(`SELECT id, name FROM "ApiToken" ORDER BY id`)).rows.map((r) => [r.id, r.name]));
      expect(names).toEqual({
        "t-1": "ci", "t-2": "CI (3)", "t-3": "ci (2)", "t-4": "Ci (4)", "t-5": "ci", "t-6": "ci",
        "t-7": "x".repeat(100), "t-8": `${"X".repeat(96)} (2)`, "t-9": "solo",
      });
      const renamed = (await q(`SELECT "orgId", "entityId", before, after FROM "AuditEvent" WHERE action = 'apiToken.renamed' ORDER BY "entityId"`)).rows;
      expect(renamed).toEqual([
        { orgId: "org-a", entityId: "t-2", before: { name: "CI" }, after: { name: "CI (3)", why: "duplicateActiveName" } },
        { orgId: "org-a", entityId: "t-4", before: { name: "Ci" }, after: { name: "Ci (4)", why: "duplicateActiveName" } },
        { orgId: "org-a", entityId: "t-8", before: { name: "X".repeat(100) }, after: { name: `${"X".repeat(96)} (2)`, why: "duplicateActiveName" } },
      ]);
      // From now on the database refuses a second active "ci" in org-a, and still takes a revoked one.
      await expect(q(`INSERT INTO "ApiToken" (id, "orgId", name, scope, "clientIds", "tokenHash", prefix, "createdById") VALUES ('t-10', 'org-a', 'CI', 'READ', '{}', 'hash-10', 'gh_x', 'u-1')`)).rejects.toMatchObject({ code: "23505" });
      await q(`INSERT INTO "ApiToken" (id, "orgId", name, scope, "clientIds", "tokenHash", prefix, "createdById", "revokedAt") VALUES ('t-11', 'org-a', 'CI', 'READ', '{}', 'hash-11', 'gh_x', 'u-1', now())`);
    } finally {
      await client.end();
    }
  });
});
