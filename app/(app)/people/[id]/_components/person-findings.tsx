import { innerHtml } from "@/lib/html/safe-html";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { personFindingsHtml } from "./person-sections-html";
import { Empty, Section } from "./section";

/** Open findings about the person, one of their logins or one of their devices, on every account in scope. */
export function PersonFindings({ person, t, locale, labels }: { person: PersonDetail; t: Translate; locale: Locale; labels: Map<string, string> }) {
  return (
    <Section id="person-findings" title={t("people.findings")} testId="person-findings">
      {person.findings.length === 0 ? (
        <Empty>{t("people.noFindings")}</Empty>
      ) : (
        // One string of markup, rendered once (decision 053).
        <ul className="space-y-2 text-sm" dangerouslySetInnerHTML={innerHtml(personFindingsHtml(person.findings, t, locale, labels))} />
      )}
    </Section>
  );
}
