import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, login, primaryLogin, snapshot } from "../test-factory";

const admins = (count: number) =>
  Array.from({ length: count }, (_, i) => adminLogin({ id: `l-a${i}`, personId: `p-a${i}` }));

describe("TOO_MANY_ADMINS", () => {
  it.each([
    [3, false],
    [4, true],
  ])("%i admin people → fires: %s", (count, fires) => {
    // the primary owner is one admin person
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), ...admins(count - 1)] })] });
    expect(findingsOf("TOO_MANY_ADMINS", snap)).toHaveLength(fires ? 1 : 0);
  });

  it("names the admins and the limit, on the account", () => {
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), ...admins(3)] })] });
    const [finding] = findingsOf("TOO_MANY_ADMINS", snap);
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("4 people can administer the account (limit 3): p-a0, p-a1, p-a2, p-owner");
  });

  it("counts people, not logins, and ignores non-active logins", () => {
    const twoLoginsOnePerson = [adminLogin({ id: "l-a", personId: "p-a" }), adminLogin({ id: "l-b", personId: "p-a" })];
    const removed = [adminLogin({ id: "l-r1", personId: "p-r1", status: "REMOVED" }), adminLogin({ id: "l-r2", personId: "p-r2", status: "DISABLED" })];
    const snap = snapshot({ accounts: [account({ logins: [primaryLogin(), ...twoLoginsOnePerson, adminLogin({ id: "l-c", personId: "p-c" }), ...removed] })] });
    expect(findingsOf("TOO_MANY_ADMINS", snap)).toEqual([]);
  });

  it("does not count View & Edit on ordinary tools; respects maxAdmins", () => {
    const editors = [1, 2, 3].map((i) => login(`l-e${i}`, `p-e${i}`, { permissions: [{ tool: "PRICING", level: "VIEW_EDIT", marketplace: null }] }));
    expect(findingsOf("TOO_MANY_ADMINS", snapshot({ accounts: [account({ logins: [primaryLogin(), adminLogin(), ...editors] })] }))).toEqual([]);
    expect(findingsOf("TOO_MANY_ADMINS", snapshot(), { maxAdmins: 1 })).toHaveLength(1);
  });
});
