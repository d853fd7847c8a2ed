import { describe, expect, it } from "vitest";
import { account, daysAgo, findingsOf, partner, snapshot } from "../test-factory";

const withLink = (age: number | null, accepted = false) =>
  snapshot({
    accounts: [account({ partners: [partner("ap-1", "Blue Agency", { linkSentAt: age === null ? null : daysAgo(age), acceptedAt: accepted ? daysAgo(1) : null })] })],
  });

describe("STALE_PARTNER_LINK", () => {
  it.each([
    [6, false],
    [7, true],
    [8, true],
  ])("link sent %i days ago → fires: %s", (age, fires) => {
    expect(findingsOf("STALE_PARTNER_LINK", withLink(age))).toHaveLength(fires ? 1 : 0);
  });

  it("names the partner", () => {
    const [finding] = findingsOf("STALE_PARTNER_LINK", withLink(22));
    expect(finding).toMatchObject({ severity: "low", subject: { type: "partner", id: "ap-1" } });
    expect(finding.evidence).toBe("Authorized Partner link for Blue Agency sent 22 days ago on 2026-11-01 and not accepted");
  });

  it("does not fire once accepted or without a link date; uses stalePartnerLinkDays", () => {
    expect(findingsOf("STALE_PARTNER_LINK", withLink(30, true))).toEqual([]);
    expect(findingsOf("STALE_PARTNER_LINK", withLink(null))).toEqual([]);
    expect(findingsOf("STALE_PARTNER_LINK", withLink(8), { stalePartnerLinkDays: 10 })).toEqual([]);
  });
});
