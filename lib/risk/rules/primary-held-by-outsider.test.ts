import { describe, expect, it } from "vitest";
import { account, adminLogin, daysAgo, daysFromNow, findingsOf, person, primaryLogin, snapshot } from "../test-factory";

const withOwner = (owner: ReturnType<typeof person>, status: "ACTIVE" | "DISABLED" = "ACTIVE") =>
  snapshot({ people: [owner], accounts: [account({ logins: [primaryLogin({ status }), adminLogin()] })] });

describe("PRIMARY_HELD_BY_OUTSIDER", () => {
  it("fires when the primary login's person is external", () => {
    const [finding] = findingsOf("PRIMARY_HELD_BY_OUTSIDER", withOwner(person("p-owner", { name: "Mori", external: true, company: "Blue Agency" })));
    expect(finding).toMatchObject({ severity: "critical", subject: { type: "login", id: "l-owner" } });
    expect(finding.evidence).toBe("primary login l-owner (l-owner@example.com) belongs to p-owner (Mori (Blue Agency)), who is external");
  });

  it("fires when the primary login's person has departed", () => {
    const [finding] = findingsOf("PRIMARY_HELD_BY_OUTSIDER", withOwner(person("p-owner", { name: "Mori", departedAt: daysAgo(3) })));
    expect(finding.evidence).toBe("primary login l-owner (l-owner@example.com) belongs to p-owner (Mori), who departed on 2026-11-20");
    expect(finding.evidenceData).toMatchObject({ external: false, departed: true });
  });

  it("does not fire for an internal current owner, a future departure, another user of the login, or an inactive login", () => {
    expect(findingsOf("PRIMARY_HELD_BY_OUTSIDER", snapshot())).toEqual([]);
    expect(findingsOf("PRIMARY_HELD_BY_OUTSIDER", withOwner(person("p-owner", { departedAt: daysFromNow(5) })))).toEqual([]);
    expect(findingsOf("PRIMARY_HELD_BY_OUTSIDER", withOwner(person("p-owner", { external: true }), "DISABLED"))).toEqual([]);
    const usedByOutsider = snapshot({
      people: [person("p-ext", { external: true })],
      accounts: [account({ logins: [primaryLogin({ usedBy: ["p-owner", "p-ext"] }), adminLogin()] })],
    });
    expect(findingsOf("PRIMARY_HELD_BY_OUTSIDER", usedByOutsider)).toEqual([]);
  });
});
