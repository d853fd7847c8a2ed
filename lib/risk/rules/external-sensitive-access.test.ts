import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, login, person, primaryLogin, snapshot } from "../test-factory";
import type { PermissionGrant } from "../../validation/snapshot";

const withGrants = (permissions: PermissionGrant[], external = true, status: "ACTIVE" | "REMOVED" = "ACTIVE") =>
  snapshot({
    people: [person("p-ito", { name: "Ito Ken", external, company: "Blue Agency" })],
    accounts: [account({ logins: [primaryLogin(), adminLogin(), login("l-ito", "p-ito", { permissions, status })] })],
  });

describe("EXTERNAL_SENSITIVE_ACCESS", () => {
  it.each(["PAYMENTS", "DEPOSIT_METHODS", "LOGIN_SETTINGS", "ACCOUNT_INFO"] as const)("fires for View on %s", (tool) => {
    const findings = findingsOf("EXTERNAL_SENSITIVE_ACCESS", withGrants([{ tool, level: "VIEW", marketplace: null }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "high", subject: { type: "login", id: "l-ito" } });
  });

  it("lists every sensitive grant in one finding", () => {
    const [finding] = findingsOf(
      "EXTERNAL_SENSITIVE_ACCESS",
      withGrants([
        { tool: "PAYMENTS", level: "VIEW_EDIT", marketplace: "JP" },
        { tool: "ACCOUNT_INFO", level: "ADMIN", marketplace: null },
        { tool: "INVENTORY", level: "ADMIN", marketplace: null },
      ]),
    );
    expect(finding.evidence).toBe(
      "secondary login l-ito (l-ito@example.com) of external p-ito (Ito Ken (Blue Agency)) has access to sensitive tools: PAYMENTS@JP:VIEW_EDIT, ACCOUNT_INFO:ADMIN",
    );
  });

  it("does not fire for None, other tools, internal people or inactive logins", () => {
    expect(findingsOf("EXTERNAL_SENSITIVE_ACCESS", withGrants([{ tool: "PAYMENTS", level: "NONE", marketplace: null }]))).toEqual([]);
    expect(findingsOf("EXTERNAL_SENSITIVE_ACCESS", withGrants([{ tool: "REPORTS", level: "ADMIN", marketplace: null }]))).toEqual([]);
    expect(findingsOf("EXTERNAL_SENSITIVE_ACCESS", withGrants([{ tool: "PAYMENTS", level: "VIEW", marketplace: null }], false))).toEqual([]);
    expect(findingsOf("EXTERNAL_SENSITIVE_ACCESS", withGrants([{ tool: "PAYMENTS", level: "VIEW", marketplace: null }], true, "REMOVED"))).toEqual([]);
  });
});
