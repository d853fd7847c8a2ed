// The portfolio's daily score as inline SVG, drawn on the server: no chart library reaches the browser.
// The picture repeats what the label says in words, so a screen reader loses nothing.

const W = 640;
const H = 180;
const PAD = { left: 32, right: 12, top: 10, bottom: 24 };

export function ScoreTrendChart({ points, label }: { points: { day: string; score: number }[]; label: string }) {
  if (points.length === 0) return null;
  if (points.length === 1) {
    // One day of history draws no line: the score as a number, with its day, rather than a lone dot.
    return (
      <p role="img" aria-label={label} className="flex items-baseline gap-3" data-testid="score-trend-single">
        <span className="text-4xl font-semibold tabular-nums text-blue-800">{points[0].score}</span>
        <span className="text-sm text-slate-600 tabular-nums">{points[0].day}</span>
      </p>
    );
  }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (i * innerW) / (points.length - 1);
  const y = (score: number) => PAD.top + innerH - (score / 100) * innerH;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  const area = `${d} L${x(points.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl" data-testid="score-trend">
      <title>{label}</title>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" strokeDasharray={v === 0 ? undefined : "4 4"} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#475569">{v}</text>
        </g>
      ))}
      <path d={area} fill="#1d4ed8" opacity="0.08" />
      <path d={d} fill="none" stroke="#1d4ed8" strokeWidth="2" strokeLinejoin="round" />
      <text x={PAD.left} y={H - 6} fontSize="11" fill="#475569">{points[0].day}</text>
      <text x={W - PAD.right} y={H - 6} fontSize="11" fill="#475569" textAnchor="end">{points.at(-1)!.day}</text>
    </svg>
  );
}
