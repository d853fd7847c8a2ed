import { html, type SafeHtml } from "@/lib/html/safe-html";

export function scoreTone(score: number): string {
  if (score >= 90) return "bg-emerald-100 text-emerald-900";
  if (score >= 70) return "bg-amber-100 text-amber-900";
  if (score >= 40) return "bg-orange-100 text-orange-900";
  return "bg-red-100 text-red-900";
}

// The badge's shape is one class (globals.css, `.score-badge`): a table shows one per row, and each row's
// markup travels twice (HTML and flight, decision 033).
export function ScoreBadge({ score, label, testId }: { score: number; label?: string; testId?: string }) {
  return (
    <span className={`score-badge ${scoreTone(score)}`} aria-label={label ? `${label} ${score}` : undefined} data-testid={testId}>
      {score}
    </span>
  );
}

/** The same badge as markup, for a table body written as one string (DataTable's bodyAsHtml, decision 051). */
export function scoreBadgeHtml(score: number, testId?: string): SafeHtml {
  return testId ? html`<span class="score-badge ${scoreTone(score)}" data-testid="${testId}">${score}</span>` : html`<span class="score-badge ${scoreTone(score)}">${score}</span>`;
}
