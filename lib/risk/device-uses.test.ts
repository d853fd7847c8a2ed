import { describe, expect, it } from "vitest";
import { DeviceUses } from "./device-uses";
import { hashString } from "./hash";
import { login } from "./test-factory";

describe("DeviceUses", () => {
  it("points every use at the first use of the same device id, through growth and across buckets", () => {
    const uses = new DeviceUses(1);
    const owner = login("l-1", "p-1");
    const ids = Array.from({ length: 3000 }, (_, i) => `d-${i % 1000}`);
    // The same ids as different string objects must still match.
    ids.forEach((id, i) => uses.add(JSON.parse(JSON.stringify(id)), i, owner));
    const firstUse = uses.firstUses();
    expect(uses.count).toBe(3000);
    for (let use = 0; use < 3000; use++) expect(firstUse[use]).toBe(use % 1000);
    expect([...uses.account.subarray(0, 3)]).toEqual([0, 1, 2]);
  });

  it("hashes equal strings equally and spreads similar ids", () => {
    expect(hashString("d-p-1-phone")).toBe(hashString(["d-p-1", "phone"].join("-")));
    const buckets = new Set(Array.from({ length: 64 }, (_, i) => hashString(`d-p-${i}-phone`) >>> 24));
    expect(buckets.size).toBeGreaterThan(40);
  });
});
