import { describe, expect, it } from "vitest";
import { usersText } from "./stage";

describe("a shared login's users as staged", () => {
  it("are each listed once, in code-unit order (unchanged.ts compares them under COLLATE \"C\")", () => {
    expect(usersText(["p-ken", "P-Aoi", "p-ken", "p-hana"])).toBe("P-Aoi p-hana p-ken");
    expect(usersText([])).toBe("");
  });
  it("carry no NUL, which a COPY line cannot (the id is then no person of the file, and refused as unknown)", () => {
    expect(usersText(["a\0b"])).toBe("a\uFFFDb");
  });
});
