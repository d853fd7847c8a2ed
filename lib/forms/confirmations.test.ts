import { describe, expect, it } from "vitest";
import { confirmationErrors, latestErrors, type ConfirmationSpec } from "./confirmations";

const fields: ConfirmationSpec[] = [
  { name: "currentPassword" },
  { name: "newPassword" },
  { name: "confirmPassword", matches: { field: "newPassword", error: "validation.passwordsDiffer" } },
];
const form = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("confirmationErrors", () => {
  it("flags a confirmation that differs from the field it repeats, on the confirmation", () => {
    expect(confirmationErrors(fields, form({ currentPassword: "old", newPassword: "amber lantern 7", confirmPassword: "amber lantern 8" }))).toEqual({
      confirmPassword: "validation.passwordsDiffer",
    });
  });

  it("accepts an exact repeat, and does not compare fields that confirm nothing", () => {
    expect(confirmationErrors(fields, form({ currentPassword: "old", newPassword: "amber lantern 7", confirmPassword: "amber lantern 7" }))).toEqual({});
  });

  it("is exact: case and surrounding spaces count", () => {
    expect(confirmationErrors(fields, form({ newPassword: "Amber", confirmPassword: "amber" }))).toHaveProperty("confirmPassword");
    expect(confirmationErrors(fields, form({ newPassword: "amber", confirmPassword: "amber " }))).toHaveProperty("confirmPassword");
  });

  it("flags a missing confirmation of a typed password", () => {
    expect(confirmationErrors(fields, form({ newPassword: "amber lantern 7" }))).toEqual({ confirmPassword: "validation.passwordsDiffer" });
  });
});

describe("latestErrors", () => {
  const server = { ok: false, fieldErrors: { newPassword: "validation.password.personal" } };

  it("shows only the browser's refusal of the latest attempt, not the server's earlier error", () => {
    expect(latestErrors({ confirmPassword: "validation.passwordsDiffer" }, server)).toEqual({ confirmPassword: "validation.passwordsDiffer" });
  });

  it("shows the server's errors when the browser found none, and nothing after a success", () => {
    expect(latestErrors({}, server)).toEqual(server.fieldErrors);
    expect(latestErrors({}, { ok: true })).toEqual({});
  });
});
