import { describe, expect, it } from "vitest";
import { parseSetupArgs, SetupUsageError } from "./setup-args";

describe("gatehouse setup arguments", () => {
  it("reads --org, --email, --name and --locale, with or without =", () => {
    expect(parseSetupArgs(["--org", "Sakura Agency", "--email=owner@sakura.example"])).toEqual({ org: "Sakura Agency", email: "owner@sakura.example", name: null, locale: "ja" });
    expect(parseSetupArgs(["--org=A", "--email", "a@b.example", "--name", "Sato Hana", "--locale", "en"])).toMatchObject({ name: "Sato Hana", locale: "en" });
  });

  it("refuses missing, repeated, unknown and valueless options", () => {
    for (const argv of [["--email", "a@b.example"], ["--org", "A"], ["--org", "A", "--org", "B", "--email", "a@b.example"], ["--org", "A", "--email", "a@b.example", "--password", "x"], ["--org", "--email", "a@b.example"], ["--org", "A", "--email", "a@b.example", "--locale", "fr"], ["stray"]])
      expect(() => parseSetupArgs(argv), argv.join(" ")).toThrow(SetupUsageError);
  });
});
