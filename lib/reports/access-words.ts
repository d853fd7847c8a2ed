// A report's access rows in the same words as the campaign page and the account page (decision 090): a partner's
// date says what it is ("Accepted 2026-10-01"), an app's says it is when it expires, and an Ads / Brand Registry
// role reads as its label (編集者, not EDITOR). The report used to print the stored codes and a bare "→ date".
import { enumLabel } from "@/lib/i18n/enum-label";
import type { Locale } from "@/lib/i18n/locales";
import { itemDetailText } from "@/lib/reviews/item-detail-text";
import type { ReportT } from "./labels";

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** "Accepted 2026-10-01", "Link sent … (not accepted)" or "No link sent (not accepted)". */
export const partnerDetail = (p: { acceptedAt: Date | null; linkSentAt: Date | null }, locale: Locale) =>
  itemDetailText("PARTNER", { acceptedAt: day(p.acceptedAt), linkSentAt: day(p.linkSentAt) }, locale);

/** "Developer · Expires 2027-08-29"; either part left out when it is not known, never a dangling separator. */
export const appDetail = (p: { developer: string | null; expiresAt: Date | null }, locale: Locale) =>
  itemDetailText("APP", { developer: p.developer, expiresAt: day(p.expiresAt) }, locale);

/** An Ads / Brand Registry role in words; a role typed by hand stays as typed. */
export const otherRoleLabel = (t: ReportT, role: string) => enumLabel(t, "otherRole", role);
