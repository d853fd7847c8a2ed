import { TableHead } from "@/components/table-head";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { innerHtml } from "@/lib/html/safe-html";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import { AddLogin, LoginEditor } from "./login-editor-panel";
import { loginRowHtml } from "./account-html";
import { Empty, Section } from "./section";

export type { LatestReviews } from "./account-html";
import type { LatestReviews } from "./account-html";
interface Props {
  account: AccountDetail;
  t: Translate;
  canWrite: boolean;
  reviews: LatestReviews;
  /** Where each login's facts came from. */
  provenance: Map<string, Provenance>;
}

export function LoginsSection({ account, t, canWrite, reviews, provenance }: Props) {
  return (
    <Section id="logins" title={t("account.logins")}>
      {canWrite && <AddLogin />}
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
                    <td colSpan={8}><LoginEditor loginId={login.id} /></td>
                  </tr>
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Section>
  );
}
