import { notFound } from "next/navigation";
import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { requireScope } from "@/lib/auth/scope";
import { getRiskSettings } from "@/lib/db/settings";
import { isOrgAdmin } from "@/lib/db/scope";
import { formMessages } from "@/lib/i18n/form-messages";
import { getLocale, getT } from "@/lib/i18n/server";
import { DEFAULT_RISK_SETTINGS } from "@/lib/validation/snapshot";
import { RISK_SETTING_KEYS } from "@/lib/validation/settings";
import { SCORE_FORMULA } from "@/lib/risk";
import { setRequireTwoFactorAction, updateRiskSettingsAction } from "./actions";
import { ApiTokensSection } from "./_components/api-tokens-section";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("nav.settings");

export default async function SettingsPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  // The client-owner portal sees its accounts, not the agency's configuration.
  if (scope.portal) notFound();
  const settings = await getRiskSettings(scope);
  const editable = isOrgAdmin(scope);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      {/* Saving is for those who may: a read-only reader is not told what saving does. */}
      <p className="text-sm text-slate-600">{t(editable ? "settings.intro" : "settings.introReadOnly")}</p>
      <section aria-labelledby="thresholds" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="thresholds" className="mb-3 text-lg font-semibold">{t("settings.thresholds")}</h2>
        {editable ? (
          <ActionForm
            action={updateRiskSettingsAction}
            fields={RISK_SETTING_KEYS.map((key) => ({
              name: key,
              label: t(`settings.${key}`),
              type: "text",
              inputMode: "numeric",
              defaultValue: String(settings[key]),
              hint: t("settings.default", { value: DEFAULT_RISK_SETTINGS[key] }),
            }))}
            submitLabel={t("settings.save")}
            pendingLabel={t("settings.saving")}
            messages={formMessages(t, "settings.saved")}
            testId="risk-settings-form"
          />
        ) : (
          <dl className="grid grid-cols-[1fr_auto] gap-2 text-sm">
            {RISK_SETTING_KEYS.map((key) => (
              <div key={key} className="contents">
                <dt>{t(`settings.${key}`)}</dt>
                <dd className="tabular-nums">{settings[key]}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby="require-2fa" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="require-2fa" className="mb-2 text-lg font-semibold">{t("settings.requireTwoFactor")}</h2>
        <p className="mb-2 text-sm">{scope.requireTwoFactor ? t("settings.requireTwoFactorOn") : t("settings.requireTwoFactorOff")}</p>
        {editable && (
          <ActionForm
            action={setRequireTwoFactorAction}
            hidden={{ required: scope.requireTwoFactor ? "no" : "yes" }}
            submitLabel={scope.requireTwoFactor ? t("settings.requireTwoFactorDisable") : t("settings.requireTwoFactorEnable")}
            pendingLabel={t("settings.saving")}
            variant="secondary"
            inline
          />
        )}
      </section>
      {editable && <ApiTokensSection scope={scope} t={t} locale={locale} />}
      {editable && (
        <p className="text-sm"><Link href="/settings/jobs" className="text-blue-700 underline">{t("jobs.page.link")}</Link></p>
      )}
      <section aria-labelledby="score" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="score" className="mb-2 text-lg font-semibold">{t("settings.scoreFormula")}</h2>
        <p className="text-sm">{SCORE_FORMULA[locale]}</p>
      </section>
    </div>
  );
}
