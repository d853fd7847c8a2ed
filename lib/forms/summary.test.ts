import { describe, expect, it } from "vitest";
import { formSummary } from "./summary";

describe("formSummary", () => {
  it("does not add the conflict sentence to a refusal that names a field of the form, leaves the saying to that field", () => {
    expect(formSummary({ ok: false, error: "CONFLICT", fieldErrors: { email: "validation.alreadyMember" } }, ["email", "role"])).toEqual({ field: "email" });
  });

  it("shows the code's sentence when no field of this form is named", () => {
    expect(formSummary({ ok: false, error: "CONFLICT" }, ["email"])).toEqual({ key: "CONFLICT" });
    expect(formSummary({ ok: false, error: "CONFLICT", fieldErrors: { deviceId: "x" } }, ["email"])).toEqual({ key: "CONFLICT" });
  });

  it("keeps 'check the highlighted fields' for a failed parse, and says nothing after success", () => {
    expect(formSummary({ ok: false, error: "INVALID_INPUT", fieldErrors: { email: "validation.email" } }, ["email"])).toEqual({ key: "INVALID_INPUT" });
    expect(formSummary({ ok: true }, ["email"])).toBeNull();
    expect(formSummary({ ok: false }, ["email"])).toBeNull();
  });

  it("says lib's own sentence for a refusal about no field of the form, and the code's sentence for a plain message", () => {
    expect(formSummary({ ok: false, error: "CONFLICT", message: "validation.offboardingChangedData" }, [])).toEqual({ key: "validation.offboardingChangedData" });
    expect(formSummary({ ok: false, error: "CONFLICT", message: "This account was changed by someone else" }, [])).toEqual({ key: "CONFLICT" });
  });
});
