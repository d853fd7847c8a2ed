import { innerHtml } from "@/lib/html/safe-html";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { personLoginsTableHtml } from "./person-sections-html";
import { Empty, Section } from "./section";

/** Every login the person owns or uses, grouped by account, with the levels Seller Central shows. */
export function PersonLogins({ person, t, locale }: { person: PersonDetail; t: Translate; locale: Locale }) {
  return (
    <Section id="person-logins" title={t("people.logins")} testId="person-logins">
      {person.logins.length === 0 ? (
        <Empty>{t("people.noLogins")}</Empty>
      ) : (
        // On a phone each login is a card under its account's name (globals.css, .stack-table). The table is one
        // string of markup, rendered once (decision 053): ≈ 40 % of the page's bytes and most of its body's CPU.
        <div className="stack-table-frame overflow-x-auto" dangerouslySetInnerHTML={innerHtml(personLoginsTableHtml(person, t, locale))} />
      )}
    </Section>
  );
}
