import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { LanguageSwitch } from "@/components/language-switch";
import { getScope } from "@/lib/auth/scope";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { findInvitation } from "@/lib/db/members";
import { signOutAction } from "@/lib/actions/sign-out";
import { getT } from "@/lib/i18n/server";
import { acceptAsNewUserAction, acceptAsUserAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("invite.title");

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, invitation, scope] = await Promise.all([getT(), token.length <= 200 ? findInvitation(token) : null, getScope()]);
  return (
    <main className="mx-auto mt-16 max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t("invite.title")}</h1>
        <LanguageSwitch />
      </div>
      {!invitation ? (
        <p role="alert" className="text-sm">{t("invite.invalid")}</p>
      ) : (
        <>
          <p className="text-sm">
            {invitation.agencyName
              ? t("invite.portalIntro", { agency: invitation.agencyName, org: invitation.orgName, email: invitation.email })
              : t("invite.intro", { org: invitation.orgName, role: t(`role.${invitation.role}`), email: invitation.email })}
          </p>
          {invitation.userExists ? (
            scope && scope.userId !== invitation.userId ? (
              // Signed in as someone else: say so before any button, with the way forward, instead of a Join that
              // can only answer "not found" (decision 090). The address is the one the intro above already names:
              // the link holder was sent it; the signed-in account's own address is not shown.
              <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="invite-other-account">
                <p>{t("invite.otherAccount", { email: invitation.email })}</p>
                <p>{t("invite.otherAccountWayForward", { email: invitation.email })}</p>
                <form action={signOutAction}>
                  <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1">{t("invite.signOut")}</button>
                </form>
              </div>
            ) : scope ? (
              <ActionForm action={acceptAsUserAction} hidden={{ token }} submitLabel={t("invite.join")} pendingLabel={t("form.saving")} />
            ) : (
              <p className="text-sm">{t("invite.signInFirst")} <Link href={`/signin?next=${encodeURIComponent(`/invite/${token}`)}`}>{t("signin.submit")}</Link></p>
            )
          ) : (
            <ActionForm
              action={acceptAsNewUserAction}
              hidden={{ token }}
              fields={[
                { name: "name", label: t("invite.name"), type: "text", required: true },
                { name: "password", label: t("signin.password"), type: "password", required: true, hint: t("invite.passwordHint", { min: MIN_PASSWORD_LENGTH }) },
                { name: "confirmPassword", label: t("security.confirmPassword"), type: "password", matches: { field: "password", error: "validation.passwordsDiffer" }, required: true },
              ]}
              submitLabel={t("invite.create")}
              pendingLabel={t("form.saving")}
              testId="accept-invitation-form"
              schema="acceptInvitation"
            />
          )}
        </>
      )}
    </main>
  );
}
