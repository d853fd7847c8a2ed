import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { DangerFold } from "@/components/danger-fold";
import { IgnoredFiltersNotice } from "@/components/ignored-filters-notice";
import { TableHead } from "@/components/table-head";
import { requireScope } from "@/lib/auth/scope";
import { listClientRows } from "@/lib/db/clients/client-records";
import { isOrgAdmin } from "@/lib/db/scope";
import { formMessages } from "@/lib/i18n/form-messages";
import { getT } from "@/lib/i18n/server";
import { NO_PARAMETERS, unknownParameters, type SearchParamsRecord } from "@/lib/validation/ignored-filters";
import { createClientAction, removeClientAction, renameClientAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("clients.title");

/** Owners and Admins keep the list of clients: add, rename, remove (the accounts stay). */
export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const [scope, t, raw] = await Promise.all([requireScope(), getT(), searchParams]);
  if (!isOrgAdmin(scope) || scope.portal) notFound();
  const clients = await listClientRows(scope);
  const messages = formMessages(t, "form.saved");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("clients.title")}</h1>
      <IgnoredFiltersNotice ignored={unknownParameters(raw, NO_PARAMETERS)} t={t} />
      <p className="text-sm text-slate-700">{t("clients.intro")}</p>
      <section aria-labelledby="add-client" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-client" className="mb-2 text-lg font-semibold">{t("clients.add")}</h2>
        <ActionForm
          action={createClientAction}
          schema="createClient"
          fields={[{ name: "name", label: t("clients.name"), type: "text", required: true }]}
          submitLabel={t("clients.add")}
          pendingLabel={t("form.saving")}
          messages={messages}
          inline
          testId="add-client-form"
        />
      </section>
      <section aria-labelledby="client-list" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="client-list" className="mb-2 text-lg font-semibold">{t("clients.title")}</h2>
        {clients.length === 0 ? (
          <p className="text-sm text-slate-600">{t("clients.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={[t("clients.name"), t("clients.accounts"), t("clients.remove")]} />
            <tbody>
              {clients.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top" data-testid="client-row">
                  <td className="px-2 py-2">
                    <ActionForm
                      action={renameClientAction}
                      schema="renameClient"
                      hidden={{ clientId: c.id, version: c.version }}
                      fields={[{ name: "name", label: t("clients.name"), type: "text", defaultValue: c.name, required: true }]}
                      submitLabel={t("clients.rename")}
                      pendingLabel={t("form.saving")}
                      messages={messages}
                      variant="secondary"
                      inline
                      testId="rename-client-form"
                    />
                  </td>
                  <td className="px-2 py-2 tabular-nums">
                    {c.accounts}
                    <Link href={`/clients/${c.id}`} className="ml-3 text-blue-800 underline" data-testid="client-reports-link">{t("reports.title")}</Link>
                    {/* Typing in a client's accounts one after another starts here, with the client chosen. */}
                    <div><Link href={`/accounts/new?client=${c.id}`} className="text-xs text-blue-800 underline" data-testid="client-add-account">{t("clients.addAccount")}</Link></div>
                  </td>
                  <td className="px-2 py-2">
                    <DangerFold
                      action={removeClientAction}
                      hidden={{ clientId: c.id, version: c.version }}
                      summary={t("clients.remove")}
                      what={t("clients.removeWhat", { name: c.name, accounts: c.accounts, members: c.members, portal: c.portal ? t("clients.removePortal") : "" })}
                      confirmLabel={t("clients.removeConfirm", { name: c.name })}
                      compact
                      testId="remove-client"
                      t={t}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
