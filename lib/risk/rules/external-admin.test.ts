import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, login, person, primaryLogin, snapshot } from "../test-factory";

const agency = person("p-ito", { name: "Ito Ken", external: true, company: "Blue Agency" });
const withAgencyLogin = (overrides: Parameters<typeof login>[2]) =>
  snapshot({ people: [agency], accounts: [account({ logins: [primaryLogin(), adminLogin(), login("l-ito", "p-ito", overrides)] })] });

describe("EXTERNAL_ADMIN", () => {
  it("fires for an external secondary user with Admin on any tool", () => {
    const [finding] = findingsOf("EXTERNAL_ADMIN", withAgencyLogin({ permissions: [{ tool: "ADVERTISING", level: "ADMIN", marketplace: "JP" }] }));
    expect(finding).toMatchObject({ severity: "high", subject: { type: "login", id: "l-ito" } });
    expect(finding.evidence).toBe("secondary login l-ito (l-ito@example.com) belongs to external p-ito (Ito Ken (Blue Agency)) and can administer the account (ADVERTISING:ADMIN)");
  });

  it("treats View & Edit on User Permissions as Admin", () => {
    const findings = findingsOf("EXTERNAL_ADMIN", withAgencyLogin({ permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }] }));
    expect(findings[0].evidenceData.grants).toBe("USER_PERMISSIONS:VIEW_EDIT");
  });

  it("does not fire for View & Edit on other tools, View on User Permissions, internal admins or inactive logins", () => {
    expect(findingsOf("EXTERNAL_ADMIN", withAgencyLogin({ permissions: [{ tool: "ADVERTISING", level: "VIEW_EDIT", marketplace: null }] }))).toEqual([]);
    expect(findingsOf("EXTERNAL_ADMIN", withAgencyLogin({ permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW", marketplace: null }] }))).toEqual([]);
    expect(findingsOf("EXTERNAL_ADMIN", withAgencyLogin({ status: "DISABLED", permissions: [{ tool: "ORDERS", level: "ADMIN", marketplace: null }] }))).toEqual([]);
    expect(findingsOf("EXTERNAL_ADMIN", snapshot())).toEqual([]);
  });

  it("leaves an external primary login to PRIMARY_HELD_BY_OUTSIDER", () => {
    const snap = snapshot({ people: [agency], accounts: [account({ logins: [primaryLogin({ personId: "p-ito" }), adminLogin()] })] });
    expect(findingsOf("EXTERNAL_ADMIN", snap)).toEqual([]);
  });
});
