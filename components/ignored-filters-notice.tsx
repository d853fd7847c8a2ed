import { Fragment } from "react";
import { ignoredFilterParts, ignoredTitle } from "@/lib/i18n/ignored-filters";
import type { Translate } from "@/lib/i18n/server";
import type { IgnoredFilter } from "@/lib/validation/ignored-filters";

/**
 * Beside a list's filter form: the filters in the link that were not applied, and why. A status, not an alert:
 * it is there when the page loads and interrupts nobody, and one region however many filters it names.
 * Names and values come from the URL; React escapes them, shownValue() has already cut them short, and each sits
 * in a <bdi> so right-to-left letters in it cannot reorder the sentence around it.
 */
export function IgnoredFiltersNotice({ ignored, t }: { ignored: readonly IgnoredFilter[]; t: Translate }) {
  if (ignored.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ignored-filters">
      <p>{ignoredTitle(ignored, t)}</p>
      <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
        {ignoredFilterParts(ignored, t).map((parts, i) => (
          <li key={i}>{parts.map((part, j) => <Fragment key={j}>{typeof part === "string" ? part : <bdi>{part.isolate}</bdi>}</Fragment>)}</li>
        ))}
      </ul>
    </div>
  );
}
