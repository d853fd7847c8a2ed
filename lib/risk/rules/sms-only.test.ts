import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, method, primaryLogin, snapshot } from "../test-factory";

const withAdminMethods = (twoStep: ReturnType<typeof method>[], status: "ACTIVE" | "REMOVED" = "ACTIVE") =>
  snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep, status })] })] });

describe("SMS_ONLY", () => {
  it("fires when every method is SMS or voice", () => {
    const snap = withAdminMethods([method("SMS", "PRIMARY", "d-1"), method("VOICE", "BACKUP", "d-2")]);
    const [finding] = findingsOf("SMS_ONLY", snap);
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "login", id: "l-admin" } });
    expect(finding.evidence).toBe("every 2SV method of secondary login l-admin (l-admin@example.com) is by phone (SMS, VOICE); no authenticator app");
  });

  it("fires for a single SMS method too", () => {
    expect(findingsOf("SMS_ONLY", withAdminMethods([method("SMS", "PRIMARY", "d-1")]))).toHaveLength(1);
  });

  it("does not fire with an authenticator app, nor without any method", () => {
    expect(findingsOf("SMS_ONLY", withAdminMethods([method("SMS", "PRIMARY", "d-1"), method("AUTHENTICATOR_APP", "BACKUP", "d-2")]))).toEqual([]);
    expect(findingsOf("SMS_ONLY", withAdminMethods([]))).toEqual([]);
  });

  it("ignores non-active logins", () => {
    expect(findingsOf("SMS_ONLY", withAdminMethods([method("SMS", "PRIMARY", "d-1")], "REMOVED"))).toEqual([]);
  });
});
