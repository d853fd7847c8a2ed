import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/fields";
import { changePasswordSchema } from "./security";

const valid = { currentPassword: "old enough password 1", newPassword: "amber kettle over meadow 77", confirmPassword: "amber kettle over meadow 77" };

describe("the change-password form's schema (decision 095)", () => {
  it("names a missing current password and a short new password in one answer, and accepts a good form", () => {
    const parsed = changePasswordSchema.safeParse({ ...valid, currentPassword: "", newPassword: "short", confirmPassword: "short" });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ currentPassword: "validation.required", newPassword: "validation.password.tooShort" });
    expect(changePasswordSchema.safeParse(valid).success).toBe(true);
  });
});
