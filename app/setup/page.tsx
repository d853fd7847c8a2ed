import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { LanguageSwitch } from "@/components/language-switch";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { setupIsOpen } from "@/lib/db/setup/setup-token";
import { LOCALES } from "@/lib/i18n/locales";
import { getLocale, getT } from "@/lib/i18n/server";
import { completeSetupAction } from "./actions";

// Rendered per request: whether setup is open depends on the database, not on the build.
export const dynamic = "force-dynamic";

/** First run: only with the printed single-use token and while no organisation exists; otherwise a 404. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : null;
  if (!(await setupIsOpen(value))) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <main className="mx-auto mt-16 max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t("setup.title")}</h1>
        <LanguageSwitch />
      </div>
      <p className="text-sm">{t("setup.intro")}</p>
      <ActionForm
        action={completeSetupAction}
        hidden={{ token: value! }}
        fields={[
          { name: "orgName", label: t("setup.orgName"), type: "text", required: true },
          { name: "locale", label: t("setup.locale"), type: "select", defaultValue: locale, options: LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) })) },
          { name: "name", label: t("setup.name"), type: "text", required: true },
          { name: "email", label: t("setup.email"), type: "text", required: true },
          { name: "password", label: t("signin.password"), type: "password", required: true, hint: t("setup.passwordHint", { min: MIN_PASSWORD_LENGTH }) },
          { name: "confirmPassword", label: t("security.confirmPassword"), type: "password", required: true, matches: { field: "password", error: "validation.passwordsDiffer" } },
        ]}
        submitLabel={t("setup.submit")}
        pendingLabel={t("form.saving")}
        testId="setup-form"
        schema="setup"
      />
    </main>
  );
}
