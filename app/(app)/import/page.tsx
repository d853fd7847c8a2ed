import { notFound } from "next/navigation";
import { requireScope } from "@/lib/auth/scope";
import { isOrgAdmin } from "@/lib/db/scope";
import { listClients } from "@/lib/db/members";
import { accountChoices } from "@/lib/db/snapshots/account-choices";
import { errorCodeSentences } from "@/lib/i18n/form-messages";
import { messages } from "@/lib/i18n/messages";
import { ja as snapshotImportJa } from "@/lib/i18n/messages/snapshot-import";
import { getLocale, getT } from "@/lib/i18n/server";
import { ImportForm, type SnapshotImportMessages } from "./_components/import-form";
import { LargeImport, type BulkProgressMessages } from "./_components/large-import";
import { ja as bulkProgressJa } from "@/lib/i18n/messages/bulk-progress";
import { maxLargeImportBytes } from "@/lib/spreadsheets/upload-limit";
import { pageTitle } from "@/lib/i18n/page-title";
import { SHEET_KINDS, SHEET_NAMES } from "@/lib/spreadsheets/sheet-kinds";

export const generateMetadata = () => pageTitle("nav.import");

export default async function ImportPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  if (!isOrgAdmin(scope)) notFound();
  const [clients, accounts] = await Promise.all([listClients(scope), accountChoices(scope)]);
  // The preview fills these templates in on the client, with the numbers of each dry run.
  const snapshotMessages = Object.fromEntries(Object.keys(snapshotImportJa).map((k) => [k, messages[locale][k as keyof SnapshotImportMessages]])) as SnapshotImportMessages;
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("import.title")}</h1>
      <p className="text-sm text-slate-600">{t("import.intro")}</p>
      <p className="text-sm"><a href="/schemas/gatehouse.snapshot.v1.json">{t("import.schema")}</a></p>
      <p className="text-sm">
        {t("sheet.templates")} <a href="/api/import/template?lang=ja" download>{t("sheet.templateJa")}</a> · <a href="/api/import/template?lang=en" download>{t("sheet.templateEn")}</a> · <a href="/api/import/template?lang=ja&format=xlsx" download>{t("sheet.templateXlsxJa")}</a> · <a href="/api/import/template?lang=en&format=xlsx" download>{t("sheet.templateXlsxEn")}</a>
      </p>
      <p className="text-sm" data-testid="kind-templates">
        {t("bulk.csvKinds")}{" "}
        {SHEET_KINDS.map((kind, i) => (
          <span key={kind}>{i > 0 && " · "}<a href={`/api/import/template?lang=${locale}&kind=${kind}`} download>{SHEET_NAMES[kind][locale === "en" ? "en" : "ja"]}</a></span>
        ))}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ImportForm
          clients={clients}
          locale={locale}
          messages={snapshotMessages}
          labels={{
            file: t("import.file"), or: t("import.or"), paste: t("import.paste"), client: t("import.client"), noClient: t("scores.noClient"),
            errorsTitle: t("import.errorsTitle"), errors: errorCodeSentences(t), toAccounts: t("nav.accounts"),
          }}
          listedLabels={{
            note: t("bulk.listedNote"), noteAll: t("bulk.listedNoteAll"),
            parts: { logins: t("bulk.part.logins"), partners: t("bulk.part.partners"), apps: t("bulk.part.apps"), otherAccess: t("bulk.part.otherAccess") },
          }}
          paste={{
            accounts,
            labels: { title: t("bulk.paste.title"), intro: t("bulk.paste.intro"), account: t("bulk.paste.account"), text: t("bulk.paste.text"), preview: t("bulk.paste.preview") },
          }}
        />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <LargeImport locale={locale} maxMb={maxLargeImportBytes() / 2 ** 20} messages={Object.fromEntries(Object.keys(bulkProgressJa).map((k) => [k, messages[locale][k as keyof BulkProgressMessages]])) as BulkProgressMessages} />
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="export-title">
        <h2 id="export-title" className="text-lg font-semibold">{t("snapshotImport.exportTitle")}</h2>
        <p className="text-sm text-slate-600">{t("snapshotImport.exportIntro")}</p>
        <p className="text-sm">
          <a href="/api/snapshot" download className="rounded border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100">{t("snapshotImport.exportOrg")}</a>{" "}
          <a href={`/api/snapshot?format=xlsx&lang=${locale}`} download className="rounded border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100" data-testid="export-org-workbook">{t("bulk.exportWorkbook")}</a>
        </p>
        {clients.length > 0 && (
          <form action="/api/snapshot" method="get" className="flex flex-wrap items-end gap-2 text-sm">
            <div>
              <label htmlFor="export-client" className="block text-sm font-medium">{t("snapshotImport.exportClient")}</label>
              <select id="export-client" name="client" className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm">
                {clients.map((c) => <option key={c.id} value={c.name}>{c.name}</option>)}
              </select>
            </div>
            <input type="hidden" name="lang" value={locale} />
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{t("snapshotImport.exportClientButton")}</button>
            <button type="submit" name="format" value="xlsx" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{t("bulk.exportWorkbook")}</button>
          </form>
        )}
      </section>
    </div>
  );
}
