import type { Locale } from "@/lib/i18n/locales";
import { sectionLines, translator, type DigestSection } from "./digest";

// One member's daily reminder of what of theirs is overdue (reviews to decide, tasks past due), as plain
// text in their language. Pure, like the digest: lib/db/jobs/reminders.ts loads the sections.

export interface ReminderInput {
  locale: Locale;
  memberName: string;
  orgName: string;
  day: string;
  sections: DigestSection[];
}

export function composeReminder(input: ReminderInput): { subject: string; body: string } {
  const t = translator(input.locale);
  const body = [t("digest.greeting", { name: input.memberName }), "", t("reminder.intro", { org: input.orgName }), "", ...sectionLines(t, input.sections), "--", t("reminder.optOut")];
  return { subject: t("reminder.subject", { org: input.orgName, day: input.day }), body: body.join("\n") };
}
