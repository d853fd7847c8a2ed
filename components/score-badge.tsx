export function scoreTone(score: number): string {
  if (score >= 90) return "bg-emerald-100 text-emerald-900";
  if (score >= 70) return "bg-amber-100 text-amber-900";
  if (score >= 40) return "bg-orange-100 text-orange-900";
  return "bg-red-100 text-red-900";
}

export function ScoreBadge({ score, label }: { score: number; label?: string }) {
  return (
    <span className={`inline-block min-w-10 rounded px-2 py-0.5 text-center font-semibold tabular-nums ${scoreTone(score)}`} aria-label={label ? `${label} ${score}` : undefined}>
      {score}
    </span>
  );
}
