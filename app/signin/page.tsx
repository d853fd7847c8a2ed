import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { safeNextPath } from "@/lib/auth/next-path";
import { getScope } from "@/lib/auth/scope";
import { getT } from "@/lib/i18n/server";
import { SignInForm } from "./_components/sign-in-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { inviteEmail } from "@/lib/validation/members";

export const generateMetadata = () => pageTitle("signin.submit");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ joined?: string; next?: string; ready?: string | string[] }> }) {
  const [scope, t, { joined, next, ready }] = await Promise.all([getScope(), getT(), searchParams]);
  if (scope) redirect(safeNextPath(next));
  // After starting an organisation from the demo (decision 103): its new Owner's e-mail, shown and filled in.
  const readyEmail = typeof ready === "string" ? inviteEmail.safeParse(ready).data : undefined;
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Gatehouse</h1>
        <LanguageSwitch />
      </div>
      {joined === "1" && (
        <p role="status" className="mb-4 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t("signin.joined")}</p>
      )}
      {readyEmail && (
        <p role="status" data-testid="organisation-ready" className="mb-4 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t("org.ready", { email: readyEmail })}</p>
      )}
      <p className="mb-6 text-sm text-slate-600">{t("signin.intro")}</p>
      <SignInForm
        next={safeNextPath(next)}
        initialEmail={readyEmail ?? ""}
        labels={{
          email: t("signin.email"),
          password: t("signin.password"),
          submit: t("signin.submit"),
          submitting: t("signin.submitting"),
          invalid: t("signin.error.invalid"),
          credentials: t("signin.error.credentials"),
          rateLimited: t("signin.error.rateLimited"),
          codeWrong: t("signin.error.codeWrong"),
          code: t("signin.code"),
          codeHint: t("signin.codeHint"),
          codeIntro: t("signin.codeIntro"),
        }}
      />
    </main>
  );
}
