import { describe, expect, it } from "vitest";
import { account, adminLogin, daysAgo, findingsOf, person, primaryLogin, snapshot } from "../test-factory";
import type { OtherAccess } from "../../validation/snapshot";

const withOtherAccess = (otherAccess: OtherAccess[], adminStatus: "ACTIVE" | "REMOVED" = "ACTIVE", departedAt: string | null = null) =>
  snapshot({
    people: [person("p-admin", { name: "Abe", departedAt }), person("p-gone", { name: "Gone" })],
    accounts: [account({ otherAccess, logins: [primaryLogin(), adminLogin({ status: adminStatus })] })],
  });

describe("LEFTOVER_ACCESS", () => {
  it("fires for a person with Ads access but no active login, on the person", () => {
    const [finding] = findingsOf("LEFTOVER_ACCESS", withOtherAccess([{ personId: "p-gone", console: "ADS", role: "ADMIN" }]));
    expect(finding).toMatchObject({ severity: "high", subject: { type: "person", id: "p-gone" } });
    expect(finding.evidence).toBe("p-gone (Gone) holds no active Seller Central login on this account but keeps Amazon Ads (ADMIN)");
  });

  it("fires once the person's login is removed, with one finding listing both consoles", () => {
    const entries: OtherAccess[] = [
      { personId: "p-admin", console: "BRAND_REGISTRY", role: "ADMINISTRATOR" },
      { personId: "p-admin", console: "ADS", role: "EDITOR" },
    ];
    const findings = findingsOf("LEFTOVER_ACCESS", withOtherAccess(entries, "REMOVED"));
    expect(findings).toHaveLength(1);
    expect(findings[0].evidenceData.consoles).toBe("Amazon Ads (EDITOR), Brand Registry (ADMINISTRATOR)");
  });

  it("fires for a departed person even with an active login", () => {
    const [finding] = findingsOf("LEFTOVER_ACCESS", withOtherAccess([{ personId: "p-admin", console: "ADS", role: "VIEWER" }], "ACTIVE", daysAgo(5)));
    expect(finding.evidence).toBe("p-admin (Abe) has departed but keeps Amazon Ads (VIEWER)");
  });

  it("does not fire for a current person with an active login", () => {
    expect(findingsOf("LEFTOVER_ACCESS", withOtherAccess([{ personId: "p-admin", console: "ADS", role: "ADMIN" }]))).toEqual([]);
  });
});
