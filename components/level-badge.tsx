import { html, type SafeHtml } from "@/lib/html/safe-html";

const TONES: Record<string, string> = {
  NONE: "bg-slate-100 text-slate-700",
  VIEW: "bg-sky-100 text-sky-900",
  VIEW_EDIT: "bg-amber-100 text-amber-900",
  ADMIN: "bg-red-100 text-red-900",
};

export function LevelBadge({ level, label }: { level: string; label: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONES[level] ?? TONES.NONE}`}>{label}</span>;
}

/** The same badge as markup, for a section written as one string (decision 053). */
export function levelBadgeHtml(level: string, label: string): SafeHtml {
  return html`<span class="inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONES[level] ?? TONES.NONE}">${label}</span>`;
}
