import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/fields";
import { setupSchema } from "./setup";

const valid = { token: "t".repeat(40), orgName: "Momiji Partners", locale: "ja", name: "Sato Hana", email: "owner@momiji.example", password: "calm orchard beneath snow 31", confirmPassword: "calm orchard beneath snow 31" };

describe("the setup form's schema (decision 090)", () => {
  it("names every field error at once, the confirmation included", () => {
    const parsed = setupSchema.safeParse({ ...valid, orgName: "A".repeat(300), name: "   ", email: "not-an-email", password: "short", confirmPassword: "short2" });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toMatchObject({
      orgName: "validation.tooLong",
      name: "validation.required",
      email: expect.any(String),
      password: "validation.password.tooShort",
      confirmPassword: "validation.passwordsDiffer",
    });
  });
  it("accepts a good form and refuses only the mismatch when that is all", () => {
    expect(setupSchema.safeParse(valid).success).toBe(true);
    const parsed = setupSchema.safeParse({ ...valid, confirmPassword: "calm orchard beneath snow 13" });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ confirmPassword: "validation.passwordsDiffer" });
  });
});
