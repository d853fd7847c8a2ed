import { describe, expect, it } from "vitest";
import { account, daysAgo, findingsOf, snapshot } from "../test-factory";

const verified = (age: number | null) => snapshot({ accounts: [account({ lastVerifiedAt: age === null ? null : daysAgo(age) })] });

describe("UNVERIFIED_DATA", () => {
  it.each([
    [89, false],
    [90, true],
    [91, true],
  ])("verified %i days ago → fires: %s", (age, fires) => {
    expect(findingsOf("UNVERIFIED_DATA", verified(age))).toHaveLength(fires ? 1 : 0);
  });

  it("states when the data was verified, on the account", () => {
    const [finding] = findingsOf("UNVERIFIED_DATA", verified(100));
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "account", id: "acc-1" } });
    expect(finding.evidence).toBe("access data last verified against Seller Central 100 days ago on 2026-08-15");
  });

  it("fires when never verified; uses unverifiedDataDays", () => {
    expect(findingsOf("UNVERIFIED_DATA", verified(null))[0].evidence).toBe("access data has never been verified against Seller Central");
    expect(findingsOf("UNVERIFIED_DATA", verified(40), { unverifiedDataDays: 30 })).toHaveLength(1);
  });
});
