import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import type { Db } from "@/lib/db/client";
import { utcToday } from "@/lib/days";
import { weekOf } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot } from "@/tests/support/factories";
import { mailText, startInbox } from "@/tests/support/smtp-inbox";
import { expireKilledAttempt, finished, until } from "@/tests/support/job-waits";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
let inbox: Awaited<ReturnType<typeof startInbox>>;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
  inbox = await startInbox();
  process.env.SMTP_URL = inbox.url; // lib/mail sends here
});
afterAll(async () => {
  await inbox.close();
  await database.drop();
});

async function agency(storeName: string, locale: "ja" | "en") {
  const tenant = await createTenant(db, { name: `${storeName} agency` });
  await importSnapshot(db, tenant.orgId, oneAccountSnapshot(storeName));
  await recomputeOrganisations(db, { today: utcToday(), orgIds: [tenant.orgId] });
  const { email } = await db.user.update({ where: { id: tenant.userId }, data: { locale } });
  return { ...tenant, email };
}



describe("the weekly digest", () => {
  it("mails each member their own organisation's new findings, in their language, once a week", async () => {
    const a = await agency("Alpha Store", "en");
    const b = await agency("Bravo Store", "ja");
    const optedOut = await agency("Charlie Store", "en");
    await db.user.update({ where: { id: optedOut.userId }, data: { digestOptOut: true } });
    // B's app must be re-authorised within the week: an item due, B's only.
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: b.orgId } });
    await db.appAuthorization.create({ data: { orgId: b.orgId, accountId: account.id, appName: "Bravo Repricer", expiresAt: new Date(Date.now() + 3 * 86_400_000), roles: [] } });

    const boss = await startWorker({ connectionString: database.url, schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      const id = (await boss.send("digest.weekly", {}))!;
      expect((await finished(boss, "digest.weekly", id)).state).toBe("completed");
      await until(async () => inbox.mails.length >= 2 && (await db.digestDelivery.count({ where: { sentAt: { not: null } } })) >= 2);
      const toA = inbox.mails.filter((m) => m.to.includes(a.email)).map((m) => mailText(m.raw));
      const toB = inbox.mails.filter((m) => m.to.includes(b.email)).map((m) => mailText(m.raw));
      expect(toA).toHaveLength(1);
      expect(toB).toHaveLength(1);
      expect(toA[0]).toContain("New critical and high findings");
      expect(toA[0]).toContain("Alpha Store: Only one 2SV method");
      expect(toA[0]).not.toContain("Bravo");
      expect(toB[0]).toContain("新しい重大・高リスクの指摘");
      expect(toB[0]).toContain("Bravo Store: Bravo Repricer");
      expect(toB[0]).not.toContain("Alpha");
      expect(inbox.mails.some((m) => m.to.includes(optedOut.email))).toBe(false);

      // The same week again (a second schedule tick, a retried fan-out): nobody is mailed twice.
      const again = (await boss.send("digest.weekly", {}))!;
      await finished(boss, "digest.weekly", again);
      await until(async () => (await boss.getQueueSize("digest.member")) === 0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(inbox.mails.filter((m) => m.to.includes(a.email))).toHaveLength(1);
      const deliveries = await db.digestDelivery.findMany({ where: { orgId: { in: [a.orgId, b.orgId] } } });
      expect(deliveries.map((d) => d.period.toISOString().slice(0, 10))).toEqual([weekOf(new Date()), weekOf(new Date())]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("runs a killed worker's digest again, once, without a second mail", async () => {
    const c = await agency("Delta Store", "en");
    const period = weekOf(new Date());
    // No retry delay, so the dead worker's job comes back within the test.
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/slow-digest-worker.ts"], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const boss = await startWorker({ connectionString: database.url, schedule: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    try {
      await until(async () => output.includes("worker ready"));
      // This test's own worker must not take the job first: it starts working only after the kill.
      await boss.offWork("digest.member");
      // A limit no attempt reaches, the killed one expired by moving its start back (as in recurrences.int.test.ts: a
      // short limit also ends a live attempt on a loaded machine, and the job is then retried once more than counted).
      await boss.updateQueue("digest.member", { name: "digest.member", expireInSeconds: 600, retryDelay: 0, retryLimit: 5 });
      const id = (await boss.send("digest.member", { orgId: c.orgId, userId: c.userId, period }))!;
      await until(async () => output.includes("digest job started"));
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      expect(inbox.mails.filter((m) => m.to.includes(c.email))).toHaveLength(0);
      await expireKilledAttempt(db, id);

      await boss.work("digest.member", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        const { DIGEST_HANDLERS } = await import("@/lib/jobs/worker");
        return DIGEST_HANDLERS["digest.member"]!(job.data, { connectionString: database.url, clock: () => new Date(), boss });
      });
      const job = await finished(boss, "digest.member", id);
      expect(job.state).toBe("completed");
      expect(job.retryCount).toBe(1);
      expect(job.output).toEqual({ outcome: "sent" });
      await until(async () => inbox.mails.some((m) => m.to.includes(c.email)));
      expect(inbox.mails.filter((m) => m.to.includes(c.email))).toHaveLength(1);
      expect(await db.digestDelivery.count({ where: { orgId: c.orgId, userId: c.userId } })).toBe(1);
    } finally {
      worker.kill("SIGKILL");
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
