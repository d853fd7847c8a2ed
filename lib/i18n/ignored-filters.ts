import type { IgnoredFilter, IgnoredReason } from "@/lib/validation/ignored-filters";
import type { Locale } from "./locales";
import type { Translate } from "./server";

function reasonText(reason: IgnoredReason, t: Translate): string {
  switch (reason.kind) {
    case "oneOf":
      return t("filters.ignoredOneOf", { values: reason.values.join(", ") });
    case "tooLong":
      return t("filters.ignoredTooLong", { max: reason.max });
    case "controlChar":
      return t("filters.ignoredControlChar");
    case "wholeNumber":
      return t("filters.ignoredWholeNumber", { min: reason.min, max: reason.max });
    case "marketplace":
      return t("filters.ignoredMarketplace");
    case "rule":
      return t("filters.ignoredRule");
    case "only":
      return t("filters.ignoredOnly", { value: reason.value });
    case "repeated":
      return t("filters.ignoredRepeated");
  }
}

/** One sentence per filter a page did not apply, in the reader's language: "Ignored filter severity=CRITICAL: not one of …". */
export function ignoredFilterSentences(ignored: readonly IgnoredFilter[], t: Translate): string[] {
  return ignored.map(({ name, value, reason }) => t("filters.ignored", { name, value, reason: reasonText(reason, t) }));
}

/** One filter a download refused, as its error body names it. */
export interface RefusedFilter {
  parameter: string;
  /** Cut short and with control characters replaced, as the page shows it (shownValue). */
  value: string;
  reason: string;
}

/**
 * Why a download was refused, in the reader's language: the page notice's reasons, but said as a refusal (a
 * download that dropped the filter would hand on a file that looks filtered and is not).
 */
export function refusedFilters(ignored: readonly IgnoredFilter[], t: Translate, locale: Locale): { message: string; filters: RefusedFilter[] } {
  const filters = ignored.map(({ name, value, reason }) => ({ parameter: name, value, reason: reasonText(reason, t) }));
  const sentences = [t("filters.refusedTitle", { count: ignored.length }), ...filters.map((f) => t("filters.refused", { name: f.parameter, value: f.value, reason: f.reason }))];
  // Japanese sentences end with 。 and run on without a space.
  return { message: sentences.join(locale === "ja" ? "" : " "), filters };
}
