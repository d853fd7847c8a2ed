import { formatDay } from "@/lib/dates-format";
import { html, type SafeHtml } from "@/lib/html/safe-html";

/** A calendar day in a table: never broken at its hyphens (a narrow column would), digits aligned. */
export function Day({ value }: { value: Date | string | null | undefined }) {
  const day = formatDay(value);
  return day === "—" ? <span className="text-slate-500">—</span> : <time dateTime={day} className="whitespace-nowrap tabular-nums">{day}</time>;
}

/** The same day as markup, for a section written as one string (decision 053). */
export function dayHtml(value: Date | string | null | undefined): SafeHtml {
  const day = formatDay(value);
  return day === "—" ? html`<span class="text-slate-500">—</span>` : html`<time dateTime="${day}" class="whitespace-nowrap tabular-nums">${day}</time>`;
}
