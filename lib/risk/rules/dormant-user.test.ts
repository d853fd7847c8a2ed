import { describe, expect, it } from "vitest";
import { account, adminLogin, daysAgo, findingsOf, primaryLogin, snapshot } from "../test-factory";

const withAdmin = (overrides: Parameters<typeof adminLogin>[0]) =>
  snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin(overrides)] })] });

describe("DORMANT_USER", () => {
  it.each([
    [89, false],
    [90, true],
    [91, true],
  ])("last login %i days ago → fires: %s", (age, fires) => {
    expect(findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: daysAgo(age) }))).toHaveLength(fires ? 1 : 0);
  });

  it("states when the user last logged in", () => {
    const [finding] = findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: daysAgo(120) }));
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "login", id: "l-admin" } });
    expect(finding.evidence).toBe("secondary login l-admin (l-admin@example.com) last logged in 120 days ago on 2026-07-26");
  });

  it.each([
    [29, false],
    [30, true],
  ])("never logged in, accepted %i days ago → fires: %s", (age, fires) => {
    const findings = findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: null, acceptedAt: daysAgo(age) }));
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0].evidence).toBe("secondary login l-admin (l-admin@example.com) has never logged in since accepting the invitation 30 days ago on 2026-10-24");
  });

  it("does not fire when neither date is known, for the primary login, or for non-active logins", () => {
    expect(findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: null, acceptedAt: null }))).toEqual([]);
    expect(findingsOf("DORMANT_USER", withAdmin({ status: "DISABLED", lastLoginAt: daysAgo(400) }))).toEqual([]);
    const primary = snapshot({ accounts: [account({ logins: [primaryLogin({ lastLoginAt: daysAgo(170) }), adminLogin()] })] });
    expect(findingsOf("DORMANT_USER", primary)).toEqual([]);
  });

  it("uses the configured thresholds", () => {
    expect(findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: daysAgo(40) }), { dormantUserDays: 30 })).toHaveLength(1);
    expect(findingsOf("DORMANT_USER", withAdmin({ lastLoginAt: null, acceptedAt: daysAgo(10) }), { neverLoggedInGraceDays: 7 })).toHaveLength(1);
  });
});
