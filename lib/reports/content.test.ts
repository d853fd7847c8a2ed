import { describe, expect, it } from "vitest";
import { diffSummaries, emptySummary, summariseAccount, type ReportAccount } from "./content";

const account = (over: Partial<ReportAccount> = {}): ReportAccount => ({
  id: "a1", storeName: "Kumo", sellerId: "A1", score: 70,
  findings: [{ ruleId: "NO_2SV", rule: "No 2SV", severity: "critical", subject: "Taro <taro@kumo.example>", evidence: "…", remediation: "…", firstSeen: "2026-11-01" }],
  accepted: [],
  access: [{ kind: "login", holder: "Taro <taro@kumo.example>", level: "ADMIN", detail: "" }],
  ...over,
});
const title = (id: string) => `T:${id}`;
const kind = (k: string) => `K:${k}`;

describe("changes since the previous report", () => {
  it("say nothing for a first report", () => {
    const now = emptySummary("2026-12-04T00:00:00.000Z", 70);
    summariseAccount(now, account());
    expect(diffSummaries(null, now, title, kind)).toEqual({ since: null, score: null, items: [] });
  });

  it("list new and resolved findings, added and removed access, and the score move", () => {
    const before = emptySummary("2026-11-01T00:00:00.000Z", 60);
    summariseAccount(before, account());
    const now = emptySummary("2026-12-04T00:00:00.000Z", 80);
    summariseAccount(now, account({
      findings: [{ ruleId: "SMS_ONLY", rule: "SMS", severity: "medium", subject: "Hana", evidence: "", remediation: "", firstSeen: "2026-12-01" }],
      access: [{ kind: "partner", holder: "Blue Ocean Ads", level: "", detail: "" }],
    }));
    const changes = diffSummaries(before, now, title, kind);
    expect(changes.since).toBe("2026-11-01T00:00:00.000Z");
    expect(changes.score).toEqual({ before: 60, now: 80 });
    expect(changes.items).toEqual([
      { kind: "findingNew", account: "Kumo", item: "T:SMS_ONLY — Hana" },
      { kind: "findingResolved", account: "Kumo", item: "T:NO_2SV — Taro <taro@kumo.example>" },
      { kind: "accessAdded", account: "Kumo", item: "K:partner: Blue Ocean Ads" },
      { kind: "accessRemoved", account: "Kumo", item: "K:login: Taro <taro@kumo.example>" },
    ]);
  });
});
