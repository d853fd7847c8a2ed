/** A small score trend (0–100) as inline SVG: no chart library shipped to the browser. */
export function Sparkline({ points, label }: { points: { day: string; score: number }[]; label: string }) {
  const width = 160;
  const height = 36;
  if (points.length === 0) return null;
  if (points.length === 1) {
    // One day of history is no trend yet: say since when it is recorded, not a stray dot.
    return (
      <p className="text-xs text-slate-600 tabular-nums" data-testid="sparkline-single">
        <span className="sr-only">{label}: </span>{points[0].day}: {points[0].score}
      </p>
    );
  }
  const step = width / (points.length - 1);
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - (p.score / 100) * height).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <title>{label}</title>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" className="text-blue-700" />
    </svg>
  );
}
