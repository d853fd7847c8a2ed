import { LevelBadge } from "@/components/level-badge";
import { ScrollRegion } from "@/components/scroll-region";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { Empty, Section } from "./section";

interface Tool { id: string; nameEn: string; nameJa: string; group: string }

/** Logins × tool areas; only tools somebody holds above None are shown, so the matrix stays readable. */
export function PermissionsSection({ account, tools, t, locale }: { account: AccountDetail; tools: Tool[]; t: Translate; locale: Locale }) {
  const held = new Set(account.logins.flatMap((l) => l.permissions.filter((p) => p.level !== "NONE").map((p) => p.toolId)));
  const shown = tools.filter((tool) => held.has(tool.id));
  return (
    <Section id="permissions" title={t("account.permissions")}>
      {shown.length === 0 ? (
        <Empty>{t("account.noPermissions")}</Empty>
      ) : (
        // A matrix stays a matrix on a phone: it scrolls inside its own focusable region, with a hint,
        // and the login column stays put.
        <ScrollRegion label={t("account.permissionsRegion")} hint={t("account.permissionsScroll")} testId="permission-scroll">
          <table className="text-left text-xs" data-testid="permission-matrix">
            <caption className="sr-only">{t("account.permissions")}</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 bg-white px-2 py-1">{t("login.email")}</th>
                {shown.map((tool) => (
                  <th key={tool.id} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">{locale === "ja" ? tool.nameJa : tool.nameEn}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {account.logins.map((login) => (
                <tr key={login.id} className="border-t border-slate-100">
                  <th scope="row" className="sticky left-0 bg-white px-2 py-1 font-medium whitespace-nowrap">{login.email}</th>
                  {shown.map((tool) => {
                    const grants = login.permissions.filter((p) => p.toolId === tool.id && p.level !== "NONE");
                    return (
                      <td key={tool.id} className="px-2 py-1 whitespace-nowrap">
                        {login.role === "PRIMARY" ? (
                          // The primary user (the account owner) is not granted tools: it holds them all.
                          <LevelBadge level="ADMIN" label={t("level.primaryAll")} />
                        ) : grants.length === 0 ? (
                          <LevelBadge level="NONE" label={t("level.NONE")} />
                        ) : (
                          grants.map((g) => (
                            <span key={`${g.marketplace ?? "*"}`} className="mr-1">
                              <LevelBadge level={g.level} label={`${t(`level.${g.level}`)}${g.marketplace ? ` (${g.marketplace})` : ""}`} />
                            </span>
                          ))
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}
