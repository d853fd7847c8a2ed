import { describe, expect, it } from "vitest";
import { echoedValues, isPasswordField } from "./echo";

describe("echoedValues", () => {
  it("sends back what was typed, including fields about a password that are not one", () => {
    const form = new FormData();
    form.set("stalePasswordDays", "abc");
    form.set("stalePasswordHighDays", "100");
    form.set("passwordChangedAt", "2030-05-05");
    form.set("dormantUserDays", "-5");
    expect(echoedValues(form.entries())).toEqual({ stalePasswordDays: "abc", stalePasswordHighDays: "100", passwordChangedAt: "2030-05-05", dormantUserDays: "-5" });
  });

  it("never sends back a password", () => {
    for (const name of ["password", "currentPassword", "newPassword", "confirmPassword"]) expect(isPasswordField(name), name).toBe(true);
    const form = new FormData();
    form.set("name", "Aiko");
    form.set("password", "calm orchard");
    form.set("confirmPassword", "calm orchard");
    expect(echoedValues(form.entries())).toEqual({ name: "Aiko" });
  });
});

describe("echoedValues of a checkbox group", () => {
  it("keeps every ticked box, comma-joined as the action reads them", () => {
    expect(echoedValues([["itemIds", "a"], ["itemIds", "b"], ["decision", "KEEP"]])).toEqual({ itemIds: "a,b", decision: "KEEP" });
  });
});
