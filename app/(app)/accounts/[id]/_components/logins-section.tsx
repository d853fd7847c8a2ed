import { TableHead } from "@/components/table-head";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { innerHtml } from "@/lib/html/safe-html";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import { AddLogin } from "./add-login";
import { LoginEditor, loginEditorShared } from "./login-editor";
import { LoginEditorsProvider } from "./login-editor-panel";
import { loginRowHtml } from "./account-html";
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
        // On a phone each login is a card (globals.css, .stack-table): role, status and 2SV stay on screen. Each login
        // is a <tbody> of its own: its row as one string of markup, and under it, for a writer, a row holding its
        // editor across the table, the one part that is React (decision 062).
        <div className="stack-table-frame overflow-x-auto">
          <table className="stack-table login-table w-full text-left text-sm">
            <caption className="sr-only">{t("account.logins")}</caption>
            <TableHead columns={[t("login.email"), t("login.role"), t("login.person"), t("login.status"), t("login.lastLogin"), t("login.passwordChanged"), t("login.twoStep"), t("review.title")]} />
            {account.logins.map((login) => (
              <tbody key={login.id} data-testid="login-row">
                <tr dangerouslySetInnerHTML={innerHtml(loginRowHtml(login, account.id, t, reviews.get(login.id), provenance))} />
                {canWrite && (
                  <tr className="login-editor-row">
                    <td colSpan={8}><LoginEditor account={account} login={login} t={t} values={loginValues.get(login.id)} people={people} /></td>
                  </tr>
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Section>
  );
  // The editors' shared part goes first in the flight, above the add form and the rows (decision 057).
  return canWrite ? <LoginEditorsProvider shared={loginEditorShared(t, account, messages, locale)}>{section}</LoginEditorsProvider> : section;
}
