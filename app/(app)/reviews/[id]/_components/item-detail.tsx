import type { CampaignItemRow } from "@/lib/db/reviews/read-campaigns";
import type { Translate } from "@/lib/i18n/server";
import type { GrantLevel } from "@/lib/reviews";

/** What the item was when the campaign started, in one line. */
export function ItemDetail({ item, t }: { item: CampaignItemRow; t: Translate }) {
  const d = item.detail;
  if (item.kind === "LOGIN") {
    const grants = (d.grants as GrantLevel[] | undefined) ?? [];
    return (
      <span>
        {String(d.role ?? "")} · {String(d.status ?? "")}
        {d.person ? ` · ${String(d.person)}` : ""}
        {grants.length > 0 && <> · {grants.map((g) => `${g.tool}${g.marketplace ? `(${g.marketplace})` : ""}: ${t(`level.${g.level}`)}`).join(", ")}</>}
      </span>
    );
  }
  if (item.kind === "PARTNER") return <span>{d.acceptedAt ? `✓ ${String(d.acceptedAt)}` : `→ ${String(d.linkSentAt ?? "—")}`}</span>;
  if (item.kind === "APP") return <span>{String(d.developer ?? "")}{d.expiresAt ? ` · ≤ ${String(d.expiresAt)}` : ""}</span>;
  return <span>{String(d.console ?? "")} · {String(d.role ?? "")}</span>;
}
