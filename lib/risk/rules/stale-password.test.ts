import { describe, expect, it } from "vitest";
import { account, adminLogin, daysAgo, findingsOf, primaryLogin, snapshot } from "../test-factory";

const withPasswordAge = (age: number | null, overrides: Parameters<typeof primaryLogin>[0] = {}) =>
  snapshot({ accounts: [account({ logins: [primaryLogin({ passwordChangedAt: age === null ? null : daysAgo(age), ...overrides }), adminLogin()] })] });

describe("STALE_PASSWORD", () => {
  it.each([
    [89, null],
    [90, "medium"],
    [91, "medium"],
    [179, "medium"],
    [180, "high"],
    [400, "high"],
  ] as const)("password %i days old → %s", (age, severity) => {
    const findings = findingsOf("STALE_PASSWORD", withPasswordAge(age));
    expect(findings.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("states the age and the date, on the primary login", () => {
    const [finding] = findingsOf("STALE_PASSWORD", withPasswordAge(212));
    expect(finding.subject).toEqual({ type: "login", id: "l-owner" });
    expect(finding.evidence).toBe("password of primary login l-owner (l-owner@example.com) changed 212 days ago on 2026-04-25");
    expect(finding.evidenceData).toMatchObject({ ageDays: 212, passwordChangedAt: "2026-04-25", thresholdDays: 180 });
  });

  it("is not evaluated when the date is unknown, on secondary logins, or on non-active logins", () => {
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(null))).toEqual([]);
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(300, { status: "DISABLED" }))).toEqual([]);
    const secondary = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ passwordChangedAt: daysAgo(300) })] })] });
    expect(findingsOf("STALE_PASSWORD", secondary)).toEqual([]);
  });

  it("stalePasswordDays 0 turns the rule off; stalePasswordHighDays 0 only the high tier", () => {
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(500), { stalePasswordDays: 0 })).toEqual([]);
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(500), { stalePasswordHighDays: 0 }).map((f) => f.severity)).toEqual(["medium"]);
  });

  it("takes thresholds from settings", () => {
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(31), { stalePasswordDays: 30, stalePasswordHighDays: 60 })[0].severity).toBe("medium");
    expect(findingsOf("STALE_PASSWORD", withPasswordAge(60), { stalePasswordDays: 30, stalePasswordHighDays: 60 })[0].severity).toBe("high");
  });
});
