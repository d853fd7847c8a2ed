import Link from "@/components/link";
import { LevelBadge } from "@/components/level-badge";
import { Day } from "@/components/day";
import { TableHead } from "@/components/table-head";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { Empty, Section } from "./section";

type Login = PersonDetail["logins"][number];

/** Every login the person owns or uses, grouped by account, with the levels Seller Central shows. */
export function PersonLogins({ person, t, locale }: { person: PersonDetail; t: Translate; locale: Locale }) {
  const byAccount = new Map<string, { account: Login["account"]; logins: Login[] }>();
  for (const login of person.logins) {
    const group = byAccount.get(login.account.id) ?? { account: login.account, logins: [] };
    group.logins.push(login);
    byAccount.set(login.account.id, group);
  }
  return (
    <Section id="person-logins" title={t("people.logins")} testId="person-logins">
      {byAccount.size === 0 ? (
        <Empty>{t("people.noLogins")}</Empty>
      ) : (
        // On a phone each login is a card under its account's name (globals.css, .stack-table).
        <div className="stack-table-frame overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">{t("people.logins")}</caption>
            <TableHead columns={[t("login.email"), t("login.role"), t("people.holds"), t("login.status"), t("login.lastLogin"), t("people.levels")]} />
            {[...byAccount.values()].map(({ account, logins }) => (
              <tbody key={account.id} data-testid="person-account">
                <tr className="border-t border-slate-200 bg-slate-50">
                  <th scope="rowgroup" colSpan={6} className="px-2 py-1.5 font-semibold">
                    <Link href={`/accounts/${account.id}`}>{account.storeName}</Link>
                    {account.sellerId && <code className="ml-2 text-xs font-normal text-slate-500">{account.sellerId}</code>}
                  </th>
                </tr>
                {logins.map((login) => (
                  <tr key={login.id} className="border-t border-slate-100 align-top" data-testid="person-login">
                    <td className="px-2 py-2 font-medium">{login.email ?? "—"}</td>
                    <td className="whitespace-nowrap px-2 py-2" data-label={t("login.role")} data-testid="login-role">{t(`loginRole.${login.role}`)}</td>
                    <td className="px-2 py-2" data-label={t("people.holds")}>{login.personId === person.id ? t("people.owns") : t("people.uses", { owner: login.person.name })}</td>
                    <td className="whitespace-nowrap px-2 py-2" data-label={t("login.status")} data-testid="login-status">{t(`loginStatus.${login.status}`)}</td>
                    <td className="px-2 py-2" data-label={t("login.lastLogin")}><Day value={login.lastLoginAt} /></td>
                    <td className="px-2 py-2" data-label={t("people.levels")} data-wide>
                      {login.role === "PRIMARY" ? (
                        <LevelBadge level="ADMIN" label={t("people.primaryAllTools")} />
                      ) : login.permissions.length === 0 ? (
                        <LevelBadge level="NONE" label={t("level.NONE")} />
                      ) : (
                        <ul className="flex flex-wrap gap-1">
                          {login.permissions.map((p) => (
                            <li key={`${p.tool.id}/${p.marketplace ?? "*"}`}>
                              <LevelBadge level={p.level} label={`${locale === "ja" ? p.tool.nameJa : p.tool.nameEn}: ${t(`level.${p.level}`)}${p.marketplace ? ` (${p.marketplace})` : ""}`} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Section>
  );
}
