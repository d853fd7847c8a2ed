import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, primaryLogin, snapshot } from "../test-factory";

describe("PASSWORD_REUSED", () => {
  it("fires for any active login with reuse attested", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin({ passwordReused: true }), adminLogin({ passwordReused: true })] })] });
    const findings = findingsOf("PASSWORD_REUSED", snap);
    expect(findings.map((f) => [f.severity, f.subject.type, f.subject.id])).toEqual([
      ["high", "login", "l-admin"],
      ["high", "login", "l-owner"],
    ]);
    expect(findings[1].evidence).toBe("the password of primary login l-owner (l-owner@example.com) is attested as reused elsewhere");
  });

  it("does not fire without attestation or for non-active logins", () => {
    expect(findingsOf("PASSWORD_REUSED", snapshot())).toEqual([]);
    const removed = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin(), adminLogin({ id: "l-old", status: "REMOVED", passwordReused: true })] })] });
    expect(findingsOf("PASSWORD_REUSED", removed)).toEqual([]);
  });
});
