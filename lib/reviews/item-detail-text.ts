import { interpolate } from "@/lib/i18n/format";
import { enumLabel } from "@/lib/i18n/enum-label";
import type { Locale } from "@/lib/i18n/locales";
import { messages, type MessageKey } from "@/lib/i18n/messages";
import { TOOL_CATALOGUE } from "@/lib/risk/tools";
import type { GrantLevel, ItemKind } from "./types";

// A review item's frozen detail (lib/db/reviews/freeze.ts) in the reader's words. The stored detail keeps
// its codes (it is evidence); only this rendering changes, for the campaign page and the evidence pack alike.
// A code the catalogue no longer knows (a retired tool, a free-text console role) is shown as it was stored.

const toolNames = new Map<string, { nameEn: string; nameJa: string }>(TOOL_CATALOGUE.tools.map((tool) => [tool.id, tool]));

/** The reader's name for a Seller Central tool id, as the account page's matrix shows it. */
export function toolName(id: string, locale: Locale): string {
  const tool = toolNames.get(id);
  return tool ? (locale === "ja" ? tool.nameJa : tool.nameEn) : id;
}

/** One grant as "tool (marketplace): level". */
export function grantText(grant: GrantLevel, locale: Locale): string {
  const t = translate(locale);
  return `${toolName(grant.tool, locale)}${grant.marketplace ? ` (${grant.marketplace})` : ""}: ${enumLabel(t, "level", grant.level)}`;
}

function translate(locale: Locale) {
  const catalogue = messages[locale];
  return (key: MessageKey, vars?: Record<string, string | number>) => interpolate(catalogue[key], vars, locale);
}

/**
 * What an item is, in the reader's words. An Ads / Brand Registry access is stored as "Vendor (ADS)" (its label is
 * evidence and keeps the code, like the detail); it reads as its person and console from the frozen detail, which
 * every such item has carried since campaigns began. The other kinds' labels are already names (an e-mail, a
 * person, a company, an app), and an item without that detail keeps its stored label.
 */
export function itemLabel(item: { kind: ItemKind; label: string; detail: Record<string, unknown> }, locale: Locale): string {
  const { person, console: code } = item.detail;
  if (item.kind !== "OTHER_ACCESS" || typeof person !== "string" || person === "" || typeof code !== "string" || code === "") return item.label;
  const t = translate(locale);
  return t("reviews.item.otherAccess", { person, console: enumLabel(t, "console", code) });
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** What the item was at the start, as one line: " · " between facts, ", " between grants. */
export function itemDetailText(kind: ItemKind, detail: Record<string, unknown>, locale: Locale): string {
  const t = translate(locale);
  if (kind === "LOGIN") {
    const grants = ((detail.grants as GrantLevel[] | undefined) ?? []).map((g) => grantText(g, locale)).join(", ");
    return [enumLabel(t, "loginRole", detail.role), enumLabel(t, "loginStatus", detail.status), text(detail.person), grants].filter(Boolean).join(" · ");
  }
  if (kind === "PARTNER") {
    return detail.acceptedAt ? t("reviews.detail.accepted", { date: text(detail.acceptedAt) }) : (text(detail.linkSentAt) ? t("reviews.detail.linkSent", { date: text(detail.linkSentAt) }) : t("reviews.detail.notSent"));
  }
  if (kind === "APP") {
    return [text(detail.developer), detail.expiresAt ? t("reviews.detail.expires", { date: text(detail.expiresAt) }) : ""].filter(Boolean).join(" · ");
  }
  return [enumLabel(t, "console", detail.console), enumLabel(t, "otherRole", detail.role)].filter(Boolean).join(" · ");
}
