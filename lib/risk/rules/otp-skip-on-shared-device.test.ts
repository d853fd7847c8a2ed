import { describe, expect, it } from "vitest";
import { account, adminLogin, device, findingsOf, method, primaryLogin, snapshot } from "../test-factory";

const shared = [method("SMS", "PRIMARY", "d-office"), method("AUTHENTICATOR_APP", "BACKUP", "d-own")];
const build = (skipOtpOnBrowser: boolean, adminShares = true) =>
  snapshot({
    devices: [device("d-office", { label: "Office PC phone", skipOtpOnBrowser })],
    accounts: [
      account({
        logins: [
          primaryLogin({ twoStep: [method("SMS", "PRIMARY", "d-office"), method("AUTHENTICATOR_APP", "BACKUP", "d-owner-app")] }),
          adminLogin(adminShares ? { twoStep: shared } : {}),
        ],
      }),
    ],
  });

describe("OTP_SKIP_ON_SHARED_DEVICE", () => {
  it("fires on a shared device that skips the code", () => {
    const [finding, ...rest] = findingsOf("OTP_SKIP_ON_SHARED_DEVICE", build(true));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "device", id: "d-office" } });
    expect(finding.evidence).toBe(
      'device d-office ("Office PC phone", PHONE) skips the code ("don\'t require a code on this browser") and is a 2SV method of 2 people\'s logins (p-admin, p-owner); on this account: l-admin, l-owner',
    );
  });

  it("does not fire when the code is required, or when one person uses the device", () => {
    expect(findingsOf("OTP_SKIP_ON_SHARED_DEVICE", build(false))).toEqual([]);
    expect(findingsOf("SHARED_2SV_DEVICE", build(false))).toHaveLength(1);
    expect(findingsOf("OTP_SKIP_ON_SHARED_DEVICE", build(true, false))).toEqual([]);
  });
});
