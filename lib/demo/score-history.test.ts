import { describe, expect, it } from "vitest";
import { evaluateSnapshot } from "@/lib/risk";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { buildDemoPortfolio } from "./demo-snapshot";
import { DEMO_HISTORY_DAYS, demoScoreHistory } from "./score-history";

const today = "2026-11-23";

describe("the demo's score history", () => {
  it("has one score per day for 90 days, oldest first, ending today at today's score", () => {
    const history = demoScoreHistory("acc-7", 64, today);
    expect(history).toHaveLength(DEMO_HISTORY_DAYS);
    expect(history[0].day).toBe("2026-08-26");
    expect(history.at(-1)).toEqual({ day: today, score: 64 });
    for (let i = 1; i < history.length; i++) expect(Date.parse(history[i].day) - Date.parse(history[i - 1].day)).toBe(86_400_000);
  });

  it("is the same for the same account and day, and differs between accounts", () => {
    expect(demoScoreHistory("acc-7", 64, today)).toEqual(demoScoreHistory("acc-7", 64, today));
    const shapes = new Set(["acc-1", "acc-2", "acc-3", "acc-4", "acc-5", "acc-6"].map((id) => JSON.stringify(demoScoreHistory(id, 64, today).map((p) => p.score))));
    expect(shapes.size).toBeGreaterThan(1);
  });

  it("stays within 0–100 and moves only by one finding's weight at a time", () => {
    for (const [id, score] of [["a", 0], ["b", 100], ["c", 1], ["d", 99], ["e", 40], ["f", 55]] as const) {
      for (let n = 0; n < 20; n++) {
        const scores = demoScoreHistory(`${id}-${n}`, score, today).map((p) => p.score);
        for (const s of scores) expect(s >= 0 && s <= 100).toBe(true);
        for (let i = 1; i < scores.length; i++) expect([0, 1, 5, 15, 40]).toContain(Math.abs(scores[i] - scores[i - 1]));
      }
    }
  });

  it("gives the demo portfolio a trend that moves and mostly improves", () => {
    const snapshot = snapshotSchema.parse(buildDemoPortfolio(today).snapshot);
    const scores = evaluateSnapshot(snapshot, { asOf: today }).accounts.map((a) => demoScoreHistory(a.id, a.score, today));
    const mean = (day: number) => scores.reduce((n, h) => n + h[day].score, 0) / scores.length;
    expect(scores.filter((h) => new Set(h.map((p) => p.score)).size > 1).length).toBeGreaterThanOrEqual(scores.length / 2);
    expect(mean(0)).toBeLessThan(mean(DEMO_HISTORY_DAYS - 1));
  });
});
