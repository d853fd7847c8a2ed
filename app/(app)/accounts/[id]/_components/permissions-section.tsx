import { ScrollRegion } from "@/components/scroll-region";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { innerHtml } from "@/lib/html/safe-html";
import { matrixHtml, type Tool } from "./account-html";
import { Empty, Section } from "./section";

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
          <table className="permission-matrix text-left text-xs" data-testid="permission-matrix" dangerouslySetInnerHTML={innerHtml(matrixHtml(account, shown, t, locale))} />
        </ScrollRegion>
      )}
    </Section>
  );
}
