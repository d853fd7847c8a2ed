import { describe, expect, it } from "vitest";
import { account, app, daysFromNow, findingsOf, snapshot } from "../test-factory";

const withExpiry = (days: number | null) =>
  snapshot({ accounts: [account({ apps: [app("app-1", { name: "RepricerX", expiresAt: days === null ? null : daysFromNow(days) })] })] });

describe("APP_AUTH_EXPIRING", () => {
  it.each([
    [31, null],
    [30, "low"],
    [1, "low"],
    [0, "low"],
    [-1, "medium"],
    [-200, "medium"],
  ] as const)("%i days to expiry → %s", (days, severity) => {
    expect(findingsOf("APP_AUTH_EXPIRING", withExpiry(days)).map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it.each([
    [12, 'authorisation of app "RepricerX" expires in 12 days on 2026-12-05'],
    [0, 'authorisation of app "RepricerX" expires today (2026-11-23)'],
    [-1, 'authorisation of app "RepricerX" expired 1 day ago on 2026-11-22'],
  ])("evidence for %i days", (days, evidence) => {
    const [finding] = findingsOf("APP_AUTH_EXPIRING", withExpiry(days));
    expect(finding.evidence).toBe(evidence);
    expect(finding.subject).toEqual({ type: "app", id: "app-1" });
    expect(finding.evidenceData.daysToExpiry).toBe(days);
  });

  it("ignores apps without an expiry date and uses appExpiryWarnDays", () => {
    expect(findingsOf("APP_AUTH_EXPIRING", withExpiry(null))).toEqual([]);
    expect(findingsOf("APP_AUTH_EXPIRING", withExpiry(45), { appExpiryWarnDays: 60 })).toHaveLength(1);
  });
});
