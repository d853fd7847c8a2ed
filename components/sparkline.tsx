/** A small score trend (0–100) as inline SVG: no chart library shipped to the browser. */
export function Sparkline({ points, label }: { points: { day: string; score: number }[]; label: string }) {
  const width = 160;
  const height = 36;
  if (points.length === 0) return null;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - (p.score / 100) * height).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <title>{label}</title>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" className="text-blue-700" />
      {points.length === 1 && <circle cx={0} cy={height - (points[0].score / 100) * height} r={3} className="fill-blue-700" />}
    </svg>
  );
}
