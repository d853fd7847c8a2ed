import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../validation/snapshot";
import { evaluateSnapshot } from "./evaluate";
import { generateSnapshot } from "./generate";
import { RULE_IDS } from "./types";

describe("generateSnapshot", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateSnapshot(20, 42)).toEqual(generateSnapshot(20, 42));
    expect(generateSnapshot(20, 42)).not.toEqual(generateSnapshot(20, 43));
  });

  it("produces valid snapshots with 3–5 logins per account", () => {
    const snap = generateSnapshot(150, 7);
    expect(snapshotSchema.parse(JSON.parse(JSON.stringify(snap)))).toEqual(snap);
    expect(snap.accounts).toHaveLength(150);
    for (const account of snap.accounts) {
      expect(account.logins.length).toBeGreaterThanOrEqual(3);
      expect(account.logins.length).toBeLessThanOrEqual(5);
    }
  });

  it("exercises every rule somewhere in a large enough portfolio", () => {
    const result = evaluateSnapshot(generateSnapshot(2000, 1), { asOf: "2026-11-23" });
    const seen = new Set(result.accounts.flatMap((a) => a.findings.map((f) => f.rule)));
    expect([...RULE_IDS].filter((id) => !seen.has(id))).toEqual([]);
  });
});
