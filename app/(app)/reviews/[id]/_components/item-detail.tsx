import type { CampaignItemRow } from "@/lib/db/reviews/read-campaigns";
import type { Locale } from "@/lib/i18n/locales";
import { itemDetailText } from "@/lib/reviews/item-detail-text";

/** What the item was when the campaign started, in one line, in the reader's words. */
export function ItemDetail({ item, locale }: { item: CampaignItemRow; locale: Locale }) {
  return <span>{itemDetailText(item.kind, item.detail, locale)}</span>;
}
