import { describe, expect, it } from "vitest";
import { addDays, ageInDays, daysUntil, formatDay, isValidDate, parseDay, toDay } from "./dates";

describe("dates", () => {
  it("parses a calendar date to its day number and back", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2026-11-23")).toBe(20780);
    expect(formatDay(20780)).toBe("2026-11-23");
    expect(formatDay(-1)).toBe("1969-12-31");
  });

  it("agrees with Date on every day over four centuries", () => {
    for (let day = -150_000; day < 150_000; day += 37) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(formatDay(day)).toBe(iso);
      expect(parseDay(iso)).toBe(day);
    }
  });

  it("counts only the UTC calendar date of a timestamp", () => {
    expect(parseDay("2026-11-23T23:59:59Z")).toBe(parseDay("2026-11-23"));
    expect(parseDay("2026-11-24T08:00:00+09:00")).toBe(parseDay("2026-11-23"));
    expect(parseDay("2026-11-23T20:00:00-05:00")).toBe(parseDay("2026-11-24"));
    expect(parseDay("2026-11-23T10:00:00.5+0900")).toBe(parseDay("2026-11-23"));
  });

  it.each(["2026-02-29", "2025-04-31", "2026-00-10", "2026-11-23T24:00:00Z", "2026-11-23T10:00:00+25:00", "2026-11-23T10:00", "2026/11/23", "", "tomorrow"])(
    "rejects %j",
    (value) => {
      expect(parseDay(value)).toBeNull();
      expect(isValidDate(value)).toBe(false);
      expect(() => toDay(value)).toThrow(RangeError);
    },
  );

  it("accepts leap days", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2000-02-29")).toBe(true);
    expect(isValidDate("1900-02-29")).toBe(false);
  });

  it("ageInDays is asOf minus date; daysUntil is date minus asOf", () => {
    expect(ageInDays("2026-11-23", "2026-04-25")).toBe(212);
    expect(ageInDays("2026-11-23", "2026-11-23T23:00:00Z")).toBe(0);
    expect(daysUntil("2026-11-23", "2026-12-23")).toBe(30);
    expect(daysUntil("2026-11-23", "2026-11-22")).toBe(-1);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
