// The list alone sits in this route group so its loading skeleton does not wrap /accounts/[id]: a
// Suspense boundary above that page would stream a 200 before notFound() could answer 404.
import { getT } from "@/lib/i18n/server";
import { html } from "@/lib/html/safe-html";

// The outline's bars are the same on every request: one string made once, not 50 elements rendered into every
// full page's flight and again as HTML (decision 051).
const SKELETON_ROW = html`<div class="flex gap-4 border-t border-slate-100 px-3 py-3"><div class="h-4 w-48 animate-pulse rounded bg-slate-200"></div><div class="h-4 w-24 animate-pulse rounded bg-slate-100"></div><div class="h-4 w-16 animate-pulse rounded bg-slate-100"></div><div class="h-4 w-10 animate-pulse rounded bg-slate-200"></div></div>`;
const SKELETON_ROWS = html`<div class="h-9 bg-slate-100"></div>${Array.from({ length: 10 }, () => SKELETON_ROW)}`.markup;

/** Shown while a table state's rows load: the table's outline, so the page does not jump. */
export default async function AccountsLoading() {
  const t = await getT();
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
      <p role="status" className="sr-only">{t("table.loading")}</p>
      <div className="h-16 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-hidden dangerouslySetInnerHTML={{ __html: SKELETON_ROWS }} />
    </div>
  );
}
