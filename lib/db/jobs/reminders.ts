import "server-only";
import { toLocale } from "@/lib/i18n/locales";
import { itemCount, type DigestSection } from "@/lib/jobs/digest";
import { composeReminder } from "@/lib/jobs/reminder";
import type { Mail } from "@/lib/mail";
import { getDb } from "../client";
import { overdueReviewsSection } from "./digest-reviews";
import { overdueTasksSection } from "./digest-tasks";
import { scopeInOrganisation } from "./job-scope";

// The daily overdue reminder (reminders.daily fans out one reminders.member per member and organisation).
// Like the digest: the fan-out reads every organisation as the owner, only to know whom to ask; each
// member's job reads what is overdue through that member's own scope, claims its (organisation, member,
// day) row, then sends. A retried or duplicate job finds the row and sends nothing: one a day at most.
// The digest's opt-out covers it (decision 020: one switch for the mail Gatehouse sends on its own).

/** Members with something overdue on `today`: undecided review items past the campaign's due day, open tasks past theirs. */
export async function reminderRecipients(today: string): Promise<{ orgId: string; userId: string }[]> {
  return getDb().$queryRawUnsafe<{ orgId: string; userId: string }[]>(
    `SELECT r."orgId", r."userId" FROM (
       SELECT i."orgId", i."reviewerId" AS "userId" FROM "ReviewItem" i JOIN "ReviewCampaign" c ON c.id = i."campaignId"
       WHERE i.decision IS NULL AND i."reviewerId" IS NOT NULL AND c.status = 'OPEN' AND c."dueOn" < $1::date
       UNION
       SELECT t."orgId", t."assigneeId" FROM "RemediationTask" t
       WHERE t.status = 'OPEN' AND t."assigneeId" IS NOT NULL AND t."dueOn" < $1::date
     ) r JOIN "User" u ON u.id = r."userId" AND NOT u."digestOptOut"
     ORDER BY r."orgId", r."userId"`,
    today,
  );
}

export type ReminderOutcome = "sent" | "already-sent" | "nothing-overdue" | "not-a-member" | "opted-out";

/** One member's reminder for one organisation and day; `send` is lib/mail's sendMail (a test passes its own). */
export async function sendMemberReminder(job: { orgId: string; userId: string; day: string }, send: (mail: Mail) => Promise<unknown>): Promise<ReminderOutcome> {
  const db = getDb();
  const day = new Date(`${job.day}T00:00:00Z`);
  const key = { orgId_userId_day: { orgId: job.orgId, userId: job.userId, day } };
  if (await db.reminderDelivery.findUnique({ where: key, select: { id: true } })) return "already-sent";
  const user = await db.user.findUnique({ where: { id: job.userId }, select: { email: true, name: true, locale: true, digestOptOut: true } });
  if (!user) return "not-a-member";
  if (user.digestOptOut) return "opted-out";
  const scope = await scopeInOrganisation(job.userId, job.orgId);
  if (!scope) return "not-a-member";
  const locale = toLocale(user.locale);
  const week = { today: job.day, locale };
  const sections = [await overdueReviewsSection(scope, week), await overdueTasksSection(scope, week)].filter((s): s is DigestSection => s !== null);
  const items = itemCount(sections);
  if (items === 0) return "nothing-overdue";
  // Claimed before sending, released if SMTP refuses (the digest's at-most-once rule, decision 020).
  const claimed = await db.reminderDelivery.createMany({ data: [{ orgId: job.orgId, userId: job.userId, day, items }], skipDuplicates: true });
  if (claimed.count === 0) return "already-sent";
  const mail = composeReminder({ locale, memberName: user.name, orgName: scope.portal ? scope.portal.agencyName || scope.orgName : scope.orgName, day: job.day, sections });
  try {
    await send({ orgId: job.orgId, to: user.email, subject: mail.subject, body: mail.body });
  } catch (error) {
    await db.reminderDelivery.delete({ where: key });
    throw error;
  }
  await db.reminderDelivery.update({ where: key, data: { sentAt: new Date() } });
  return "sent";
}
