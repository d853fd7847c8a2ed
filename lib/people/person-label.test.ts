import { describe, expect, it } from "vitest";
import { nameSaysCompany, personLabel } from "./person-label";

describe("personLabel", () => {
  it.each([
    ["Blue Ocean Ads (shared)", "Blue Ocean Ads", "Blue Ocean Ads (shared)"],
    ["blue  ocean ads", "Blue Ocean Ads", "blue  ocean ads"],
    ["Ｂｌｕｅ Ocean Ads 共有", "Blue Ocean Ads", "Ｂｌｕｅ Ocean Ads 共有"],
    ["Shared login (Blue Ocean Ads)", "Blue Ocean Ads", "Shared login (Blue Ocean Ads)"],
    ["ブルーオーシャン広告 共有", "ブルーオーシャン広告", "ブルーオーシャン広告 共有"],
  ])("names %s once when the name says its company (%s)", (name, company, label) => {
    expect(personLabel(name, company)).toBe(label);
  });

  it.each([
    // The company merely inside the name's letters is another party (review 45).
    ["Sato Hana", "Toha", "Sato Hana (Toha)"],
    ["Ogawa Taro", "Ta", "Ogawa Taro (Ta)"],
    ["Mori Aoi", "Aoi", "Mori Aoi (Aoi)"],
    ["Blue Oceanic", "Blue Ocean", "Blue Oceanic (Blue Ocean)"],
    ["Ito Ken", "Blue Agency", "Ito Ken (Blue Agency)"],
  ])("keeps the company of %s (%s)", (name, company, label) => {
    expect(personLabel(name, company)).toBe(label);
  });

  it("has nothing to add without a company", () => {
    expect(personLabel("Ito Ken", null)).toBe("Ito Ken");
    expect(nameSaysCompany("Ito Ken", "  ")).toBe(false);
  });
});
