import Link from "@/components/link";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { RULES, type EvidenceData, type RuleId } from "@/lib/risk";
import { evidenceJa } from "@/lib/risk/evidence-ja";
import { SeverityBadge } from "@/components/severity-badge";
import { Empty, Section } from "./section";

const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/** Open findings about the person, one of their logins or one of their devices, on every account in scope. */
export function PersonFindings({ person, t, locale, labels }: { person: PersonDetail; t: Translate; locale: Locale; labels: Map<string, string> }) {
  const evidence = (f: PersonDetail["findings"][number]) =>
    (locale === "ja" ? evidenceJa(f.ruleId, f.evidenceData as EvidenceData, (id) => labels.get(id) ?? id) : null) ?? f.evidence;
  return (
    <Section id="person-findings" title={t("people.findings")} testId="person-findings">
      {person.findings.length === 0 ? (
        <Empty>{t("people.noFindings")}</Empty>
      ) : (
        <ul className="space-y-2 text-sm">
          {person.findings.map((f) => (
            <li key={f.id} className="rounded border border-slate-200 p-2" data-testid="person-finding" data-rule={f.ruleId}>
              <SeverityBadge severity={f.severity} label={t(`severity.${f.severity}`)} />{" "}
              <span className="font-medium">{TITLES.get(f.ruleId as RuleId)?.[locale] ?? f.ruleId}</span>{" "}
              <code className="text-xs text-slate-500">{f.ruleId}</code>
              {" · "}<Link href={`/accounts/${f.account.id}#findings`}>{f.account.storeName}</Link>
              <p className="mt-1 text-xs text-slate-700">{evidence(f)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
