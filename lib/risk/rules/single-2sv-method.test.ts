import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, healthyMethods, method, primaryLogin, snapshot } from "../test-factory";

describe("SINGLE_2SV_METHOD", () => {
  it("fires for a login with exactly one method", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep: [method("SMS", "PRIMARY", "d-p")] })] })] });
    const findings = findingsOf("SINGLE_2SV_METHOD", snap);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "high", subject: { type: "login", id: "l-admin" } });
    expect(findings[0].evidence).toBe("secondary login l-admin (l-admin@example.com) has a single 2SV method (SMS on device d-p) and no backup");
    expect(findings[0].evidenceData).toMatchObject({ methodCount: 1, methodKind: "SMS", deviceId: "d-p" });
  });

  it("does not fire with two methods or with none", () => {
    expect(findingsOf("SINGLE_2SV_METHOD", snapshot())).toEqual([]);
    const none = snapshot({ accounts: [account({ logins: [primaryLogin({ twoStep: [] }), adminLogin()] })] });
    expect(findingsOf("SINGLE_2SV_METHOD", none)).toEqual([]);
  });

  it("fires for the primary login too", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin({ twoStep: healthyMethods("p-owner").slice(0, 1) }), adminLogin()] })] });
    expect(findingsOf("SINGLE_2SV_METHOD", snap).map((f) => f.subject.id)).toEqual(["l-owner"]);
  });

  it.each(["INVITED", "DISABLED", "REMOVED"] as const)("ignores %s logins", (status) => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ status, twoStep: [method("SMS", "PRIMARY", "d-p")] })] })] });
    expect(findingsOf("SINGLE_2SV_METHOD", snap)).toEqual([]);
  });
});
