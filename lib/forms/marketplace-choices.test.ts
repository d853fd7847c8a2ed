import { describe, expect, it } from "vitest";
import { MARKETPLACES, REGIONS } from "@/lib/validation/marketplaces";
import { marketplaceChoices, regionChoices, regionPresets, withMarketplaceChoices, withoutMarketplaceChoices } from "./marketplace-choices";

const fields = [
  { name: "storeName", label: "Store", defaultValue: "Kumo" },
  { name: "region", label: "Region", defaultValue: "NA", options: regionChoices(), presets: regionPresets() },
  { name: "marketplaces", label: "Marketplaces", defaultValues: ["US", "CA"], options: marketplaceChoices() },
  { name: "plan", label: "Plan", defaultValue: "PROFESSIONAL", options: [{ value: "PROFESSIONAL", label: "Pro" }] },
];

describe("the account form's region and marketplace choices", () => {
  it("are left out of the fields as sent, and nothing else is", () => {
    const sent = withoutMarketplaceChoices(fields);
    expect(sent[1]).toEqual({ name: "region", label: "Region", defaultValue: "NA" });
    expect(sent[2]).toEqual({ name: "marketplaces", label: "Marketplaces", defaultValues: ["US", "CA"] });
    expect(sent[0]).toBe(fields[0]);
    expect(sent[3]).toBe(fields[3]);
  });

  it("are put back in the browser exactly as the server would have built them", () => {
    expect(withMarketplaceChoices(withoutMarketplaceChoices(fields))).toEqual(fields);
    expect(regionChoices().map((c) => c.value)).toEqual(REGIONS);
    expect(marketplaceChoices().map((c) => c.value)).toEqual(MARKETPLACES);
    expect(regionPresets().values.NA).toEqual(["US", "CA", "MX"]);
  });
});
