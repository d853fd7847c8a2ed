import type { IgnoredFilter, IgnoredReason } from "@/lib/validation/ignored-filters";
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
  }
}

/** One sentence per filter a page did not apply, in the reader's language: "Ignored filter severity=CRITICAL: not one of …". */
export function ignoredFilterSentences(ignored: readonly IgnoredFilter[], t: Translate): string[] {
  return ignored.map(({ name, value, reason }) => t("filters.ignored", { name, value, reason: reasonText(reason, t) }));
}
