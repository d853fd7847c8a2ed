import { describe, expect, it } from "vitest";
import { firstMethodRole } from "./first-method-role";

describe("the add-2SV-method form's starting role", () => {
  it("is PRIMARY while the login has no primary method, BACKUP once it has one", () => {
    expect(firstMethodRole([])).toBe("PRIMARY");
    expect(firstMethodRole([{ role: "BACKUP" }])).toBe("PRIMARY");
    expect(firstMethodRole([{ role: "PRIMARY" }])).toBe("BACKUP");
    expect(firstMethodRole([{ role: "BACKUP" }, { role: "PRIMARY" }])).toBe("BACKUP");
  });
});
