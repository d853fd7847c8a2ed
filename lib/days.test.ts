import { afterEach, describe, expect, it, vi } from "vitest";
import { earliestDayAnywhere, latestDayAnywhere, utcToday } from "./days";

describe("UTC's day", () => {
  afterEach(() => vi.useRealTimers());

  it("is the day of the moment asked about, changing at midnight UTC whatever the machine's zone", () => {
    expect(utcToday(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-07");
    expect(utcToday(new Date("2026-12-07T23:59:59.999Z"))).toBe("2026-12-07");
    expect(utcToday(new Date("2026-12-08T08:30:00+09:00"))).toBe("2026-12-07"); // Tokyo's morning is UTC's evening before
    expect(utcToday(new Date("2028-02-29T12:00:00Z"))).toBe("2028-02-29");
  });

  it("reads the clock when given no moment", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-31T23:59:59Z"));
    expect(utcToday()).toBe("2026-12-31");
    expect(earliestDayAnywhere()).toBe("2026-12-31");
    expect(latestDayAnywhere()).toBe("2027-01-01");
  });
});

describe("today at the ends of the Earth (review 43: a user in Japan was refused today as a future day before 09:00)", () => {
  it("is UTC's day until 10:00 UTC for the latest zone (UTC+14), the next from then", () => {
    expect(latestDayAnywhere(new Date("2026-12-07T09:59:59Z"))).toBe("2026-12-07");
    expect(latestDayAnywhere(new Date("2026-12-07T10:00:00Z"))).toBe("2026-12-08");
    expect(latestDayAnywhere(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });

  it("is UTC's day from noon UTC for the earliest zone (UTC−12), the day before until then", () => {
    expect(earliestDayAnywhere(new Date("2026-12-07T18:00:00Z"))).toBe("2026-12-07");
    expect(earliestDayAnywhere(new Date("2026-12-07T12:00:00Z"))).toBe("2026-12-07");
    expect(earliestDayAnywhere(new Date("2026-12-07T11:59:59Z"))).toBe("2026-12-06");
    expect(earliestDayAnywhere(new Date("2027-01-01T03:00:00Z"))).toBe("2026-12-31");
  });
});
