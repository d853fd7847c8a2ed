import Link from "@/components/link";
import { TableHead } from "@/components/table-head";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { Day } from "@/components/day";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import { AddLogin } from "./add-login";
import { LoginEditor } from "./login-editor";
import { ProvenanceLine } from "./provenance-line";
import { Empty, Section } from "./section";

export type LatestReviews = Map<string, { decision: string; note: string | null; decidedAt: Date; by: string }>;

interface Props {
  account: AccountDetail;
  t: Translate;
  canWrite: boolean;
  reviews: LatestReviews;
  /** Edit-form values per login, the people a login can be given to, and where each login's facts came from. */
  loginValues: Map<string, Record<string, string>>;
  people: { id: string; name: string }[];
  provenance: Map<string, Provenance>;
}

export function LoginsSection({ account, t, canWrite, reviews, loginValues, people, provenance, locale }: Props & { locale: "ja" | "en" }) {
  // One object for every form of the table: the page payload carries it once, not once per form.
  const messages = formMessages(t, "form.saved");
  return (
    <Section id="logins" title={t("account.logins")}>
      {canWrite && <AddLogin account={account} people={people} t={t} messages={messages} />}
      {account.logins.length === 0 ? (
        <Empty>{t("account.noLogins")}</Empty>
      ) : (
        // On a phone each login is a card (globals.css, .stack-table): role, status and 2SV stay on screen.
        <div className="stack-table-frame overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">{t("account.logins")}</caption>
            <TableHead columns={[t("login.email"), t("login.role"), t("login.person"), t("login.status"), t("login.lastLogin"), t("login.passwordChanged"), t("login.twoStep"), t("review.title")]} />
            <tbody>
              {account.logins.map((login) => (
                <tr key={login.id} className="border-t border-slate-100 align-top" data-testid="login-row">
                  <td className="px-2 py-2 font-medium">
                    {login.email ?? "—"}
                    {provenance.get(login.id) && <ProvenanceLine provenance={provenance.get(login.id)!} t={t} />}
                    {canWrite && <LoginEditor account={account} login={login} t={t} messages={messages} values={loginValues.get(login.id)} people={people} locale={locale} />}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2" data-label={t("login.role")} data-testid="login-role">{t(`loginRole.${login.role}`)}</td>
                  <td className="px-2 py-2" data-label={t("login.person")}>
                    {login.person.name}
                    {login.person.external && <span className="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-900">{t("person.external")}</span>}
                    {login.person.departedAt && <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-900">{t("person.departed")}</span>}
                    {login.usedBy.length > 1 && (
                      <div className="text-xs text-slate-500">{t("login.usedBy")}: {login.usedBy.map((u) => u.person.name).join(", ")}</div>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2" data-label={t("login.status")} data-testid="login-status">
                    {t(`loginStatus.${login.status}`)}
                    <div className="text-xs"><Link href={`/accounts/${account.id}/triage?login=${login.id}`} className="text-blue-800 underline" data-testid="login-triage-link">{t("triage.link")}</Link></div>
                  </td>
                  <td className="px-2 py-2" data-label={t("login.lastLogin")}><Day value={login.lastLoginAt} /></td>
                  <td className="px-2 py-2" data-label={t("login.passwordChanged")}><Day value={login.passwordChangedAt} /></td>
                  <td className="px-2 py-2" data-label={t("login.twoStep")} data-wide data-testid="login-two-step">
                    {login.twoStepMethods.length === 0 ? (
                      <span className="font-medium text-red-700">{t("twoStep.none")}</span>
                    ) : (
                      <ul className="space-y-1" aria-label={t("login.twoStep")}>
                        {login.twoStepMethods.map((m) => (
                          <li key={m.id} data-testid="two-step-method">
                            <span className="font-medium">{t(`twoStepKind.${m.kind}`)}</span>
                            {m.phoneLast4 && <span className="tabular-nums"> ••••{m.phoneLast4}</span>}
                            {m.label && <span> · {m.label}</span>}
                            <span className="text-slate-500"> · {t(`methodRole.${m.role}`)}</span>
                            {provenance.get(m.id) && <ProvenanceLine provenance={provenance.get(m.id)!} t={t} />}
                            {m.device && (
                              <div className="text-xs text-slate-500">
                                {t("device.label")}: {m.device.label}
                                {m.device.holder && <> · {t("device.holder")}: {m.device.holder.name}</>}
                                {m.device.skipOtpOnBrowser && <> · {t("device.skipOtp")}</>}
                              </div>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-2 py-2" data-label={t("review.title")} data-wide data-testid="access-review">
                    {reviews.get(login.id) && (
                      <div className="text-xs">
                        <span className={reviews.get(login.id)!.decision === "KEEP" ? "font-medium text-emerald-800" : "font-medium text-red-800"}>
                          {t(`reviews.decision.${reviews.get(login.id)!.decision as "KEEP" | "REDUCE" | "REMOVE"}`)}
                        </span>{" "}
                        <span className="text-slate-500">{reviews.get(login.id)!.by} · <Day value={reviews.get(login.id)!.decidedAt} /></span>
                        {reviews.get(login.id)!.note && <div className="text-slate-600 [overflow-wrap:anywhere]">“{reviews.get(login.id)!.note}”</div>}
                      </div>
                    )}
                    {/* Decisions are made in access review campaigns (decision 018): one way to review. */}
                    <Link href="/reviews" className="mt-1 inline-block text-xs text-blue-800 underline">{t("reviews.openReviews")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
