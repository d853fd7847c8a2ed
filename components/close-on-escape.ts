import type { KeyboardEvent } from "react";

/**
 * Escape closes the open `<details>` it is pressed in and gives the focus back to its summary, as a menu or a
 * dialog does (a `<details>` alone ignores it; probe 45, L3). One handler for every fold: the column menu, the
 * page's disclosures and every folded form (ActionForm's fold, so "Accept this risk…", "Record decision…" and
 * each DangerFold). An Escape something inside already answered (a picker closing its list) is left to it, and
 * only the innermost open fold closes.
 */
export function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  if (event.key !== "Escape" || event.defaultPrevented || !event.currentTarget.open) return;
  event.preventDefault();
  event.stopPropagation();
  event.currentTarget.open = false;
  event.currentTarget.querySelector<HTMLElement>(":scope > summary")?.focus();
}
