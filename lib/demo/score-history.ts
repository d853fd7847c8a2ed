import { addDays } from "@/lib/dates";

// The demo's score history: what the last 90 days could have looked like for an agency that has been
// cleaning up. A score only moves when a finding opens or resolves, so each account's history is flat
// stretches joined by steps of one finding's weight (1, 5, 15 or 40 points, as lib/risk scores them),
// mostly upwards (more findings resolved than opened), ending at the account's score today. Seeded by
// the account's id, so the same demo always draws the same lines.

export const DEMO_HISTORY_DAYS = 90;

const STEPS = [1, 5, 5, 15, 15, 15, 40] as const;

/** A small deterministic generator (mulberry32) seeded from a string: no Math.random in the demo. */
function randomFrom(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One score per day for the `days` days ending on `today` (oldest first), the last one `todayScore`.
 * Walking back from today, each change day undoes one finding's step: usually one resolved (the score
 * was lower before it), sometimes one opened (higher before it), never outside 0–100.
 */
export function demoScoreHistory(accountId: string, todayScore: number, today: string, days = DEMO_HISTORY_DAYS): { day: string; score: number }[] {
  const random = randomFrom(accountId);
  // About a third of the accounts held steady all quarter; the others changed two to five times.
  const changes = random() < 0.35 ? 0 : 2 + Math.floor(random() * 4);
  const changeDays = new Set<number>();
  while (changeDays.size < changes) changeDays.add(1 + Math.floor(random() * (days - 2)));
  const scores: number[] = new Array(days);
  let score = todayScore;
  scores[days - 1] = score;
  // i days before today; a change on day i means the score before day i differed from the score on it.
  for (let i = 1; i < days; i++) {
    if (changeDays.has(i)) {
      const step = STEPS[Math.floor(random() * STEPS.length)];
      const resolved = random() < 0.7;
      const before = resolved ? score - step : score + step;
      score = before < 0 || before > 100 ? (resolved ? score + step : score - step) : before;
      score = Math.min(100, Math.max(0, score));
    }
    scores[days - 1 - i] = score;
  }
  return scores.map((s, i) => ({ day: addDays(today, i - (days - 1)), score: s }));
}
