import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptFinding } from "@/lib/db/findings";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/dates";
import { JOBS } from "@/lib/jobs/registry";
import { RISK_HANDLERS, startWorker, type JobContext } from "@/lib/jobs/worker";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { utcToday } from "@/lib/days";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
});
afterAll(() => database.drop());

async function oneAccount() {
  const tenant = await createTenant(db);
  const ids = await importSnapshot(db, tenant.orgId, oneAccountSnapshot());
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
  return { tenant, accountId: ids("account", "acc"), loginId: ids("login", "acc/l-primary"), scope: await scopeFor(tenant.userId, tenant.orgId) };
}

const status = async (findingId: string) => (await db.finding.findUniqueOrThrow({ where: { id: findingId } })).status;
const openRules = async (accountId: string) => (await db.finding.findMany({ where: { accountId, status: "OPEN" } })).map((f) => f.ruleId).sort();

async function waitForJob(boss: PgBoss, name: string, id: string) {
  for (;;) {
    const job = await boss.getJobById<object>(name, id);
    if (job && ["completed", "failed"].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the risk jobs", () => {
  it("re-open an expired acceptance on their schedule, audited, and leave a current one alone", async () => {
    const { accountId, scope } = await oneAccount();
    const findings = await db.finding.findMany({ where: { accountId, status: "OPEN" }, orderBy: { ruleId: "asc" } });
    const [expiring, current] = findings;
    const until = addDays(utcToday(), 5);
    await acceptFinding(scope, { findingId: expiring.id, reason: "Until the new phone arrives", until });
    await acceptFinding(scope, { findingId: current.id, reason: "By design for this quarter", until: addDays(utcToday(), 40) });

    // The worker's clock is the day after the acceptance's last day; the job is the schedule's.
    const day = addDays(until, 1);
    const boss = await startWorker({ connectionString: database.url, clock: () => new Date(`${day}T00:15:00Z`), pollingIntervalSeconds: 0.5, schedule: true });
    try {
      expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual(
        expect.arrayContaining([["acceptances.reopen-expired", JOBS["acceptances.reopen-expired"].cron], ["risk.daily-recompute", JOBS["risk.daily-recompute"].cron]]),
      );
      const id = (await boss.send("acceptances.reopen-expired", {}))!;
      expect((await waitForJob(boss, "acceptances.reopen-expired", id)).state).toBe("completed");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await status(expiring.id)).toBe("OPEN");
    expect(await status(current.id)).toBe("ACCEPTED");
    const actions = (await db.auditEvent.findMany({ where: { entityId: expiring.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["finding.accepted", "finding.acceptance_expired"]);
  });

  it("the day's recompute raises an age finding at midnight UTC, not a minute before", async () => {
    const { accountId, loginId } = await oneAccount();
    // A password 89 days old on `day`: 90 (the default threshold) the next day.
    const day = addDays(utcToday(), 200);
    await db.login.update({ where: { id: loginId }, data: { passwordChangedAt: new Date(`${addDays(day, -89)}T12:00:00Z`) } });
    const run = (at: string) => {
      const context = { connectionString: database.url, clock: () => new Date(at), boss: undefined as unknown as PgBoss } satisfies JobContext;
      return RISK_HANDLERS["risk.daily-recompute"]!({}, context);
    };
    await run(`${day}T23:59:00Z`);
    expect(await openRules(accountId)).not.toContain("STALE_PASSWORD");
    await run(`${addDays(day, 1)}T00:00:00Z`);
    expect(await openRules(accountId)).toContain("STALE_PASSWORD");
    // Run again the same day (a retried job): nothing changes, nothing is written twice.
    const audits = await db.auditEvent.count({ where: { accountId } });
    await run(`${addDays(day, 1)}T00:05:00Z`);
    expect(await db.auditEvent.count({ where: { accountId } })).toBe(audits);
  });

  it("recomputes one organisation after its thresholds change, and no other", async () => {
    const a = await oneAccount();
    const b = await oneAccount();
    await db.organization.update({ where: { id: a.tenant.orgId }, data: { settings: { stalePasswordDays: 30, stalePasswordHighDays: 0 } } });
    await db.organization.update({ where: { id: b.tenant.orgId }, data: { settings: { stalePasswordDays: 30, stalePasswordHighDays: 0 } } });
    const context = { connectionString: database.url, clock: () => new Date(), boss: undefined as unknown as PgBoss } satisfies JobContext;
    await RISK_HANDLERS["risk.recompute-organisation"]!({ orgId: a.tenant.orgId }, context);
    expect(await openRules(a.accountId)).toContain("STALE_PASSWORD"); // 50 days old, over the new 30
    expect(await openRules(b.accountId)).not.toContain("STALE_PASSWORD");
    await expect(RISK_HANDLERS["risk.recompute-organisation"]!({}, context)).rejects.toThrow();
  });
});
