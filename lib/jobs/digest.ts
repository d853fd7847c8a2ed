import { interpolate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { messages, type MessageKey } from "@/lib/i18n/messages";

// One member's weekly digest, as plain text in their language. Pure: lib/db/jobs/digest-data.ts loads
// the items (within the member's own scope), this writes the mail.

export interface DigestLine {
  /** The account (store) the item is on, or the invitee's e-mail for an invitation. */
  subject: string;
  text: string;
  /** ISO day the item is due, when it has one. */
  due?: string;
  severity?: "critical" | "high";
}

export interface DigestSection {
  /** A message key with {count}: the section's heading. */
  heading: MessageKey;
  lines: DigestLine[];
}

export interface DigestInput {
  locale: Locale;
  memberName: string;
  orgName: string;
  period: string;
  sections: DigestSection[];
}

export function itemCount(sections: DigestSection[]): number {
  return sections.reduce((n, s) => n + s.lines.length, 0);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export const translator = (locale: Locale): Translate => (key, vars) => interpolate(messages[locale][key], vars, locale);

/** The non-empty sections as text lines (shared with the daily reminder, lib/jobs/reminder.ts). */
export function sectionLines(t: Translate, sections: DigestSection[]): string[] {
  const out: string[] = [];
  for (const section of sections.filter((s) => s.lines.length > 0)) {
    out.push(`■ ${t(section.heading, { count: section.lines.length })}`);
    for (const line of section.lines) {
      const severity = line.severity ? `[${t(`digest.severity.${line.severity}`)}] ` : "";
      const due = line.due ? ` (${t("digest.due", { day: line.due })})` : "";
      out.push(`- ${severity}${line.subject}${line.text ? `: ${line.text}` : ""}${due}`);
    }
    out.push("");
  }
  return out;
}

export function composeDigest(input: DigestInput): { subject: string; body: string } {
  const t = translator(input.locale);
  const out = [t("digest.greeting", { name: input.memberName }), "", t("digest.intro", { org: input.orgName }), ""];
  if (itemCount(input.sections) === 0) out.push(t("digest.nothing"), "");
  out.push(...sectionLines(t, input.sections), "--", t("digest.optOut"));
  return { subject: t("digest.subject", { org: input.orgName, period: input.period }), body: out.join("\n") };
}
