import type { LocalizedText, Severity } from "./types";

export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = { critical: 40, high: 15, medium: 5, low: 1 };

/** 100 − 40·critical − 15·high − 5·medium − 1·low, floored at 0. */
export function scoreFindings(findings: readonly { severity: Severity }[]): number {
  let score = 100;
  for (const finding of findings) score -= SEVERITY_PENALTY[finding.severity];
  return Math.max(0, score);
}

/**
 * A client's or portfolio's score: the plain mean of its account scores, rounded half up, so every account
 * weighs the same whatever its size. null for no accounts: "no data" must not read as a perfect 100.
 */
export function aggregateScore(accountScores: readonly number[]): number | null {
  if (accountScores.length === 0) return null;
  let sum = 0;
  for (const score of accountScores) sum += score;
  return Math.round(sum / accountScores.length);
}

export const SCORE_FORMULA: Readonly<LocalizedText> = Object.freeze({
  en: "Score = 100 − 40 per critical − 15 per high − 5 per medium − 1 per low finding, never below 0. A group of accounts scores the average of its accounts, rounded to a whole number.",
  ja: "スコア = 100 − 緊急 × 40 − 高 × 15 − 中 × 5 − 低 × 1(0 未満にはなりません)。複数のアカウントのスコアは、各アカウントのスコアの平均を四捨五入した値です。",
});
