import { notFound } from "next/navigation";
import { requireScope } from "@/lib/auth/scope";
import { isOrgAdmin } from "@/lib/db/scope";
import { listClients } from "@/lib/db/members";
import { formMessages } from "@/lib/i18n/form-messages";
import { getT } from "@/lib/i18n/server";
import { ImportForm } from "./_components/import-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("nav.import");

export default async function ImportPage() {
  const [scope, t] = await Promise.all([requireScope(), getT()]);
  if (!isOrgAdmin(scope)) notFound();
  const clients = await listClients(scope);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("import.title")}</h1>
      <p className="text-sm text-slate-600">{t("import.intro")}</p>
      <p className="text-sm"><a href="/schemas/gatehouse.snapshot.v1.json">{t("import.schema")}</a></p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ImportForm
          clients={clients}
          labels={{
            file: t("import.file"), or: t("import.or"), paste: t("import.paste"), client: t("import.client"), noClient: t("scores.noClient"),
            submit: t("import.submit"), pending: t("import.pending"), success: t("import.success"), errorsTitle: t("import.errorsTitle"),
            errors: formMessages(t).errors, toAccounts: t("nav.accounts"),
          }}
        />
      </section>
    </div>
  );
}
