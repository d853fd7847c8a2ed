import { describe, expect, it } from "vitest";
import { JOBS, JOB_NAMES, parseJobData, weekOf } from "./registry";

describe("the jobs registry", () => {
  it("defines every job, scheduled ones with a cron", () => {
    expect(Object.keys(JOBS).sort()).toEqual([...JOB_NAMES].sort());
    expect(JOBS["risk.daily-recompute"].cron).toBe("5 0 * * *");
    // The reminders go out after the day's recompute has closed the tasks it satisfied.
    expect(JOBS["reminders.daily"].cron).toBe("30 0 * * *");
    expect(JOBS["reviews.start-due-recurrences"].cron).toBeDefined();
    expect(JOBS["reminders.member"].cron).toBeUndefined();
  });

  it("refuses data that is not the job's", () => {
    expect(parseJobData("risk.recompute-organisation", { orgId: "o1" })).toEqual({ orgId: "o1" });
    expect(() => parseJobData("risk.recompute-organisation", {})).toThrow();
    expect(() => parseJobData("risk.daily-recompute", { extra: 1 })).toThrow();
    expect(() => parseJobData("digest.member", { orgId: "o", userId: "u", period: "2026-13-01" })).toThrow();
    expect(parseJobData("reminders.member", { orgId: "o", userId: "u", day: "2026-12-04" })).toEqual({ orgId: "o", userId: "u", day: "2026-12-04" });
    expect(() => parseJobData("reminders.member", { orgId: "o", userId: "u", day: "4 Dec" })).toThrow();
    expect(() => parseJobData("reviews.start-due-recurrences", { orgId: "o" })).toThrow();
  });

  it("keys a digest by the week's Monday, UTC", () => {
    expect(weekOf(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-07"); // a Monday
    expect(weekOf(new Date("2026-12-13T23:59:59Z"))).toBe("2026-12-07"); // the Sunday after
    expect(weekOf(new Date("2026-12-06T23:59:59Z"))).toBe("2026-11-30");
  });
});
