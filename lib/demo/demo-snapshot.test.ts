import { describe, expect, it } from "vitest";
import { evaluateSnapshot, RULE_IDS } from "@/lib/risk";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { buildDemoPortfolio } from "./demo-snapshot";

const today = "2026-11-23";
const portfolio = buildDemoPortfolio(today);
const snapshot = snapshotSchema.parse(portfolio.snapshot);
const result = evaluateSnapshot(snapshot, { asOf: today });

describe("demo portfolio", () => {
  it("is a valid snapshot of 40 accounts in 12 clients with about 150 logins", () => {
    expect(snapshot.accounts).toHaveLength(40);
    expect(portfolio.clients).toHaveLength(12);
    const logins = snapshot.accounts.reduce((n, a) => n + a.logins.length, 0);
    expect(logins).toBeGreaterThanOrEqual(130);
    expect(logins).toBeLessThanOrEqual(170);
  });

  it("makes every rule of the catalogue fire somewhere", () => {
    const fired = new Set(result.accounts.flatMap((a) => a.findings.map((f) => f.rule)));
    expect(RULE_IDS.filter((id) => !fired.has(id))).toEqual([]);
  });

  it("leaves about a quarter of the accounts clean", () => {
    const clean = result.accounts.filter((a) => a.findings.length === 0).length;
    expect(clean).toBeGreaterThanOrEqual(8);
    expect(clean).toBeLessThanOrEqual(12);
  });

  it("is deterministic for a given day", () => {
    expect(buildDemoPortfolio(today)).toEqual(portfolio);
  });
});
