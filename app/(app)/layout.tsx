import Link from "@/components/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { HeaderNav } from "@/components/header-nav";
import { LanguageSwitch } from "@/components/language-switch";
import { signOutAction } from "@/lib/actions/sign-out";
import { switchOrgAction } from "@/lib/actions/switch-org";
import { requireScope } from "@/lib/auth/scope";
import { twoFactorPending } from "@/lib/db/scope";
import { canStartOwnOrganisation } from "@/lib/db/setup/create-agency";
import { getT } from "@/lib/i18n/server";
import { mainMenu } from "@/lib/nav/main-menu";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [scope, t] = await Promise.all([requireScope(), getT()]);
  // Two-factor required by the organisation but not set up: only the security page until it is.
  if (twoFactorPending(scope) && (await headers()).get("x-pathname") !== "/security") redirect("/security");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* Wraps on a narrow screen rather than pushing links off it: every link stays one tap away. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-slate-900 no-underline">Gatehouse</Link>
          <HeaderNav label={t("nav.main")} links={mainMenu(scope, t)} />
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            {scope.memberships.length > 1 ? (
              <form action={switchOrgAction} className="flex items-center gap-1">
                <label htmlFor="org-switch" className="sr-only">{t("nav.switchOrg")}</label>
                <select id="org-switch" name="orgId" defaultValue={scope.membershipOrgId} className="rounded border border-slate-300 px-1 py-0.5">
                  {scope.memberships.map((m) => <option key={m.orgId} value={m.orgId}>{m.orgName} · {t(`role.${m.role}`)}</option>)}
                </select>
                <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100">{t("nav.switch")}</button>
              </form>
            ) : (
              <span className="text-slate-600" data-testid="org-name">{scope.orgName} · {t(`role.${scope.role}`)}</span>
            )}
            {canStartOwnOrganisation(scope) && <Link href="/organisations/new" data-testid="new-organisation">{t("org.new")}</Link>}
            <LanguageSwitch />
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">{t("nav.signOut")}</button>
            </form>
          </div>
        </div>
      </header>
      {scope.portal && (
        <p className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-center text-sm text-sky-900" data-testid="portal-banner">
          {t("portal.bannerShop", { agency: scope.portal.agencyName })}
        </p>
      )}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
