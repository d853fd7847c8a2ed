import { describe, expect, it } from "vitest";
import { largeKeepApartSchema } from "./import";

describe("the large import's kept-apart ids", () => {
  it("takes repeated ids once each, and none", () => {
    expect(largeKeepApartSchema.parse(["hana", "ken", "hana"])).toEqual(["hana", "ken"]);
    expect(largeKeepApartSchema.parse([])).toEqual([]);
  });
  it("refuses an empty id, an over-long one, and too many", () => {
    expect(largeKeepApartSchema.safeParse([""]).success).toBe(false);
    expect(largeKeepApartSchema.safeParse(["x".repeat(201)]).success).toBe(false);
    expect(largeKeepApartSchema.safeParse(Array.from({ length: 1_001 }, (_, i) => `p${i}`)).success).toBe(false);
  });
});
