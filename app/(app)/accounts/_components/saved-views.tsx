import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import type { SavedViewRow } from "@/lib/db/saved-views";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { deleteViewAction, saveViewAction } from "../actions";

export function SavedViews({ views, currentSearch, t }: { views: SavedViewRow[]; currentSearch: string; t: Translate }) {
  return (
    <section aria-labelledby="saved-views-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 id="saved-views-title" className="font-semibold">{t("views.title")}</h2>
      {views.length === 0 ? (
        <p className="text-slate-600">{t("views.none")}</p>
      ) : (
        <ul className="space-y-1" data-testid="saved-views">
          {views.map((v) => (
            <li key={v.id} className="flex items-center gap-3">
              <Link href={v.query ? `/accounts?${v.query}` : "/accounts"}>{v.name}</Link>
              <ActionForm action={deleteViewAction} hidden={{ id: v.id }} submitLabel={t("views.delete")} pendingLabel={t("views.deleting")}
                variant="danger" inline testId={`delete-view-${v.name}`} />
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={saveViewAction} hidden={{ query: currentSearch }} inline testId="save-view"
        fields={[{ name: "name", label: t("views.name"), type: "text", required: true }]}
        submitLabel={t("views.save")} pendingLabel={t("views.saving")} messages={formMessages(t, "views.saved")} />
    </section>
  );
}
