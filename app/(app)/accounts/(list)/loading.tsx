// The list alone sits in this route group so its loading skeleton does not wrap /accounts/[id]: a
// Suspense boundary above that page would stream a 200 before notFound() could answer 404.
import { getT } from "@/lib/i18n/server";

/** Shown while a table state's rows load: the table's outline, so the page does not jump. */
export default async function AccountsLoading() {
  const t = await getT();
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
      <p role="status" className="sr-only">{t("table.loading")}</p>
      <div className="h-16 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-hidden>
        <div className="h-9 bg-slate-100" />
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex gap-4 border-t border-slate-100 px-3 py-3">
            <div className="h-4 w-48 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-24 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-16 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-10 animate-pulse rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
