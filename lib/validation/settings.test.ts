import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_SETTINGS } from "./risk-settings";
import { updateRiskSettingsSchema } from "./settings";

const form = (overrides: Record<string, string> = {}) => ({ ...Object.fromEntries(Object.entries(DEFAULT_RISK_SETTINGS).map(([k, v]) => [k, String(v)])), ...overrides });

describe("the settings form", () => {
  it("reads every threshold as a whole number", () => {
    expect(updateRiskSettingsSchema.parse(form())).toEqual(DEFAULT_RISK_SETTINGS);
    expect(updateRiskSettingsSchema.parse(form({ stalePasswordDays: " 30 " })).stalePasswordDays).toBe(30);
  });

  it("refuses an empty field instead of reading it as 0, which would switch the rule off", () => {
    const result = updateRiskSettingsSchema.safeParse(form({ stalePasswordHighDays: "" }));
    expect(result.success).toBe(false);
    // The form shows each field's first message.
    expect(result.error?.issues[0]).toMatchObject({ path: ["stalePasswordHighDays"], message: "validation.required" });
    expect(new Set(result.error?.issues.map((i) => i.path[0]))).toEqual(new Set(["stalePasswordHighDays"]));
    expect(updateRiskSettingsSchema.safeParse(form({ stalePasswordDays: "   " })).success).toBe(false);
  });

  it("refuses negative, fractional, non-numeric and huge values; 0 is an explicit choice", () => {
    for (const bad of ["-5", "1.5", "abc", "99999"]) expect(updateRiskSettingsSchema.safeParse(form({ dormantUserDays: bad })).success).toBe(false);
    expect(updateRiskSettingsSchema.parse(form({ dormantUserDays: "0" })).dormantUserDays).toBe(0);
  });

  it("refuses 0 people as the most who may administer an account: that rule has no 0 = off", () => {
    const result = updateRiskSettingsSchema.safeParse(form({ maxAdmins: "0" }));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["maxAdmins"], message: "validation.maxAdminsAtLeastOne" })]);
    for (const bad of ["-1", "1.5", "abc"]) expect(updateRiskSettingsSchema.safeParse(form({ maxAdmins: bad })).error?.issues[0]?.message, bad).toBe("validation.maxAdminsAtLeastOne");
    expect(updateRiskSettingsSchema.parse(form({ maxAdmins: "1" })).maxAdmins).toBe(1);
  });
});
