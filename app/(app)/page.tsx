import Link from "@/components/link";
import { ScoreBadge } from "@/components/score-badge";
import { ScrollRegion } from "@/components/scroll-region";
import { requireScope } from "@/lib/auth/scope";
import { APP_DUE_DAYS, getPortfolioOverview, INVITE_DUE_DAYS, PASSWORD_DUE_DAYS, TREND_DAYS, type DueList } from "@/lib/db/overview";
import { scoreSummary } from "@/lib/db/scores";
import { getRiskSettings } from "@/lib/db/settings";
import { utcToday } from "@/lib/days";
import { getLocale, getT, type Translate } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import { RULES } from "@/lib/risk";
import { NO_CLIENT } from "@/lib/validation/accounts";
import { GettingStarted } from "@/components/getting-started";
import { ScoreTrendChart } from "./_components/score-trend-chart";

const SEVERITY_TONE: Record<string, string> = {
  critical: "border-red-300 text-red-900",
  high: "border-orange-300 text-orange-900",
  medium: "border-amber-300 text-amber-900",
  low: "border-slate-300 text-slate-800",
};

/** The lowest-scoring clients shown by name: an agency with 1,600 clients gets a list, not a wall. */
const CLIENT_SCORES_SHOWN = 12;

const accountsHref = (params: Record<string, string>) => `/accounts?${new URLSearchParams(params)}`;

function Section({ id, title, children, className = "" }: { id: string; title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`space-y-3 rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Due({ id, title, list, off, t }: { id: string; title: string; list: DueList | null; off: string; t: Translate }) {
  return (
    <div aria-labelledby={id} role="group" className="space-y-1">
      <h3 id={id} className="font-medium">{title}</h3>
      {list === null ? (
        <p className="text-sm text-slate-600">{off}</p>
      ) : list.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("overview.dueNone")}</p>
      ) : (
        <ul className="space-y-0.5 text-sm">
          {list.items.map((item, i) => (
            <li key={`${item.accountId}-${i}`} className="flex flex-wrap gap-x-2">
              <Link href={`/accounts/${item.accountId}`}>{item.storeName}</Link>
              {item.subject && <span className="text-slate-700">{item.subject}</span>}
              <span className="tabular-nums text-slate-600">{t("overview.dueOn", { date: item.dueOn })}</span>
            </li>
          ))}
          {list.total > list.items.length && <li className="text-slate-600">{t("overview.dueMore", { count: list.total - list.items.length })}</li>}
        </ul>
      )}
    </div>
  );
}

// A seller in their own portal sees one client, their own: the page speaks of their shop's accounts,
// not of an agency's portfolio, and leaves out what only compares clients.
export async function generateMetadata() {
  return pageTitle((await requireScope()).portal ? "portal.overviewTitle" : "overview.title");
}

export default async function OverviewPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  const portal = Boolean(scope.portal);
  const title = t(portal ? "portal.overviewTitle" : "overview.title");
  const settings = await getRiskSettings(scope);
  const today = utcToday();
  const [o, scores] = await Promise.all([getPortfolioOverview(scope, { today, settings }), scoreSummary(scope)]);
  const ruleTitle = (id: string) => RULES.find((r) => r.id === id)?.title[locale] ?? id;

  if (o.accounts === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="overview-empty">
          {/* A Manager or Viewer given no client sees nothing: said, rather than an empty organisation (probe 45, L6). */}
          <p className="text-slate-700">{t(scope.clientIds?.length === 0 && !portal ? "overview.noClients" : "overview.empty")}</p>
        </div>
        <GettingStarted scope={scope} t={t} />
      </div>
    );
  }

  const bySeverity = new Map(o.severities.map((s) => [s.severity, s]));
  const cell = new Map(o.heatmap.cells.map((c) => [`${c.clientId ?? NO_CLIENT}|${c.ruleId}`, c.findings]));
  const maxCell = Math.max(1, ...o.heatmap.cells.map((c) => c.findings));
  const trendLabel = o.trend.length
    ? t(portal ? "portal.trendLabel" : "overview.trendLabel", { from: o.trend[0].day, first: o.trend[0].score, to: o.trend.at(-1)!.day, last: o.trend.at(-1)!.score })
    : t("overview.trendEmpty");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{title}</h1>

      <div className="grid gap-4 lg:grid-cols-3">
        <Section id="ov-score" title={t(portal ? "portal.overviewScore" : "overview.score")}>
          <p className="flex items-center gap-3">
            <span className="text-4xl"><ScoreBadge score={o.score ?? 0} /></span>
            <Link href="/accounts?sort=score" className="text-sm">{t("overview.scoreOf", { count: o.accounts })}</Link>
          </p>
        </Section>
        <Section id="ov-trend" title={t("overview.trend", { days: TREND_DAYS })} className="lg:col-span-2">
          {o.trend.length ? <ScoreTrendChart points={o.trend} label={trendLabel} /> : <p className="text-sm text-slate-600">{trendLabel}</p>}
        </Section>
      </div>

      {!portal && <Section id="ov-clients" title={t("scores.byClient")}>
        <ul className="flex flex-wrap gap-3 text-sm" data-testid="client-scores">
          {scores.clients.slice(0, CLIENT_SCORES_SHOWN).map((c) => (
            <li key={c.clientId ?? "none"}>
              <Link href={accountsHref({ client: c.clientId ?? NO_CLIENT })} className="flex items-center gap-1">
                <span>{c.name ?? t("scores.noClient")}</span>
                <ScoreBadge score={c.score} label={`${c.name ?? t("scores.noClient")} ${t("account.score")}`} />
                <span className="text-xs text-slate-500">({t("overview.scoreOf", { count: c.accounts })})</span>
              </Link>
            </li>
          ))}
        </ul>
        {scores.clients.length > CLIENT_SCORES_SHOWN && (
          <p className="text-sm text-slate-600" data-testid="client-scores-more">
            {t("overview.clientsMore", { count: (scores.clients.length - CLIENT_SCORES_SHOWN).toLocaleString(locale) })}
          </p>
        )}
      </Section>}

      <Section id="ov-severity" title={t("overview.severities")}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="severity-counts">
          {(["critical", "high", "medium", "low"] as const).map((s) => {
            const counts = bySeverity.get(s) ?? { findings: 0, accounts: 0 };
            return (
              <li key={s} className={`rounded-lg border-l-4 bg-white p-3 ${SEVERITY_TONE[s]}`}>
                <Link href={accountsHref({ severity: s })} className="block text-inherit" data-testid={`severity-${s}`}>
                  <span className="block text-sm font-medium">{t(`severity.${s}`)}</span>
                  <span className="block text-2xl font-semibold tabular-nums">{t("overview.findings", { count: counts.findings })}</span>
                  <span className="block text-sm tabular-nums">{t("overview.onAccounts", { count: counts.accounts })}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </Section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="ov-riskiest" title={t("overview.riskiest")}>
          <table className="w-full text-left text-sm" data-testid="riskiest">
            <caption className="sr-only">{t("overview.riskiestCaption")}</caption>
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-1 font-medium">{t("account.storeName")}</th>
                <th scope="col" className="py-1 font-medium">{t("account.score")}</th>
                <th scope="col" className="py-1 font-medium">{t("table.openCritical")}</th>
                <th scope="col" className="py-1 font-medium">{t("table.openHigh")}</th>
              </tr>
            </thead>
            <tbody>
              {o.riskiest.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    <Link href={`/accounts/${a.id}`}>{a.storeName}</Link>
                    {a.clientName && !portal && <span className="block text-xs text-slate-600">{a.clientName}</span>}
                  </th>
                  <td className="py-1"><ScoreBadge score={a.score} /></td>
                  <td className="py-1 tabular-nums">{a.critical}</td>
                  <td className="py-1 tabular-nums">{a.high}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>

        <Section id="ov-rules" title={t("overview.rules")}>
          {o.rules.length === 0 ? (
            <p className="text-sm text-slate-600">{t("overview.rulesEmpty")}</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="common-rules">
              <thead className="text-slate-700">
                <tr>
                  <th scope="col" className="py-1 font-medium">{t("overview.rule")}</th>
                  <th scope="col" className="py-1 font-medium">{t("account.openFindings")}</th>
                  <th scope="col" className="py-1 font-medium">{t("accounts.title")}</th>
                </tr>
              </thead>
              <tbody>
                {o.rules.map((r) => (
                  <tr key={r.ruleId} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">{ruleTitle(r.ruleId)}</th>
                    <td className="py-1 tabular-nums">{t("overview.findings", { count: r.findings })}</td>
                    <td className="py-1 tabular-nums"><Link href={accountsHref({ rule: r.ruleId })}>{t("overview.onAccounts", { count: r.accounts })}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>

      {!portal && <Section id="ov-heatmap" title={t("overview.heatmap")}>
        {o.heatmap.clients.length === 0 ? (
          <p className="text-sm text-slate-600">{t("overview.heatmapEmpty")}</p>
        ) : (
          <>
          {/* Said above the region rather than as a visible caption: a caption is as wide as its table, so on a
              phone it ran off the scrolled edge. Screen readers get it once, as the table's caption. */}
          <p aria-hidden="true" className="text-xs text-slate-600">{t("overview.heatmapCaption")}</p>
          <ScrollRegion label={t("overview.heatmapRegion")} hint={t("overview.heatmapScroll")} testId="heatmap-scroll">
            <table className="text-sm" data-testid="heatmap">
              <caption className="sr-only">{t("overview.heatmapCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 z-10 bg-white p-1 text-left font-medium">{t("account.client")}</th>
                  {/* Japanese rule names have no spaces to wrap at, so a narrow column broke them every two or three
                      characters: they run vertically instead (縦書き, read top to bottom), a long one cut with an
                      ellipsis; the full name stays in the cell's text for screen readers and in its title on hover.
                      English names wrap between words and stay horizontal. */}
                  {o.heatmap.rules.map((r) => (
                    <th key={r} scope="col" title={ruleTitle(r)} className={`p-1 align-bottom text-xs font-medium ${locale === "ja" ? "" : "max-w-28"}`} data-testid="heatmap-rule">
                      {locale === "ja" ? <span className="inline-block max-h-48 overflow-hidden text-ellipsis whitespace-nowrap [writing-mode:vertical-rl]">{ruleTitle(r)}</span> : ruleTitle(r)}
                    </th>
                  ))}
                  <th scope="col" className="p-1 font-medium">{t("overview.total")}</th>
                </tr>
              </thead>
              <tbody>
                {o.heatmap.clients.map((c) => {
                  const clientParam = c.clientId ?? NO_CLIENT;
                  return (
                    <tr key={clientParam} className="border-t border-slate-100">
                      <th scope="row" className="sticky left-0 z-10 bg-white p-1 text-left font-normal">{c.name ?? t("scores.noClient")}</th>
                      {o.heatmap.rules.map((r) => {
                        const n = cell.get(`${clientParam}|${r}`) ?? 0;
                        return (
                          <td key={r} className="p-1 text-center tabular-nums" style={n ? { backgroundColor: `rgba(220, 38, 38, ${(0.08 + (0.32 * n) / maxCell).toFixed(2)})` } : undefined}>
                            {n ? <Link href={accountsHref({ rule: r, client: clientParam })} className="block text-slate-900 underline">{n}</Link> : <span className="text-slate-500">0</span>}
                          </td>
                        );
                      })}
                      <td className="p-1 text-center font-semibold tabular-nums">
                        <Link href={accountsHref({ client: clientParam })} className="text-slate-900 underline">{c.findings}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          </>
        )}
      </Section>}

      <Section id="ov-due" title={t("overview.due")}>
        <div className="grid gap-4 lg:grid-cols-3" data-testid="due-soon">
          <Due id="due-passwords" title={t("overview.duePasswords", { days: PASSWORD_DUE_DAYS })} list={o.due.passwords} off={t("overview.duePasswordsOff")} t={t} />
          <Due id="due-invites" title={t("overview.dueInvites", { days: INVITE_DUE_DAYS })} list={o.due.invites} off={t("overview.dueInvitesOff")} t={t} />
          <Due id="due-apps" title={t("overview.dueApps", { days: APP_DUE_DAYS })} list={o.due.apps} off="" t={t} />
        </div>
      </Section>
    </div>
  );
}
