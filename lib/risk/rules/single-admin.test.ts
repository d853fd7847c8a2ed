import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, login, primaryLogin, snapshot } from "../test-factory";

describe("SINGLE_ADMIN", () => {
  it("fires for a Professional account with one admin person", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), login("l-staff", "p-staff")] })] });
    const [finding] = findingsOf("SINGLE_ADMIN", snap);
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("only one person can administer this Professional account: p-owner (Person p-owner)");
  });

  it("counts View & Edit on User Permissions as Admin", () => {
    const editor = login("l-ed", "p-ed", { permissions: [{ tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null }] });
    expect(findingsOf("SINGLE_ADMIN", snapshot({ accounts: [account({ logins: [primaryLogin(), editor] })] }))).toEqual([]);
  });

  it("counts distinct people: two admin logins of one person are still one admin", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ personId: "p-owner" })] })] });
    expect(findingsOf("SINGLE_ADMIN", snap)).toHaveLength(1);
  });

  it("does not fire with two admins, for Individual accounts, or with no admin at all", () => {
    expect(findingsOf("SINGLE_ADMIN", snapshot())).toEqual([]);
    expect(findingsOf("SINGLE_ADMIN", snapshot({ accounts: [account({ plan: "INDIVIDUAL", logins: [primaryLogin()] })] }))).toEqual([]);
    expect(findingsOf("SINGLE_ADMIN", snapshot({ accounts: [account({ logins: [login("l-staff", "p-staff")] })] }))).toEqual([]);
  });

  it("ignores a second admin whose login is not active", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin({ status: "DISABLED" })] })] });
    expect(findingsOf("SINGLE_ADMIN", snap)).toHaveLength(1);
  });
});
