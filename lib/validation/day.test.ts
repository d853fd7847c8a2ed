import { afterEach, describe, expect, it, vi } from "vitest";
import { updateLoginSchema } from "./account-edits";
import { utcToday } from "../days";
import { realDay } from "./day";
import { acceptFindingSchema } from "./findings";
import { offboardPersonSchema } from "./people";
import { addDays } from "../dates";

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

// One problem, one message (issue 19): every bad field is reported, each once, at its own field.
describe("form dates", () => {
  it("reports both bad fields of a risk acceptance, each at its field", () => {
    const result = acceptFindingSchema.safeParse({ findingId: "f-1", reason: "short", until: addDays(utcToday(), -1) });
    expect(problems(result)).toEqual([["reason", "validation.reasonTooShort"], ["until", "validation.untilPast"]]);
    expect(problems(acceptFindingSchema.safeParse({ findingId: "f-1", reason: "short", until: addDays(utcToday(), 400) }))).toEqual([
      ["reason", "validation.reasonTooShort"], ["until", "validation.untilTooFar"],
    ]);
  });

  // Days that do not exist are not rolled over into the next month (probe 43, finding 5: 2027-02-30 was stored as 2027-03-02).
  it.each(["yesterday", "2026-13-45", "05/05/2026", "2027-02-30", "2025-02-29", "2026-04-31", "2026-00-10", "2026-06-00"])("reports the invalid date %s once, not again as out of range", (bad) => {
    expect(problems(acceptFindingSchema.safeParse({ findingId: "f-1", reason: "long enough reason", until: bad }))).toEqual([["until", "validation.date"]]);
    expect(problems(offboardPersonSchema.safeParse({ personId: "p", departedAt: bad, confirm: "yes" }))).toEqual([["departedAt", "validation.date"]]);
    const login = { accountId: "a", version: "1", loginId: "l", status: "ACTIVE", passwordChangedAt: bad };
    expect(problems(updateLoginSchema.safeParse(login))).toEqual([["passwordChangedAt", "validation.date"]]);
  });

  it("accepts a real 29 February", () => {
    expect(realDay("2028-02-29")).toBe(true);
    expect(realDay("2000-02-29")).toBe(true);
    expect(realDay("2100-02-29")).toBe(false);
  });

  it("refuses future departures and password changes in the schema, and accepts today", () => {
    // Two days on: UTC's tomorrow is already today east of UTC from 10:00 UTC (latestDayAnywhere).
    const tomorrow = addDays(utcToday(), 2);
    expect(problems(offboardPersonSchema.safeParse({ personId: "p", departedAt: tomorrow, confirm: "no" }))).toEqual([
      ["departedAt", "validation.departedFuture"], ["confirm", "validation.offboardConfirm"],
    ]);
    const login = { accountId: "a", version: "1", loginId: "l", status: "ACTIVE" };
    expect(problems(updateLoginSchema.safeParse({ ...login, passwordChangedAt: tomorrow }))).toEqual([["passwordChangedAt", "validation.passwordChangedFuture"]]);
    expect(updateLoginSchema.parse({ ...login, passwordChangedAt: utcToday() }).passwordChangedAt).toBe(utcToday());
    expect(updateLoginSchema.parse({ ...login, passwordChangedAt: "" }).passwordChangedAt).toBeNull();
    expect(offboardPersonSchema.safeParse({ personId: "p", departedAt: utcToday(), confirm: "yes" }).success).toBe(true);
  });
});

describe("today at the ends of the Earth (review 43: a user in Japan was refused today as a future day before 09:00)", () => {
  afterEach(() => vi.useRealTimers());

  it("lets a departure and a password change be today in Japan while UTC is still on the day before", () => {
    // 23:30 UTC on the 7th is 08:30 on the 8th in Tokyo.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T23:30:00Z"));
    const login = { accountId: "a", version: "1", loginId: "l", status: "ACTIVE" };
    expect(updateLoginSchema.parse({ ...login, passwordChangedAt: "2026-12-08" }).passwordChangedAt).toBe("2026-12-08");
    expect(offboardPersonSchema.safeParse({ personId: "p", departedAt: "2026-12-08", confirm: "yes" }).success).toBe(true);
    // The 9th is nobody's today yet.
    expect(problems(updateLoginSchema.safeParse({ ...login, passwordChangedAt: "2026-12-09" }))).toEqual([["passwordChangedAt", "validation.passwordChangedFuture"]]);
    expect(problems(offboardPersonSchema.safeParse({ personId: "p", departedAt: "2026-12-09", confirm: "yes" }))).toEqual([["departedAt", "validation.departedFuture"]]);
  });
});
