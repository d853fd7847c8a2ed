import { requireScope } from "@/lib/auth/scope";
import { getLocale, getT } from "@/lib/i18n/server";
import { REMEDIATION, RULES, SCORE_FORMULA } from "@/lib/risk";

/**
 * The rule catalogue: every risk Gatehouse flags, how severe it is and what to do about it, in the reader's
 * language. Read straight from lib/risk (the same texts findings carry), so it cannot drift from the engine.
 * Nothing here is tenant data: every signed-in member sees it.
 */
export default async function RulesPage() {
  const [, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("rules.title")}</h1>
      <p className="text-sm text-slate-600">{t("rules.intro", { count: RULES.length })}</p>
      <p className="text-sm text-slate-600">{SCORE_FORMULA[locale]}</p>
      <ol className="space-y-3">
        {RULES.map((rule) => (
          <li key={rule.id} id={rule.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="rule" data-rule={rule.id}>
            <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              {/* A label, not the coloured badge: two rules grade by age and say so in a sentence. */}
              <span className="rounded border border-slate-300 px-1.5 py-0.5 text-xs font-semibold text-slate-800" data-testid="rule-severity">{rule.severityLabel[locale]}</span>
              <span>{rule.title[locale]}</span>
              <code className="text-xs font-normal text-slate-500">{rule.id}</code>
            </h2>
            <p className="mt-1 text-sm">{rule.description[locale]}</p>
            <h3 className="mt-2 text-sm font-medium text-slate-700">{t("rules.whatToDo")}</h3>
            <p className="text-sm" data-testid="rule-remediation">{REMEDIATION[rule.id][locale]}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
