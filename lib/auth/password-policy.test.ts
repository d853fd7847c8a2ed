import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("refuses passwords under 12 characters", () => {
    expect(passwordProblem("Xk9#vq2!Lp")).toBe("tooShort");
  });

  it("refuses common passwords even when long enough", () => {
    expect(passwordProblem("password1234")).toBe("common");
    expect(passwordProblem("qwertyuiopas")).not.toBeNull();
  });

  it("refuses guessable passwords and ones built from the user's own details", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("weak");
    expect(passwordProblem("satohanasato", ["sato.hana@example.jp", "Sato Hana"])).toBe("personal");
    expect(passwordProblem("Sato.Hana.2026", ["sato.hana@example.jp", "Sato Hana"])).toBe("personal");
    expect(passwordProblem("satohanasato")).toBeNull(); // the same string is fine for someone else
  });

  it("accepts a long, unguessable passphrase", () => {
    expect(passwordProblem("violet kettle harbour 42 drum")).toBeNull();
    expect(passwordProblem("gatehouse-demo-2026")).toBeNull();
  });
});
