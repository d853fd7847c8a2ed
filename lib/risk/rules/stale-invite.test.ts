import { describe, expect, it } from "vitest";
import { evaluateSnapshot } from "../evaluate";
import { AS_OF, account, adminLogin, daysAgo, findingsOf, login, primaryLogin, snapshot } from "../test-factory";

const withInvite = (age: number | null, status: "INVITED" | "ACTIVE" = "INVITED") =>
  snapshot({
    accounts: [
      account({
        logins: [
          primaryLogin(),
          adminLogin(),
          login("l-new", "p-new", { status, invitedAt: age === null ? null : daysAgo(age), acceptedAt: null, lastLoginAt: null, twoStep: [], permissions: [] }),
        ],
      }),
    ],
  });

describe("STALE_INVITE", () => {
  it.each([
    [13, false],
    [14, true],
    [15, true],
  ])("invitation %i days old → fires: %s", (age, fires) => {
    expect(findingsOf("STALE_INVITE", withInvite(age))).toHaveLength(fires ? 1 : 0);
  });

  it("states when the invitation was sent", () => {
    const [finding] = findingsOf("STALE_INVITE", withInvite(20));
    expect(finding).toMatchObject({ severity: "low", subject: { type: "login", id: "l-new" } });
    expect(finding.evidence).toBe("invitation for secondary login l-new (l-new@example.com) still pending, sent 20 days ago on 2026-11-03");
  });

  it("an INVITED login (here without 2SV or any login) is seen only by STALE_INVITE", () => {
    const [result] = evaluateSnapshot(withInvite(20), { asOf: AS_OF }).accounts;
    expect(result.findings.filter((f) => f.subject.id === "l-new").map((f) => f.rule)).toEqual(["STALE_INVITE"]);
  });

  it("does not fire without an invitation date or for accepted logins", () => {
    expect(findingsOf("STALE_INVITE", withInvite(null))).toEqual([]);
    expect(findingsOf("STALE_INVITE", withInvite(40, "ACTIVE"))).toEqual([]);
  });

  it("uses staleInviteDays", () => {
    expect(findingsOf("STALE_INVITE", withInvite(8), { staleInviteDays: 7 })).toHaveLength(1);
  });
});
