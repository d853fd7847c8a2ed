import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/dates";
import { startCampaign } from "@/lib/db/reviews/start-campaign";
import { utcToday } from "@/lib/days";
import { REVIEW_HANDLERS, startWorker } from "@/lib/jobs/worker";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { mailText, startInbox } from "@/tests/support/smtp-inbox";
import { loadDigestSections } from "./digest";
import { sendMemberReminder } from "./reminders";
import { finished, until } from "@/tests/support/job-waits";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
let inbox: Awaited<ReturnType<typeof startInbox>>;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
  inbox = await startInbox();
  process.env.SMTP_URL = inbox.url;
});
afterAll(async () => {
  await inbox.close();
  await database.drop();
});

const today = utcToday();

/** An agency whose owner (in `locale`) reviews a campaign due on `campaignDue` and holds a task due on `taskDue` (either may be absent). */
async function agency(name: string, locale: "ja" | "en", { campaignDue, taskDue }: { campaignDue?: string; taskDue?: string }) {
  const tenant = await createTenant(db, { name: `${name} agency` });
  await importSnapshot(db, tenant.orgId, oneAccountSnapshot(`${name} Store`));
  const { email } = await db.user.update({ where: { id: tenant.userId }, data: { locale, name: `${name} Owner` } });
  const login = await db.login.findFirstOrThrow({ where: { orgId: tenant.orgId }, select: { id: true, accountId: true } });
  if (campaignDue) {
    const scope = await scopeFor(tenant.userId, tenant.orgId);
    const { id } = await startCampaign(scope, { name: `${name} Q4 review`, clientIds: [], accountIds: [login.accountId], reviewerIds: [tenant.userId], dueOn: addDays(today, 30), recurrence: "NONE" });
    await db.reviewCampaign.update({ where: { id }, data: { dueOn: new Date(`${campaignDue}T00:00:00Z`) } });
  }
  if (taskDue) {
    await db.remediationTask.create({
      data: { orgId: tenant.orgId, accountId: login.accountId, kind: "TRIAGE", subjectId: login.id, subjectLabel: `${name.toLowerCase()}@vendor.example`, url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(`${taskDue}T00:00:00Z`), assigneeId: tenant.userId, createdById: tenant.userId },
    });
  }
  return { ...tenant, email };
}


// Headers unfolded (a long subject is wrapped onto a second line).
const mailsTo = (email: string) => inbox.mails.filter((m) => m.to.includes(email)).map((m) => mailText(m.raw).replace(/\r?\n[ \t]+/g, " "));

describe("reminders of overdue reviews and tasks", () => {
  it("lists the reader's own overdue reviews in the digest, not one still due, nor another organisation's", async () => {
    const a = await agency("Digest", "en", { campaignDue: addDays(today, -2) });
    const b = await agency("Later", "en", { campaignDue: addDays(today, 2) });
    const overdue = (await loadDigestSections(await scopeFor(a.userId, a.orgId), today, "en")).find((s) => s.heading === "digest.overdueReviews");
    const items = await db.reviewItem.count({ where: { orgId: a.orgId } });
    expect(overdue?.lines).toEqual([{ subject: "Digest Q4 review", text: `${items} to decide`, due: addDays(today, -2) }]);
    expect((await loadDigestSections(await scopeFor(b.userId, b.orgId), today, "en")).some((s) => s.heading === "digest.overdueReviews")).toBe(false);
    // Decided items are no longer listed.
    await db.reviewItem.updateMany({ where: { orgId: a.orgId }, data: { decision: "KEEP", decidedById: a.userId, decidedAt: new Date() } });
    expect((await loadDigestSections(await scopeFor(a.userId, a.orgId), today, "en")).some((s) => s.heading === "digest.overdueReviews")).toBe(false);
  });

  it("mails each member with something overdue once a day, in their language, their own organisation only, honouring the opt-out", async () => {
    const a = await agency("Alpha", "en", { campaignDue: addDays(today, -1), taskDue: addDays(today, -3) });
    const b = await agency("Bravo", "ja", { taskDue: addDays(today, -1) });
    const optedOut = await agency("Charlie", "en", { taskDue: addDays(today, -1) });
    await db.user.update({ where: { id: optedOut.userId }, data: { digestOptOut: true } });
    const notYet = await agency("Delta", "en", { campaignDue: today, taskDue: today });

    const boss = await startWorker({ connectionString: database.url, schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      const id = (await boss.send("reminders.daily", {}))!;
      expect((await finished(boss, "reminders.daily", id)).state).toBe("completed");
      await until(async () => (await db.reminderDelivery.count({ where: { orgId: { in: [a.orgId, b.orgId] }, sentAt: { not: null } } })) === 2);
      const toA = mailsTo(a.email);
      const toB = mailsTo(b.email);
      expect(toA).toHaveLength(1);
      expect(toA[0]).toContain(`Subject: Gatehouse reminder: overdue reviews and tasks (Alpha agency, ${today})`);
      expect(toA[0]).toContain("Access reviews past their due day (1)");
      expect(toA[0]).toMatch(/- Alpha Q4 review: \d+ to decide \(due /);
      expect(toA[0]).toContain(`Alpha Store: alpha@vendor.example (due ${addDays(today, -3)})`);
      expect(toA[0]).not.toContain("Bravo");
      expect(toB).toHaveLength(1);
      expect(toB[0]).toContain("あなたの期限切れの対応タスク（1件）");
      expect(toB[0]).toContain("Bravo Store: bravo@vendor.example");
      expect(toB[0]).not.toContain("Alpha");
      expect(mailsTo(optedOut.email)).toEqual([]);
      expect(mailsTo(notYet.email)).toEqual([]);

      // The same day again (a second tick, a retried fan-out): nobody is mailed twice.
      const again = (await boss.send("reminders.daily", {}))!;
      await finished(boss, "reminders.daily", again);
      await until(async () => (await boss.getQueueSize("reminders.member")) === 0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailsTo(a.email)).toHaveLength(1);

      // The next day, still overdue: one more (a reminder a day, not one ever) — and now Delta's are overdue too.
      const tomorrow = addDays(today, 1);
      await REVIEW_HANDLERS["reminders.daily"]!({}, { connectionString: database.url, clock: () => new Date(`${tomorrow}T00:30:00Z`), boss });
      await until(async () => mailsTo(a.email).length === 2 && mailsTo(notYet.email).length === 1);
      expect(mailsTo(a.email)[1]).toContain(`(Alpha agency, ${tomorrow})`);
      expect(await db.reminderDelivery.count({ where: { orgId: a.orgId, userId: a.userId } })).toBe(2);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("keeps no claim when SMTP refuses, so the retry sends it; after that, nothing more that day", async () => {
    const e = await agency("Echo", "en", { taskDue: addDays(today, -1) });
    const job = { orgId: e.orgId, userId: e.userId, day: today };
    await expect(sendMemberReminder(job, async () => { throw new Error("451 try again later"); })).rejects.toThrow("451");
    expect(await db.reminderDelivery.count({ where: { orgId: e.orgId } })).toBe(0);
    const sent: string[] = [];
    expect(await sendMemberReminder(job, async (mail) => sent.push(mail.to))).toBe("sent");
    expect(await sendMemberReminder(job, async (mail) => sent.push(mail.to))).toBe("already-sent");
    expect(sent).toEqual([e.email]);
    // A job naming an organisation the member is not in mails nothing.
    const stranger = await agency("Foxtrot", "en", {});
    expect(await sendMemberReminder({ ...job, orgId: stranger.orgId }, async (mail) => sent.push(mail.to))).toBe("not-a-member");
    expect(sent).toEqual([e.email]);
  });
});
