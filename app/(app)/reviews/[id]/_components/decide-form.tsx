import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import type { CampaignItemRow } from "@/lib/db/reviews/read-campaigns";
import { enumLabel } from "@/lib/i18n/enum-label";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { toolName } from "@/lib/reviews/item-detail-text";
import { CONSOLE_ROLES, DECISIONS, LEVELS, type GrantLevel } from "@/lib/reviews";
import { decideItemAction } from "../../actions";

/** Keep / reduce / remove for one item; a reduction picks the level per grant (logins) or the role (consoles). */
export function DecideForm({ item, t, locale, messages }: { item: CampaignItemRow; t: Translate; locale: Locale; messages: FormMessages }) {
  const reducible = item.kind === "LOGIN" || item.kind === "OTHER_ACCESS";
  const fields: FieldSpec[] = [
    { name: "decision", label: t("reviews.col.decision"), type: "select", required: true,
      // Starts on "Choose…": Enter in the comment used to record the preselected Keep (probe 45, M4).
      options: [{ value: "", label: t("reviews.decide.choose") }, ...DECISIONS.filter((d) => reducible || d !== "REDUCE").map((d) => ({ value: d, label: t(`reviews.decision.${d}`) }))] },
    { name: "comment", label: t("reviews.decide.comment"), type: "text" },
  ];
  if (item.kind === "LOGIN") {
    for (const g of (item.detail.grants as GrantLevel[] | undefined) ?? []) {
      fields.push({
        name: `level.${g.tool}.${g.marketplace ?? "*"}`,
        label: t("reviews.decide.level", { tool: `${toolName(g.tool, locale)}${g.marketplace ? ` (${g.marketplace})` : ""}` }),
        type: "select",
        defaultValue: g.level,
        options: LEVELS.slice(0, LEVELS.indexOf(g.level) + 1).map((l) => ({ value: l, label: t(`level.${l}`) })),
      });
    }
  }
  if (item.kind === "OTHER_ACCESS") {
    fields.push({ name: "role", label: t("reviews.decide.role"), type: "select", options: [{ value: "", label: "—" }, ...CONSOLE_ROLES.map((r) => ({ value: r, label: enumLabel(t, "otherRole", r) }))] });
  }
  return (
    <ActionForm action={decideItemAction} hidden={{ itemId: item.id }} fields={fields} submitLabel={t("reviews.decide.submit")} pendingLabel={t("reviews.decide.saving")} messages={messages} testId="decide-form"
      fold={{ summary: `${t("reviews.decide.submit")}…`, summaryClassName: "cursor-pointer text-xs text-blue-800" }} />
  );
}
