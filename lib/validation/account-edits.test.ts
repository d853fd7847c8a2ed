import { describe, expect, it } from "vitest";
import { passwordChangedDateError, updateLoginSchema } from "./account-edits";

const form = (passwordChangedAt: string) => ({ accountId: "a1", version: "3", loginId: "l1", status: "ACTIVE", passwordChangedAt });

describe("the login edit form", () => {
  it("reads a password-changed date, and an empty field as unknown (null) so that clearing it clears it", () => {
    expect(updateLoginSchema.parse(form("2026-05-05")).passwordChangedAt).toBe("2026-05-05");
    expect(updateLoginSchema.parse(form("")).passwordChangedAt).toBeNull();
  });

  it("refuses what is not a date", () => {
    for (const bad of ["05/05/2026", "2026-13-45", "yesterday"]) expect(updateLoginSchema.safeParse(form(bad)).success, bad).toBe(false);
  });

  it("refuses a password change after today; today and earlier are fine, and so is unknown", () => {
    expect(passwordChangedDateError("2030-05-05", "2026-12-01")).toBe("validation.passwordChangedFuture");
    expect(passwordChangedDateError("2026-12-02", "2026-12-01")).toBe("validation.passwordChangedFuture");
    expect(passwordChangedDateError("2026-12-01", "2026-12-01")).toBeNull();
    expect(passwordChangedDateError("2020-01-01", "2026-12-01")).toBeNull();
    expect(passwordChangedDateError(null, "2026-12-01")).toBeNull();
  });
});
