import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireScope } from "@/lib/auth/scope";
import { listClientRows } from "@/lib/db/clients/client-records";
import { canWrite } from "@/lib/db/write-context";
import { getT } from "@/lib/i18n/server";
import { accountFields } from "../_components/account-fields";
import { createAccountAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("accounts.newTitle");

export default async function NewAccountPage({ searchParams }: { searchParams: Promise<{ client?: string }> }) {
  const [scope, t, { client }] = await Promise.all([requireScope(), getT(), searchParams]);
  if (!canWrite(scope) || scope.portal) notFound();
  const clients = await listClientRows(scope);
  const preselected = typeof client === "string" && clients.some((c) => c.id === client) ? client : (scope.clientIds ? (clients[0]?.id ?? null) : null);
  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label={t("nav.breadcrumb")} className="text-sm"><Link href="/accounts">{t("nav.accounts")}</Link> /</nav>
      <h1 className="text-2xl font-semibold">{t("accounts.newTitle")}</h1>
      <p className="text-sm text-slate-700">{t("accounts.newIntro")}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <ActionForm
          action={createAccountAction}
          schema="createAccount"
          fields={accountFields(t, clients, preselected ? { storeName: "", sellerId: null, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", clientId: preselected } : null, scope.clientIds !== null)}
          submitLabel={t("accounts.create")}
          pendingLabel={t("form.saving")}
          testId="new-account-form"
        />
      </div>
    </div>
  );
}
