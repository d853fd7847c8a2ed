import { describe, expect, it } from "vitest";
import { addTwoStepMethodSchema, passwordChangedDateError, updateLoginSchema, updateTwoStepMethodSchema } from "./account-edits";
import { saveDeviceSchema } from "./person-form";

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

describe("a 2SV method's and a device's label", () => {
  const method = (label: string) => ({ accountId: "a1", version: "3", loginId: "l1", kind: "SMS", role: "PRIMARY", phoneLast4: "5678", label });
  const device = (label: string) => ({ personId: "p1", kind: "PHONE", label, skipOtpOnBrowser: "no" });

  it("refuses a full phone number (stop 42: it sat beside the masked ••••5678), with the reason and where the last four go", () => {
    for (const schema of [addTwoStepMethodSchema, updateTwoStepMethodSchema]) {
      const result = schema.safeParse({ ...method("Sato iPhone +81 90-1234-5678"), methodId: "m1" });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["label"], message: "validation.phoneNumberInText" })]);
    }
    const result = saveDeviceSchema.safeParse(device("佐藤の携帯 090-1234-5678"));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["label"], message: "validation.phoneNumberInText" })]);
  });

  it("keeps a model name, a date and an empty label", () => {
    expect(addTwoStepMethodSchema.parse(method("iPhone 15 (2026-12-07)")).label).toBe("iPhone 15 (2026-12-07)");
    expect(addTwoStepMethodSchema.parse(method("")).label).toBeNull();
    expect(saveDeviceSchema.parse(device("Pixel 8a")).label).toBe("Pixel 8a");
  });
});
