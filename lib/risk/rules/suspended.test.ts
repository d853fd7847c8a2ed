import { describe, expect, it } from "vitest";
import { account, findingsOf, snapshot } from "../test-factory";

describe("SUSPENDED", () => {
  it.each(["SUSPENDED", "DEACTIVATED"] as const)("fires for status %s, on the account", (status) => {
    const [finding] = findingsOf("SUSPENDED", snapshot({ accounts: [account({ status })] }));
    expect(finding).toMatchObject({ severity: "critical", subject: { type: "account", id: "acc-1" }, evidence: `account status is ${status}` });
  });

  it("does not fire for an active account", () => {
    expect(findingsOf("SUSPENDED", snapshot())).toEqual([]);
  });
});
