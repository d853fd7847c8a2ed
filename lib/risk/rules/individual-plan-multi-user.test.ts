import { describe, expect, it } from "vitest";
import { account, findingsOf, login, primaryLogin, snapshot } from "../test-factory";

const individual = (logins: ReturnType<typeof login>[]) => snapshot({ accounts: [account({ plan: "INDIVIDUAL", logins })] });

describe("INDIVIDUAL_PLAN_MULTI_USER", () => {
  it("fires when the one login is used by two people", () => {
    const [finding] = findingsOf("INDIVIDUAL_PLAN_MULTI_USER", individual([primaryLogin({ usedBy: ["p-owner", "p-son"] })]));
    expect(finding).toMatchObject({ severity: "high", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("Individual-plan account (no User Permissions) is used by 2 people: p-owner, p-son");
  });

  it("counts the people of all active logins", () => {
    expect(findingsOf("INDIVIDUAL_PLAN_MULTI_USER", individual([primaryLogin(), login("l-2", "p-2")]))).toHaveLength(1);
    expect(findingsOf("INDIVIDUAL_PLAN_MULTI_USER", individual([primaryLogin(), login("l-2", "p-2", { status: "REMOVED" })]))).toEqual([]);
  });

  it("does not fire for a single user or for Professional accounts", () => {
    expect(findingsOf("INDIVIDUAL_PLAN_MULTI_USER", individual([primaryLogin()]))).toEqual([]);
    expect(findingsOf("INDIVIDUAL_PLAN_MULTI_USER", snapshot({ accounts: [account({ logins: [primaryLogin({ usedBy: ["p-owner", "p-x"] })] })] }))).toEqual([]);
  });
});
