import Link from "@/components/link";
import { TableHead } from "@/components/table-head";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { dayHtml } from "@/components/day";
import { html, innerHtml } from "@/lib/html/safe-html";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import { AddLogin } from "./add-login";
import { LoginEditor, loginEditorShared } from "./login-editor";
import { LoginEditorsProvider } from "./login-editor-panel";
import { personHtml, provenanceLineHtml, reviewHtml, twoStepHtml } from "./account-html";
import { ProvenanceLine } from "./provenance-line";
import { Empty, Section } from "./section";

export type { LatestReviews } from "./account-html";
import type { LatestReviews } from "./account-html";
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
  const section = (
    <Section id="logins" title={t("account.logins")}>
      {canWrite && <AddLogin account={account} people={people} t={t} messages={messages} />}
      {account.logins.length === 0 ? (
        <Empty>{t("account.noLogins")}</Empty>
      ) : (
        // On a phone each login is a card (globals.css, .stack-table): role, status and 2SV stay on screen.
        <div className="stack-table-frame overflow-x-auto">
          <table className="stack-table login-table w-full text-left text-sm">
            <caption className="sr-only">{t("account.logins")}</caption>
            <TableHead columns={[t("login.email"), t("login.role"), t("login.person"), t("login.status"), t("login.lastLogin"), t("login.passwordChanged"), t("login.twoStep"), t("review.title")]} />
            <tbody>
              {account.logins.map((login) => {
                const editor = canWrite && <LoginEditor account={account} login={login} t={t} values={loginValues.get(login.id)} people={people} />;
                const review = reviews.get(login.id);
                // The static cells are written as markup, rendered once (decision 052); the editor and the Links stay React.
                // Their padding is `.login-table`'s (app/globals.css), not a class on each cell (decision 057).
                return (
                  <tr key={login.id} data-testid="login-row">
                    {editor ? (
                      <td className="font-medium">
                        {login.email ?? "—"}
                        {provenance.get(login.id) && <ProvenanceLine provenance={provenance.get(login.id)!} t={t} />}
                        {editor}
                      </td>
                    ) : (
                      <td className="font-medium" dangerouslySetInnerHTML={innerHtml(html`${login.email ?? "—"}${provenanceLineHtml(provenance.get(login.id), t)}`)} />
                    )}
                    <td className="whitespace-nowrap" data-label={t("login.role")} data-testid="login-role" dangerouslySetInnerHTML={innerHtml(html`${t(`loginRole.${login.role}`)}`)} />
                    <td data-label={t("login.person")} dangerouslySetInnerHTML={innerHtml(personHtml(login, t))} />
                    <td className="whitespace-nowrap" data-label={t("login.status")} data-testid="login-status">
                      {t(`loginStatus.${login.status}`)}
                      <div className="text-xs"><Link href={`/accounts/${account.id}/triage?login=${login.id}`} className="text-blue-800 underline" data-testid="login-triage-link">{t("triage.link")}</Link></div>
                    </td>
                    <td data-label={t("login.lastLogin")} dangerouslySetInnerHTML={innerHtml(dayHtml(login.lastLoginAt))} />
                    <td data-label={t("login.passwordChanged")} dangerouslySetInnerHTML={innerHtml(dayHtml(login.passwordChangedAt))} />
                    <td data-label={t("login.twoStep")} data-wide data-testid="login-two-step" dangerouslySetInnerHTML={innerHtml(twoStepHtml(login, t, provenance))} />
                    <td data-label={t("review.title")} data-wide data-testid="access-review">
                      {review && <div className="text-xs" dangerouslySetInnerHTML={innerHtml(reviewHtml(review, t))} />}
                      {/* Decisions are made in access review campaigns (decision 018): one way to review. */}
                      <Link href="/reviews" className="mt-1 inline-block text-xs text-blue-800 underline">{t("reviews.openReviews")}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
  // The editors' shared part goes first in the flight, above the add form and the rows (decision 057).
  return canWrite ? <LoginEditorsProvider shared={loginEditorShared(t, account, messages, locale)}>{section}</LoginEditorsProvider> : section;
}
