import { spawn } from "node:child_process";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { startCampaign, startNextRecurrence } from "@/lib/db/reviews/start-campaign";
import { startWorker, REVIEW_HANDLERS } from "@/lib/jobs/worker";
import type { Recurrence } from "@/lib/reviews";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { startDueRecurrences } from "./recurrences";
import { expireKilledAttempt, until } from "@/tests/support/job-waits";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
});
afterAll(() => database.drop());

// The job's clock: a quarterly campaign started on 5 October recurs on 5 January.
const at = (iso: string) => new Date(iso);
const DUE = at("2027-01-05T00:25:00Z");

/** An agency with one account and a campaign over it, started (as far as the schedule knows) on `startedAt`. */
async function agencyWithCampaign(name: string, recurrence: Recurrence = "QUARTERLY", startedAt = "2026-10-05T09:00:00Z", dueOn = "2026-10-31") {
  const tenant = await createTenant(db, { name: `${name} agency` });
  await importSnapshot(db, tenant.orgId, oneAccountSnapshot(`${name} Store`));
  const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId }, select: { id: true } });
  const scope = await scopeFor(tenant.userId, tenant.orgId);
  const { id } = await startCampaign(scope, { name: `${name} review`, clientIds: [], accountIds: [account.id], reviewerIds: [tenant.userId], dueOn: "2099-12-31", recurrence });
  await db.reviewCampaign.update({ where: { id }, data: { startedAt: new Date(startedAt), dueOn: new Date(`${dueOn}T00:00:00Z`) } });
  return { ...tenant, scope, campaignId: id };
}

const nextOf = (campaignId: string) => db.reviewCampaign.findMany({ where: { previousCampaignId: campaignId }, include: { items: { select: { orgId: true } } } });


describe("scheduled starts of recurring review campaigns", () => {
  it("starts one next campaign when the period has passed since the start, none before, none for a one-off, nothing in another organisation", async () => {
    const a = await agencyWithCampaign("Alpha");
    const oneOff = await agencyWithCampaign("Alpha one-off", "NONE");
    const b = await agencyWithCampaign("Bravo", "QUARTERLY", "2026-11-05T09:00:00Z", "2026-11-30");

    const early = await startDueRecurrences(at("2027-01-04T23:59:00Z"));
    expect(early.started.filter((s) => ([a.orgId, b.orgId, oneOff.orgId] as string[]).includes(s.orgId))).toEqual([]);
    expect(await nextOf(a.campaignId)).toEqual([]);

    const run = await startDueRecurrences(DUE);
    expect(run.started.filter((s) => ([a.orgId, b.orgId, oneOff.orgId] as string[]).includes(s.orgId)).map((s) => s.campaignId)).toEqual([a.campaignId]);
    const [next] = await nextOf(a.campaignId);
    expect(next).toMatchObject({ orgId: a.orgId, name: "Alpha review", recurrence: "QUARTERLY", startedById: a.userId, dueOn: new Date("2027-01-31T00:00:00Z"), startedAt: DUE, status: "OPEN" });
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.every((i) => i.orgId === a.orgId)).toBe(true);
    // Bravo's (started a month later) and the one-off are untouched.
    expect(await db.reviewCampaign.count({ where: { orgId: b.orgId } })).toBe(1);
    expect(await db.reviewCampaign.count({ where: { orgId: oneOff.orgId } })).toBe(1);

    // Run again the same hour, and the next day: still one (the new campaign recurs only in April).
    await startDueRecurrences(DUE);
    await startDueRecurrences(at("2027-01-06T00:25:00Z"));
    expect(await db.reviewCampaign.count({ where: { orgId: a.orgId } })).toBe(2);
    expect(await nextOf(next.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { orgId: a.orgId, action: "review.started" } })).toBe(2);
  });

  it("starts one when two runs go at once", async () => {
    const c = await agencyWithCampaign("Charlie");
    const runs = await Promise.all([startDueRecurrences(DUE), startDueRecurrences(DUE)]);
    expect(runs.flatMap((r) => r.started).filter((s) => s.orgId === c.orgId)).toHaveLength(1);
    expect(await nextOf(c.campaignId)).toHaveLength(1);
    expect(await db.reviewCampaign.count({ where: { orgId: c.orgId } })).toBe(2);
  });

  it("writes nothing when another worker's start of the same recurrence commits while this one is inserting", async () => {
    const d = await agencyWithCampaign("Delta");
    // The other worker: its next campaign row is inserted but not yet committed.
    let inserted!: () => void;
    let commit!: () => void;
    const insertedNow = new Promise<void>((r) => (inserted = r));
    const commitNow = new Promise<void>((r) => (commit = r));
    const other = db.$transaction(async (tx) => {
      await tx.reviewCampaign.create({ data: { orgId: d.orgId, name: "Delta review", clientIds: [], accountIds: [], reviewerIds: [d.userId], dueOn: new Date("2027-01-31T00:00:00Z"), recurrence: "QUARTERLY", startedById: d.userId, previousCampaignId: d.campaignId } });
      inserted();
      await commitNow;
    }, { timeout: 60_000 });
    await insertedNow;
    // This one does not see the uncommitted row, so it goes on to insert, and waits on the UNIQUE index…
    const racing = startNextRecurrence(d.scope, d.campaignId, DUE);
    await until(async () => {
      const [row] = await db.$queryRawUnsafe<{ waiting: number }[]>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return row.waiting > 0;
    });
    commit();
    await other;
    // …and once the other commits, its ON CONFLICT DO NOTHING inserts nothing, so neither items nor an audit event.
    expect(await racing).toBeNull();
    const [only] = await nextOf(d.campaignId);
    expect(only.name).toBe("Delta review");
    expect(only.items).toEqual([]);
    expect(await db.reviewCampaign.count({ where: { orgId: d.orgId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { orgId: d.orgId, action: "review.started" } })).toBe(1);
  });

  it("leaves out a reviewer who has left, and reports (does not start) a campaign whose starter has left", async () => {
    const f = await agencyWithCampaign("Foxtrot");
    const leaver = await db.user.create({ data: { email: `leaver-${f.orgId}@test.example`, name: "Leaver", passwordHash: "x" } });
    const membership = await db.membership.create({ data: { orgId: f.orgId, userId: leaver.id, role: "ADMIN" } });
    await db.reviewCampaign.update({ where: { id: f.campaignId }, data: { reviewerIds: [f.userId, leaver.id] } });
    await db.membership.delete({ where: { id: membership.id } });
    const g = await agencyWithCampaign("Golf");
    await db.membership.deleteMany({ where: { orgId: g.orgId, userId: g.userId } });

    const run = await startDueRecurrences(DUE);
    const [next] = await nextOf(f.campaignId);
    expect(next.reviewerIds).toEqual([f.userId]);
    expect(run.skipped).toContainEqual({ campaignId: g.campaignId, orgId: g.orgId, reason: "starter is no longer a member" });
    expect(await nextOf(g.campaignId)).toEqual([]);
  });

  it("retries a killed worker's run, which starts nothing more: one next campaign, not two", async () => {
    const e = await agencyWithCampaign("Echo");
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/slow-recurrence-worker.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, FAKE_NOW: DUE.toISOString() },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const boss: PgBoss = await startWorker({ connectionString: database.url, schedule: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, clock: () => DUE });
    try {
      await until(async () => output.includes("worker ready"));
      // This test's own worker takes the job only after the kill.
      await boss.offWork("reviews.start-due-recurrences");
      // A limit no attempt reaches: the killed one is then expired by moving its start back (expireKilledAttempt).
      // A short limit (10 s) also ended the live attempt of a loaded machine before the kill, since the worker's
      // handler times out at the job's limit: the worker failed the job, fetched it again, and the job came to this
      // test's worker as its second retry ("expected 2 to be 1" below).
      await boss.updateQueue("reviews.start-due-recurrences", { name: "reviews.start-due-recurrences", expireInSeconds: 600, retryDelay: 0, retryLimit: 5 });
      const id = (await boss.send("reviews.start-due-recurrences", {}))!;
      // Killed after its start committed, before the job completed.
      await until(async () => output.includes("recurrences started"));
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      expect(await nextOf(e.campaignId)).toHaveLength(1);
      // The killed attempt as pg-boss finds it once its limit has passed: the maintenance fails it, and it is retried.
      await expireKilledAttempt(db, id);

      await boss.work("reviews.start-due-recurrences", { pollingIntervalSeconds: 0.5 }, async ([job]) =>
        REVIEW_HANDLERS["reviews.start-due-recurrences"]!(job.data, { connectionString: database.url, clock: () => DUE, boss }),
      );
      const job = await until(async () => {
        const found = await boss.getJobById<object>("reviews.start-due-recurrences", id);
        return found && ["completed", "failed"].includes(found.state) ? found : undefined;
      });
      expect(job.state).toBe("completed");
      expect(job.retryCount).toBe(1);
      expect((job.output as { started: { orgId: string }[] }).started.filter((s) => s.orgId === e.orgId)).toEqual([]);
      expect(await nextOf(e.campaignId)).toHaveLength(1);
      expect(await db.reviewCampaign.count({ where: { orgId: e.orgId } })).toBe(2);
    } finally {
      worker.kill("SIGKILL");
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
