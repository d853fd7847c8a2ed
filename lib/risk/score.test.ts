import { describe, expect, it } from "vitest";
import { aggregateScore, SCORE_FORMULA, scoreFindings } from "./score";
import type { Severity } from "./types";

const of = (...severities: Severity[]) => severities.map((severity) => ({ severity }));

describe("scoreFindings", () => {
  it.each([
    [of(), 100],
    [of("critical"), 60],
    [of("high"), 85],
    [of("medium"), 95],
    [of("low"), 99],
    [of("critical", "high", "medium", "low"), 39],
    [of("critical", "critical", "high"), 5],
    [of("critical", "critical", "critical"), 0],
  ])("%j → %i", (findings, score) => {
    expect(scoreFindings(findings)).toBe(score);
  });
});

describe("aggregateScore", () => {
  it("is the rounded mean of the account scores", () => {
    expect(aggregateScore([100, 0, 35])).toBe(45);
    expect(aggregateScore([99, 100])).toBe(100); // 99.5 rounds half up
    expect(aggregateScore([60])).toBe(60);
  });

  it("is null for no accounts", () => {
    expect(aggregateScore([])).toBeNull();
  });

  it("documents the formula in both languages", () => {
    expect(SCORE_FORMULA.en).toContain("100 − 40 per critical − 15 per high − 5 per medium − 1 per low");
    expect(SCORE_FORMULA.ja).toContain("緊急 × 40");
  });
});
