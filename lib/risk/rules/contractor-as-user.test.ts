import { describe, expect, it } from "vitest";
import { account, adminLogin, findingsOf, login, partner, person, primaryLogin, snapshot } from "../test-factory";
import type { AuthorizedPartner } from "../../validation/snapshot";

const withContractor = (partners: AuthorizedPartner[], company: string | null = "Blue Agency", status: "ACTIVE" | "DISABLED" = "ACTIVE") =>
  snapshot({
    people: [person("p-ito", { name: "Ito Ken", external: true, company })],
    accounts: [account({ partners, logins: [primaryLogin(), adminLogin(), login("l-ito", "p-ito", { status })] })],
  });

describe("CONTRACTOR_AS_USER", () => {
  it("fires for an external secondary user whose company is not a partner", () => {
    const [finding] = findingsOf("CONTRACTOR_AS_USER", withContractor([]));
    expect(finding).toMatchObject({ severity: "medium", subject: { type: "login", id: "l-ito" } });
    expect(finding.evidence).toBe(
      "secondary login l-ito (l-ito@example.com) of external p-ito (Ito Ken (Blue Agency)) is a secondary user, but Blue Agency is not an accepted Authorized Partner of this account",
    );
  });

  it("fires when the partner invitation is not accepted", () => {
    expect(findingsOf("CONTRACTOR_AS_USER", withContractor([partner("ap-1", "Blue Agency", { acceptedAt: null })]))).toHaveLength(1);
  });

  it("fires when the external person's company is unknown", () => {
    expect(findingsOf("CONTRACTOR_AS_USER", withContractor([partner("ap-1", "Blue Agency")], null))[0].evidence).toContain("an unrecorded company");
  });

  it("does not fire when the company is an accepted partner (case and spacing ignored)", () => {
    expect(findingsOf("CONTRACTOR_AS_USER", withContractor([partner("ap-1", " blue  agency ")]))).toEqual([]);
  });

  it("ignores non-active logins", () => {
    expect(findingsOf("CONTRACTOR_AS_USER", withContractor([], "Blue Agency", "DISABLED"))).toEqual([]);
  });

  it("does not fire for internal people or for the primary login", () => {
    expect(findingsOf("CONTRACTOR_AS_USER", snapshot())).toEqual([]);
    const primary = snapshot({ people: [person("p-owner", { external: true, company: "X" })], accounts: [account()] });
    expect(findingsOf("CONTRACTOR_AS_USER", primary)).toEqual([]);
  });
});
