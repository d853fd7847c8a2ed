import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, method, primaryLogin, snapshot } from "../test-factory";

const withPrimary = (overrides: Parameters<typeof primaryLogin>[0]) =>
  snapshot({ accounts: [account({ logins: [primaryLogin(overrides), adminLogin()] })] });

describe("PRIMARY_NO_BACKUP", () => {
  it("fires alongside SINGLE_2SV_METHOD when the primary login has one method", () => {
    const snap = withPrimary({ twoStep: [method("SMS", "PRIMARY", "d-1")] });
    const [finding] = findingsOf("PRIMARY_NO_BACKUP", snap);
    expect(finding).toMatchObject({ severity: "high", subject: { type: "login", id: "l-owner" } });
    expect(finding.evidence).toBe("primary login l-owner (l-owner@example.com) has one 2SV method, none registered as a backup");
    expect(findingsOf("SINGLE_2SV_METHOD", snap)).toHaveLength(1);
  });

  it("fires when several methods are all PRIMARY-role", () => {
    const snap = withPrimary({ twoStep: [method("SMS", "PRIMARY", "d-1"), method("AUTHENTICATOR_APP", "PRIMARY", "d-2")] });
    expect(findingsOf("PRIMARY_NO_BACKUP", snap)[0].evidenceData).toMatchObject({ methodCount: 2, backupCount: 0 });
  });

  it("does not fire without any method (NO_2SV covers that) or with a backup", () => {
    expect(findingsOf("PRIMARY_NO_BACKUP", withPrimary({ twoStep: [] }))).toEqual([]);
    expect(findingsOf("PRIMARY_NO_BACKUP", withPrimary({}))).toEqual([]);
  });

  it("ignores secondary logins and non-active primary logins", () => {
    const secondary = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ twoStep: [method("SMS", "PRIMARY", "d-1")] })] })] });
    expect(findingsOf("PRIMARY_NO_BACKUP", secondary)).toEqual([]);
    expect(findingsOf("PRIMARY_NO_BACKUP", withPrimary({ status: "DISABLED", twoStep: [method("SMS", "PRIMARY", "d-1")] }))).toEqual([]);
  });
});
