import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, method, primaryLogin, snapshot } from "../test-factory";

describe("NO_2SV", () => {
  it("fires for an active login without any 2SV method, naming the login", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep: [] })] })] });
    const [finding, ...rest] = findingsOf("NO_2SV", snap);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "critical", accountId: "acc-1", subject: { type: "login", id: "l-admin" } });
    expect(finding.evidence).toBe("secondary login l-admin (l-admin@example.com) has no 2-step verification method");
    expect(finding.evidenceData).toMatchObject({ loginId: "l-admin", methodCount: 0 });
  });

  it("does not fire when the login has one method, and never together with SINGLE_2SV_METHOD", () => {
    const one = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep: [method("AUTHENTICATOR_APP", "PRIMARY", "d-a")] })] })] });
    expect(findingsOf("NO_2SV", one)).toEqual([]);
    const none = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep: [] })] })] });
    expect(findingsOf("SINGLE_2SV_METHOD", none)).toEqual([]);
  });

  it.each(["INVITED", "DISABLED", "REMOVED"] as const)("ignores %s logins", (status) => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin(), adminLogin({ id: "l-x", status, twoStep: [] })] })] });
    expect(findingsOf("NO_2SV", snap)).toEqual([]);
  });
});
