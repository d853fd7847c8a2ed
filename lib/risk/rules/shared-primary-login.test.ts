import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, primaryLogin, snapshot } from "../test-factory";

const withUsedBy = (usedBy: string[], status: "ACTIVE" | "DISABLED" = "ACTIVE") =>
  snapshot({ accounts: [account({ logins: [primaryLogin({ usedBy, status }), adminLogin()] })] });

describe("SHARED_PRIMARY_LOGIN", () => {
  it("fires when anyone besides the owner uses the primary login", () => {
    const [finding] = findingsOf("SHARED_PRIMARY_LOGIN", withUsedBy(["p-owner", "p-tanaka", "p-abe"]));
    expect(finding).toMatchObject({ severity: "critical", subject: { type: "login", id: "l-owner" } });
    expect(finding.evidence).toBe("primary login l-owner (l-owner@example.com) of p-owner is also used by 2 other people: p-abe, p-tanaka");
    expect(finding.evidenceData).toMatchObject({ otherUsers: "p-abe,p-tanaka", otherUserCount: 2 });
  });

  it("fires even when the owner is not listed in usedBy", () => {
    expect(findingsOf("SHARED_PRIMARY_LOGIN", withUsedBy(["p-tanaka"]))[0].evidence).toContain("1 other person: p-tanaka");
  });

  it("does not fire when only the owner uses it, for secondary logins, or for non-active logins", () => {
    expect(findingsOf("SHARED_PRIMARY_LOGIN", withUsedBy(["p-owner"]))).toEqual([]);
    expect(findingsOf("SHARED_PRIMARY_LOGIN", withUsedBy(["p-owner", "p-x"], "DISABLED"))).toEqual([]);
    const secondary = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ usedBy: ["p-admin", "p-x"] })] })] });
    expect(findingsOf("SHARED_PRIMARY_LOGIN", secondary)).toEqual([]);
  });
});
