import { describe, expect, it } from "vitest";
import { messages } from "../i18n/messages";
import { createSavedViewSchema } from "./accounts";
import { acceptFindingSchema } from "./findings";
import { utcToday } from "../days";
import { addDays } from "../dates";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("length limits speak the app's language, not zod's", () => {
  it("refuses an over-long acceptance reason with a catalogue key", () => {
    const result = acceptFindingSchema.safeParse({ findingId: "f-1", reason: "x".repeat(1001), until: "2030-01-01" });
    expect(firstMessage(result)).toBe("validation.reasonTooLong");
    expect(messages.en["validation.reasonTooLong"]).toContain("1000");
  });

  it("refuses an over-long saved-view name with a catalogue key", () => {
    const result = createSavedViewSchema.safeParse({ name: "n".repeat(81), query: "" });
    expect(firstMessage(result)).toBe("validation.viewNameTooLong");
    expect(messages.ja["validation.viewNameTooLong"]).toContain("80");
  });

  it("accepts the limits themselves", () => {
    expect(acceptFindingSchema.safeParse({ findingId: "f-1", reason: "x".repeat(1000), until: addDays(utcToday(), 30) }).success).toBe(true);
    expect(createSavedViewSchema.safeParse({ name: "n".repeat(80), query: "" }).success).toBe(true);
  });
});
