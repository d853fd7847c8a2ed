import { html, type SafeHtml } from "@/lib/html/safe-html";

// The badge's utilities are one short class in app/globals.css (decision 057): the account page's permission
// matrix repeats it in every cell of markup that page sends twice.
const LEVELS = new Set(["NONE", "VIEW", "VIEW_EDIT", "ADMIN"]);
const badgeClass = (level: string) => `level-${LEVELS.has(level) ? level : "NONE"}`;

export function LevelBadge({ level, label }: { level: string; label: string }) {
  return <span className={badgeClass(level)}>{label}</span>;
}

/** The same badge as markup (lib/html, decision 052); `spaced` keeps a gap after it when badges follow each other. */
export function levelBadgeHtml(level: string, label: string, spaced = false): SafeHtml {
  return html`<span class="${badgeClass(level)}${spaced ? " mr-1" : ""}">${label}</span>`;
}
