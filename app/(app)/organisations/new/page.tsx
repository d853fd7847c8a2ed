import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { requireScope } from "@/lib/auth/scope";
import { canStartOwnOrganisation } from "@/lib/db/setup/create-agency";
import { LOCALES } from "@/lib/i18n/locales";
import { getLocale, getT } from "@/lib/i18n/server";
import { createOrganisationAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("org.newTitle");

export default async function NewOrganisationPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  if (!canStartOwnOrganisation(scope)) notFound();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("org.newTitle")}</h1>
      <p className="text-sm text-slate-700">{t("org.newIntro")}</p>
      <ActionForm
        action={createOrganisationAction}
        fields={[
          { name: "orgName", label: t("setup.orgName"), type: "text", required: true },
          { name: "locale", label: t("setup.locale"), type: "select", defaultValue: locale, options: LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) })) },
          // Its Owner is a new user of their own: the demo sign-in is shared by every visitor (decision 103).
          { name: "name", label: t("setup.name"), type: "text", required: true },
          { name: "email", label: t("setup.email"), type: "text", required: true },
          { name: "password", label: t("signin.password"), type: "password", required: true, hint: t("setup.passwordHint", { min: MIN_PASSWORD_LENGTH }) },
          { name: "confirmPassword", label: t("security.confirmPassword"), type: "password", required: true, matches: { field: "password", error: "validation.passwordsDiffer" } },
        ]}
        submitLabel={t("org.newSubmit")}
        pendingLabel={t("form.saving")}
        testId="new-organisation-form"
        schema="newOrganisation"
      />
    </div>
  );
}
