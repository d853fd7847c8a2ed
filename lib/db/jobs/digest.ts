import "server-only";
import { addDays } from "@/lib/dates";
import { toLocale } from "@/lib/i18n/locales";
import { composeDigest, itemCount, type DigestSection } from "@/lib/jobs/digest";
import { RULE_TEXTS } from "@/lib/risk/rule-texts";
import { evidenceText } from "@/lib/risk/evidence-en";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import type { EvidenceData, RuleId } from "@/lib/risk/types";
import { resolveSettings } from "@/lib/risk";
import type { Mail } from "@/lib/mail";
import { getDb } from "../client";
import { labelsFor } from "../labels";
import { loadRiskSettings } from "../risk/recompute";
import { accountScopeWhere, isOrgAdmin, resolveScope, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { overdueReviewsSection } from "./digest-reviews";
import { overdueTasksSection } from "./digest-tasks";

// The weekly digest: one job fans out one job per member (digest.member), and each member's job reads
// only what that member may see (their scope, through dbFor and row-level security), claims its
// (organisation, member, week) row, then sends. A retried job finds the row and sends nothing.

/** Items due within this many days are listed (a week, and the next week's start). */
export const DUE_WITHIN_DAYS = 14;

/**
 * Further sections (the reviews issue's reviews and tasks due): each loader gets the member's scope
 * and the week, and returns a section. Add one here; nothing else changes.
 */
export type DigestSectionLoader = (scope: Scope, week: { period: string; today: string; dueBy: string; locale: "ja" | "en" }) => Promise<DigestSection | null>;
export const EXTRA_DIGEST_SECTIONS: DigestSectionLoader[] = [overdueReviewsSection, overdueTasksSection];

/** Every member who gets a digest this week: agency organisations only, opt-outs left out. */
export async function digestRecipients(): Promise<{ orgId: string; userId: string }[]> {
  return getDb().$queryRawUnsafe<{ orgId: string; userId: string }[]>(
    `SELECT m."orgId", m."userId" FROM "Membership" m
     JOIN "Organization" o ON o.id = m."orgId" AND o.kind = 'AGENCY'
     JOIN "User" u ON u.id = m."userId" AND NOT u."digestOptOut"
     ORDER BY m."orgId", m."userId"`,
  );
}

export async function loadDigestSections(scope: Scope, today: string, locale: "ja" | "en"): Promise<DigestSection[]> {
  const db = dbFor(scope);
  const accounts = accountScopeWhere(scope);
  const since = new Date(`${addDays(today, -7)}T00:00:00Z`);
  const dueBy = addDays(today, DUE_WITHIN_DAYS);
  const findings = await db.finding.findMany({
    where: { orgId: scope.orgId, status: "OPEN", severity: { in: ["critical", "high"] }, firstSeenAt: { gte: since }, account: accounts },
    select: { ruleId: true, severity: true, evidence: true, evidenceData: true, account: { select: { storeName: true } } },
    orderBy: [{ severity: "asc" }, { firstSeenAt: "desc" }],
    take: 50,
  });
  // A primary password that crosses the organisation's threshold within the window.
  const settings = resolveSettings(await db.$transaction((tx) => loadRiskSettings(tx, scope.orgId)));
  const passwords = settings.stalePasswordDays
    ? await db.login.findMany({
        where: {
          orgId: scope.orgId, role: "PRIMARY", status: "ACTIVE", account: accounts,
          passwordChangedAt: { gt: new Date(`${addDays(today, -settings.stalePasswordDays)}T23:59:59Z`), lte: new Date(`${addDays(dueBy, -settings.stalePasswordDays)}T23:59:59Z`) },
        },
        select: { email: true, passwordChangedAt: true, account: { select: { storeName: true } } },
        orderBy: { passwordChangedAt: "asc" },
        take: 50,
      })
    : [];
  const apps = await db.appAuthorization.findMany({
    where: { orgId: scope.orgId, account: accounts, expiresAt: { not: null, lte: new Date(`${dueBy}T23:59:59Z`) } },
    select: { appName: true, expiresAt: true, account: { select: { storeName: true } } },
    orderBy: { expiresAt: "asc" },
    take: 50,
  });
  // Invitations are the organisation's, so only those who manage members hear about them.
  const invitations = isOrgAdmin(scope)
    ? await db.invitation.findMany({
        where: { orgId: scope.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date(`${today}T00:00:00Z`), lte: new Date(`${dueBy}T23:59:59Z`) } },
        select: { email: true, expiresAt: true },
        orderBy: { expiresAt: "asc" },
        take: 50,
      })
    : [];
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);
  // The evidence as the account page says it (decision 087): the stored sentence is English with codes.
  const labels = locale === "ja" ? await labelsFor(scope, [...new Set(findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))]) : new Map<string, string>();
  const sections: DigestSection[] = [
    {
      heading: "digest.findings",
      lines: findings.map((f) => ({
        subject: f.account.storeName,
        text: `${RULE_TEXTS[f.ruleId as RuleId]?.title[locale] ?? f.ruleId} — ${evidenceText(locale, f, (id) => labels.get(id) ?? id)}`,
        severity: f.severity as "critical" | "high",
      })),
    },
    {
      heading: "digest.passwords",
      lines: passwords.map((l) => ({ subject: l.account.storeName, text: l.email ?? "", due: addDays(day(l.passwordChangedAt)!, settings.stalePasswordDays) })),
    },
    { heading: "digest.invitations", lines: invitations.map((i) => ({ subject: i.email, text: "", due: day(i.expiresAt) })) },
    { heading: "digest.apps", lines: apps.map((a) => ({ subject: a.account.storeName, text: a.appName, due: day(a.expiresAt) })) },
  ];
  for (const loader of EXTRA_DIGEST_SECTIONS) {
    const section = await loader(scope, { period: today, today, dueBy, locale });
    if (section) sections.push(section);
  }
  return sections;
}

export type DigestOutcome = "sent" | "already-sent" | "empty" | "not-a-member" | "opted-out";

/** One member's digest for one week; `send` is lib/mail's sendMail (a test passes its own). */
export async function sendMemberDigest(
  job: { orgId: string; userId: string; period: string },
  today: string,
  send: (mail: Mail) => Promise<unknown>,
): Promise<DigestOutcome> {
  const db = getDb();
  const period = new Date(`${job.period}T00:00:00Z`);
  const key = { orgId_userId_period: { orgId: job.orgId, userId: job.userId, period } };
  if (await db.digestDelivery.findUnique({ where: key, select: { id: true } })) return "already-sent";
  const user = await db.user.findUnique({ where: { id: job.userId }, select: { email: true, name: true, locale: true, digestOptOut: true } });
  if (!user) return "not-a-member";
  if (user.digestOptOut) return "opted-out";
  const scope = await resolveScope(job.userId, job.orgId);
  if (!scope || scope.orgId !== job.orgId || scope.membershipOrgId !== job.orgId) return "not-a-member";
  const locale = toLocale(user.locale);
  const sections = await loadDigestSections(scope, today, locale);
  const items = itemCount(sections);
  if (items === 0) return "empty";
  // Claimed before sending: a second run (a retry after the process died, a duplicate job) finds the
  // row and stops. The one window left — the process dies after the SMTP server took the mail and
  // before the claim's sentAt is written — sends nothing again either (at most once: decision 020).
  const claimed = await db.digestDelivery.createMany({ data: [{ orgId: job.orgId, userId: job.userId, period, items }], skipDuplicates: true });
  if (claimed.count === 0) return "already-sent";
  const mail = composeDigest({ locale, memberName: user.name, orgName: scope.orgName, period: job.period, sections });
  try {
    await send({ orgId: job.orgId, to: user.email, subject: mail.subject, body: mail.body });
  } catch (error) {
    // Not sent: release the claim so the job's retry sends it.
    await db.digestDelivery.delete({ where: key });
    throw error;
  }
  await db.digestDelivery.update({ where: key, data: { sentAt: new Date() } });
  return "sent";
}
