import { ActionForm } from "@/components/action-form";
import { LocalTime } from "@/components/local-time";
import { getSessionId, requireScope } from "@/lib/auth/scope";
import { listActiveSessions } from "@/lib/db/sessions";
import { formMessages } from "@/lib/i18n/form-messages";
import { getLocale, getT } from "@/lib/i18n/server";
import { describeUserAgent } from "@/lib/user-agent";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { TwoFactorSection } from "./_components/two-factor-section";
import { changePasswordAction, revokeOtherSessionsAction, revokeSessionAction, setDigestOptOutAction } from "./actions";
import { digestOptedOut } from "@/lib/db/jobs/digest-preferences";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("nav.security");

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const [scope, t, locale, currentId, { welcome }] = await Promise.all([requireScope(), getT(), getLocale(), getSessionId(), searchParams]);
  const [sessions, optedOut] = await Promise.all([listActiveSessions(scope.userId), digestOptedOut(scope.userId)]);
  const when = (d: Date) => <LocalTime iso={d.toISOString()} locale={locale} />;
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("security.title")}</h1>
      {/* Straight after first-run setup: the new Owner is offered two-factor enrolment first. */}
      {welcome === "1" && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="setup-welcome">{t("setup.welcome")}</p>}
      <TwoFactorSection userId={scope.userId} t={t} required={scope.requireTwoFactor} />
      <section aria-labelledby="sessions" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sessions" className="mb-1 text-lg font-semibold">{t("security.sessions")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("security.sessionsIntro")}</p>
        <ul className="divide-y divide-slate-100 text-sm" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="session">
              <div>
                <div className="font-medium"><span title={s.userAgent ?? undefined} data-testid="session-device">{describeUserAgent(s.userAgent, t)}</span> {s.id === currentId && <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-900">{t("security.thisSession")}</span>}</div>
                <div className="text-xs text-slate-500">{t("security.signedInAt")}: {when(s.createdAt)} · {t("security.lastSeen")}: {when(s.lastSeenAt)} · {s.ip ?? "—"}</div>
              </div>
              {s.id !== currentId && (
                <ActionForm action={revokeSessionAction} hidden={{ sessionId: s.id }} submitLabel={t("security.revoke")} pendingLabel={t("form.saving")} variant="danger" inline />
              )}
            </li>
          ))}
        </ul>
        <div className="mt-3">
          <ActionForm action={revokeOtherSessionsAction} hidden={{ confirm: "yes" }} submitLabel={t("security.revokeOthers")} pendingLabel={t("form.saving")} messages={formMessages(t, "security.revokedOthers")} variant="danger" inline />
        </div>
      </section>
      <section aria-labelledby="digest" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="digest" className="mb-1 text-lg font-semibold">{t("jobs.digest.title")}</h2>
        <p className="mb-3 text-sm text-slate-600">{optedOut ? t("jobs.digest.off") : t("jobs.digest.on")}</p>
        <ActionForm
          action={setDigestOptOutAction}
          hidden={{ optOut: optedOut ? "no" : "yes" }}
          submitLabel={optedOut ? t("jobs.digest.resume") : t("jobs.digest.stop")}
          pendingLabel={t("form.saving")}
          messages={formMessages(t, "form.saved")}
          variant="secondary"
          inline
          testId="digest-form"
        />
      </section>
      <section aria-labelledby="password" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password" className="mb-1 text-lg font-semibold">{t("security.changePassword")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("security.passwordRules", { min: MIN_PASSWORD_LENGTH })}</p>
        <ActionForm
          action={changePasswordAction}
          fields={[
            { name: "currentPassword", label: t("security.currentPassword"), type: "password" },
            { name: "newPassword", label: t("security.newPassword"), type: "password" },
            { name: "confirmPassword", label: t("security.confirmPassword"), type: "password", matches: { field: "newPassword", error: "validation.passwordsDiffer" } },
          ]}
          submitLabel={t("security.changePasswordSubmit")}
          pendingLabel={t("form.saving")}
          messages={formMessages(t, "security.passwordChanged")}
          testId="change-password-form"
          schema="changePassword"
        />
      </section>
    </div>
  );
}
