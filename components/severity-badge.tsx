import { html, type SafeHtml } from "@/lib/html/safe-html";

const SEVERITY_TONE: Record<string, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-orange-700 text-white", // orange-600 under white text is 3.6:1, short of WCAG AA for small text
  medium: "bg-amber-300 text-amber-950",
  low: "bg-slate-200 text-slate-800",
};

export function SeverityBadge({ severity, label }: { severity: string; label: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${SEVERITY_TONE[severity] ?? SEVERITY_TONE.low}`}>{label}</span>;
}

/** The same badge as markup, for a section written as one string (decision 053). */
export function severityBadgeHtml(severity: string, label: string): SafeHtml {
  return html`<span class="inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${SEVERITY_TONE[severity] ?? SEVERITY_TONE.low}">${label}</span>`;
}
