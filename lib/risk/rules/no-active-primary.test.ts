import { describe, expect, it } from "vitest";
import { evaluateSnapshot } from "../evaluate";
import { AS_OF, account, adminLogin, daysAgo, findingsOf, person, primaryLogin, snapshot } from "../test-factory";

describe("NO_ACTIVE_PRIMARY", () => {
  it.each([
    ["INVITED", "no active primary login: primary login l-owner (l-owner@example.com) is INVITED"],
    ["DISABLED", "no active primary login: primary login l-owner (l-owner@example.com) is DISABLED"],
    ["REMOVED", "no active primary login: primary login l-owner (l-owner@example.com) is REMOVED"],
  ] as const)("fires on the account when its only primary login is %s", (status, evidence) => {
    const [finding, ...rest] = findingsOf("NO_ACTIVE_PRIMARY", snapshot({ accounts: [account({ logins: [primaryLogin({ status }), adminLogin()] })] }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "critical",
      subject: { type: "account", id: "acc-1" },
      evidence,
      evidenceData: { primaryCount: 1, loginId: "l-owner", loginStatus: status, personId: "p-owner" },
    });
    expect(finding.remediation.ja).toContain("プライマリーユーザー");
    expect(finding.remediation.en).toMatch(/primary/);
  });

  it("fires when no primary login is recorded at all, even with an active admin", () => {
    const [finding] = findingsOf("NO_ACTIVE_PRIMARY", snapshot({ accounts: [account({ logins: [adminLogin()] })] }));
    expect(finding).toMatchObject({ evidence: "no primary login is recorded for this active account", evidenceData: { primaryCount: 0, loginId: null } });
    expect(findingsOf("NO_ACTIVE_PRIMARY", snapshot({ accounts: [account({ logins: [] })] }))).toHaveLength(1);
  });

  it("does not fire when an active primary login exists, even beside a disabled one", () => {
    expect(findingsOf("NO_ACTIVE_PRIMARY", snapshot())).toEqual([]);
    const old = primaryLogin({ id: "l-old", status: "DISABLED" });
    expect(findingsOf("NO_ACTIVE_PRIMARY", snapshot({ accounts: [account({ logins: [old, primaryLogin()] })] }))).toEqual([]);
  });

  it("lists every inactive primary login in the evidence", () => {
    const logins = [primaryLogin({ status: "DISABLED" }), primaryLogin({ id: "l-next", email: null, status: "INVITED" })];
    const [finding] = findingsOf("NO_ACTIVE_PRIMARY", snapshot({ accounts: [account({ logins })] }));
    expect(finding.evidence).toBe("no active primary login: primary login l-owner (l-owner@example.com) is DISABLED; primary login l-next is INVITED");
    expect(finding.evidenceData.primaryLogins).toBe("l-owner:DISABLED,l-next:INVITED");
  });

  it.each(["SUSPENDED", "DEACTIVATED"] as const)("leaves a %s account to SUSPENDED", (status) => {
    const snap = snapshot({ accounts: [account({ status, logins: [primaryLogin({ status: "DISABLED" })] })] });
    expect(findingsOf("NO_ACTIVE_PRIMARY", snap)).toEqual([]);
    expect(findingsOf("SUSPENDED", snap)).toHaveLength(1);
  });

  it("turns the issue's case (a departed owner's only primary login disabled) into a critical finding that lowers the score", () => {
    const snap = snapshot({
      people: [person("p-owner", { departedAt: daysAgo(3) })],
      accounts: [account({ logins: [primaryLogin({ status: "DISABLED" }), adminLogin()] })],
    });
    const [result] = evaluateSnapshot(snap, { asOf: AS_OF }).accounts;
    expect(result.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(["critical NO_ACTIVE_PRIMARY", "medium SINGLE_ADMIN"]);
    expect(result.score).toBe(100 - 40 - 5);
  });
});
