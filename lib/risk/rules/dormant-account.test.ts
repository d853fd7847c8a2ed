import { describe, expect, it } from "vitest";
import { evidenceJa } from "../evidence-ja";
import { account, adminLogin, daysAgo, findingsOf, primaryLogin, snapshot } from "../test-factory";

const withLastLogins = (owner: number | null, admin: number | null, adminStatus: "ACTIVE" | "REMOVED" = "ACTIVE") =>
  snapshot({
    accounts: [
      account({
        logins: [
          primaryLogin({ lastLoginAt: owner === null ? null : daysAgo(owner) }),
          adminLogin({ lastLoginAt: admin === null ? null : daysAgo(admin), status: adminStatus }),
        ],
      }),
    ],
  });

describe("DORMANT_ACCOUNT", () => {
  it.each([
    [179, false],
    [180, true],
    [181, true],
  ])("newest login %i days ago → fires: %s", (age, fires) => {
    expect(findingsOf("DORMANT_ACCOUNT", withLastLogins(age, 400))).toHaveLength(fires ? 1 : 0);
  });

  it("uses the newest login over all logins and names it", () => {
    const [finding] = findingsOf("DORMANT_ACCOUNT", withLastLogins(300, 200));
    expect(finding).toMatchObject({ severity: "high", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("the most recent login to the account was 200 days ago on 2026-05-07");
  });

  it("counts a login that was later removed: the account was used then", () => {
    expect(findingsOf("DORMANT_ACCOUNT", withLastLogins(300, 3, "REMOVED"))).toEqual([]);
  });

  it("fires when no login is recorded at all", () => {
    const [finding] = findingsOf("DORMANT_ACCOUNT", withLastLogins(null, null));
    expect(finding.evidence).toBe("no login recorded on any of the account's 2 logins");
    expect(finding.evidenceData.lastLoginAt).toBeNull();
  });

  it("an account with no logins recorded yet still fires (SNAPSHOT.md), its evidence saying the logins are missing, not '0 logins'", () => {
    const [finding] = findingsOf("DORMANT_ACCOUNT", snapshot({ accounts: [account({ logins: [] })] }));
    expect(finding).toMatchObject({ severity: "high", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("no logins are recorded for the account yet, so no sign-in to it can be seen");
    expect(finding.evidence).not.toMatch(/0 logins/);
    expect(finding.evidenceData).toMatchObject({ lastLoginAt: null, noLogins: true });
    expect(finding.remediation.en).toMatch(/If no logins are recorded here yet, add them first/);
    expect(evidenceJa(finding.rule, finding.evidenceData, (id) => id)).toBe("このアカウントのログインがまだ登録されていないため、ログインの有無を確認できません");
  });

  it("uses dormantAccountDays", () => {
    expect(findingsOf("DORMANT_ACCOUNT", withLastLogins(60, 60), { dormantAccountDays: 60 })).toHaveLength(1);
  });
});
