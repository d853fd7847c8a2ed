import { describe, expect, it } from "vitest";
import { personMetrics, type MetricsLogin } from "./person-metrics";

const login = (account: string, over: Partial<MetricsLogin> = {}): MetricsLogin => ({ status: "ACTIVE", role: "SECONDARY", account: { id: account }, permissions: [], ...over });
const grant = (tool: string, level: string) => ({ level, tool: { id: tool } });

describe("personMetrics (the person page's access metrics, as ACCESS_METRICS counts them)", () => {
  it("counts active logins, admin ones (primary, Admin on a tool, View & Edit on User Permissions) and distinct accounts", () => {
    const logins = [
      login("a", { role: "PRIMARY" }),
      login("a", { permissions: [grant("INVENTORY", "ADMIN")] }),
      login("b", { permissions: [grant("USER_PERMISSIONS", "VIEW_EDIT")] }),
      login("b", { permissions: [grant("INVENTORY", "VIEW_EDIT"), grant("USER_PERMISSIONS", "VIEW")] }),
      login("c", { status: "DISABLED", role: "PRIMARY" }),
      login("d", { status: "INVITED", permissions: [grant("INVENTORY", "ADMIN")] }),
    ];
    expect(personMetrics(logins, [], 2, 7)).toEqual({ activeLogins: 4, adminLogins: 3, accounts: 2, devices: 2, openFindings: 7 });
  });

  it("adds the accounts of other access, once each, including those whose only login is not active", () => {
    expect(personMetrics([login("a"), login("c", { status: "DISABLED" })], ["a", "c", "e"], 0, 0)).toMatchObject({ activeLogins: 1, accounts: 3 });
    expect(personMetrics([], [], 0, 0)).toEqual({ activeLogins: 0, adminLogins: 0, accounts: 0, devices: 0, openFindings: 0 });
  });
});
