import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Day } from "@/components/day";
import { requireScope } from "@/lib/auth/scope";
import { listTriageSessions } from "@/lib/db/triage/sessions";
import { getTriageContextOrThrow } from "@/lib/db/triage/triage-facts";
import { AppError } from "@/lib/errors";
import { formMessages } from "@/lib/i18n/form-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getT } from "@/lib/i18n/server";
import { causeTitle, outcomeLabel, triageStepText } from "@/lib/i18n/triage-texts";
import { TRIAGE_OUTCOMES } from "@/lib/triage/outcome";
import { triageSteps } from "@/lib/triage/steps";
import { accountIdSchema } from "@/lib/validation/accounts";
import { recordTriageAction } from "./actions";
import { TriageWalk } from "./_components/triage-walk";

const querySchema = z.object({ login: z.string().min(1).max(64).optional().catch(undefined) });

// Cached for the request: the title and the page read the account once.
const load = cache(async (id: string, loginId: string | null) => {
  const scope = await requireScope();
  const parsed = accountIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return { scope, ...(await getTriageContextOrThrow(scope, parsed.data, loginId)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const loginOf = async (searchParams: Props["searchParams"]) => querySchema.parse(await searchParams).login ?? null;

export async function generateMetadata({ params, searchParams }: Props) {
  const { account } = await load((await params).id, await loginOf(searchParams));
  const t = await getT();
  return pageTitle("nav.accounts", `${t("triage.link")} · ${account.storeName}`);
}

export default async function TriagePage({ params, searchParams }: Props) {
  const [{ id }, loginId, t] = await Promise.all([params, loginOf(searchParams), getT()]);
  const { scope, account, accountFacts, logins, login, loginFacts } = await load(id, loginId);
  const steps = triageSteps(accountFacts, loginFacts, new Date()).map((s) => triageStepText(t, s));
  const sessions = await listTriageSessions(scope, account.id);
  const who = (l: { email: string | null; personName: string }) => `${l.email ?? "—"} (${l.personName})`;
  const chooser = [{ href: `/accounts/${account.id}/triage`, label: t("triage.forAccount"), current: login === null }, ...logins.map((l) => ({ href: `/accounts/${account.id}/triage?login=${l.id}`, label: who(l), current: login?.id === l.id }))];
  return (
    <div className="space-y-4">
      <nav aria-label={t("nav.breadcrumb")} className="text-sm">
        <Link href="/accounts">{t("nav.accounts")}</Link> / <Link href={`/accounts/${account.id}`}>{account.storeName}</Link> /
      </nav>
      <header className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-2xl font-semibold">{t("triage.title")}</h1>
        <p className="text-sm font-medium" data-testid="triage-for">{t("triage.walkingFor", { who: login ? who(login) : `${t("triage.forAccount")} · ${account.storeName}` })}</p>
        <p className="text-sm text-slate-700">{t("triage.intro")}</p>
        {logins.length === 0 ? (
          <p className="text-sm text-slate-600">{t("triage.noLogins")}</p>
        ) : (
          <nav aria-labelledby="triage-choose" className="text-sm">
            <p id="triage-choose" className="text-slate-600">{t("triage.chooseLogin")}</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {chooser.map((c) => (
                <li key={c.href}>
                  <Link href={c.href} aria-current={c.current ? "page" : undefined} className={`inline-block rounded border px-2 py-0.5 [overflow-wrap:anywhere] ${c.current ? "border-blue-700 bg-blue-50 font-medium" : "border-slate-300 text-blue-800"}`}>
                    {c.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <TriageWalk
        action={recordTriageAction}
        accountId={account.id}
        loginId={login?.id ?? null}
        steps={steps}
        messages={formMessages(t, "triage.saved")}
        labels={{
          steps: t("triage.steps"), why: t("triage.why"), check: t("triage.check"), todo: t("triage.do"), signInPage: t("triage.signInPage"),
          answerLegend: t("triage.answerLegend"), answerThis: t("triage.answer.this"), answerNot: t("triage.answer.not"),
          outcomeTitle: t("triage.outcomeTitle"), outcome: t("triage.outcome"), outcomes: TRIAGE_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) })),
          cause: t("triage.cause"), causeFromAnswers: t("triage.causeFromAnswers"), note: t("triage.note"), openTask: t("triage.openTask"), openTaskHint: t("triage.openTaskHint"),
          submit: t("triage.submit"), pending: t("form.saving"),
        }}
      />
      <section aria-labelledby="triage-history" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="triage-history" className="mb-3 text-lg font-semibold">{t("triage.history")}</h2>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-500">{t("triage.historyEmpty")}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="triage-history">
            {sessions.map((s) => (
              <li key={s.id} className="border-l-2 border-slate-200 pl-2 [overflow-wrap:anywhere]" data-testid="triage-session">
                <span className="text-slate-500"><Day value={s.at} /></span>{" "}
                <span className="font-medium">{outcomeLabel(t, s.outcome)}</span>
                {s.cause && <> · {causeTitle(t, s.cause)}</>}
                {" · "}{s.loginId ? (s.loginEmail ?? "—") : t("triage.forAccount")}
                {" · "}{t("triage.answered", { count: s.answers.length })}
                {s.taskRequested && <> · <span className="text-amber-800">{t("triage.taskRequested")}</span></>}
                {" · "}<span className="text-slate-500">{s.by}</span>
                {s.note && <div className="text-slate-700">“{s.note}”</div>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-sm"><Link href={`/accounts/${account.id}`} className="text-blue-800 underline">{t("triage.back")}</Link></p>
    </div>
  );
}
