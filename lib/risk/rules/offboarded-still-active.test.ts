import { describe, expect, it } from "vitest";
import { account, adminLogin, daysAgo, daysFromNow, findingsOf, person, primaryLogin, snapshot } from "../test-factory";

const withAdminPerson = (departedAt: string | null, status: "ACTIVE" | "REMOVED" = "ACTIVE") =>
  snapshot({ people: [person("p-admin", { departedAt })], accounts: [account({ logins: [primaryLogin(), adminLogin({ status })] })] });

describe("OFFBOARDED_STILL_ACTIVE", () => {
  it("fires for an active login of a departed person", () => {
    const [finding] = findingsOf("OFFBOARDED_STILL_ACTIVE", withAdminPerson(daysAgo(10)));
    expect(finding).toMatchObject({ severity: "critical", subject: { type: "login", id: "l-admin" } });
    expect(finding.evidence).toBe("secondary login l-admin (l-admin@example.com) is still active although p-admin departed 10 days ago on 2026-11-13");
  });

  it("fires on the departure day itself but not for a departure in the future", () => {
    expect(findingsOf("OFFBOARDED_STILL_ACTIVE", withAdminPerson(daysAgo(0)))).toHaveLength(1);
    expect(findingsOf("OFFBOARDED_STILL_ACTIVE", withAdminPerson(daysFromNow(1)))).toEqual([]);
  });

  it("does not fire for current staff or once the login is removed", () => {
    expect(findingsOf("OFFBOARDED_STILL_ACTIVE", withAdminPerson(null))).toEqual([]);
    expect(findingsOf("OFFBOARDED_STILL_ACTIVE", withAdminPerson(daysAgo(10), "REMOVED"))).toEqual([]);
  });
});
