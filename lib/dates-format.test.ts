import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./dates-format";

describe("formatDay", () => {
  it("shows the UTC calendar day, or a dash", () => {
    expect(formatDay("2026-11-30T23:30:00Z")).toBe("2026-11-30");
    expect(formatDay(null)).toBe("—");
    expect(formatDay("not a date")).toBe("—");
  });
});

describe("formatDateTime", () => {
  const moment = new Date("2026-11-30T14:05:09Z");

  it("shows the moment in the reader's time zone, named in the reader's language", () => {
    expect(formatDateTime(moment, { locale: "ja", timeZone: "Asia/Tokyo" })).toBe("2026-11-30 23:05 JST");
    expect(formatDateTime(moment, { locale: "en", timeZone: "Asia/Tokyo" })).toBe("2026-11-30 23:05 GMT+9");
    expect(formatDateTime(moment, { locale: "en", timeZone: "UTC" })).toBe("2026-11-30 14:05 UTC");
    expect(formatDateTime(moment.toISOString(), { locale: "ja", timeZone: "Europe/Berlin" })).toBe("2026-11-30 15:05 GMT+1");
  });

  it("crosses the date line with the zone and uses a 24-hour clock", () => {
    expect(formatDateTime(new Date("2026-11-30T15:30:00Z"), { locale: "ja", timeZone: "Asia/Tokyo" })).toBe("2026-12-01 00:30 JST");
    expect(formatDateTime(new Date("2026-12-01T04:00:00Z"), { locale: "en", timeZone: "America/New_York" })).toBe("2026-11-30 23:00 EST");
  });

  it("falls back to UTC for a zone it does not know, and to a dash for a bad date", () => {
    expect(formatDateTime(moment, { locale: "en", timeZone: "Mars/Olympus" })).toBe("2026-11-30 14:05 UTC");
    expect(formatDateTime("garbage", { locale: "en", timeZone: "UTC" })).toBe("—");
  });

  it("keeps each locale and zone apart when moments of several are shown in turn (its formatters are reused)", () => {
    const shown = ["Asia/Tokyo", "Europe/Berlin", "Asia/Tokyo", "Mars/Olympus", "Europe/Berlin"].flatMap((timeZone) =>
      (["ja", "en"] as const).map((locale) => formatDateTime(moment, { locale, timeZone })),
    );
    expect(shown).toEqual([
      "2026-11-30 23:05 JST", "2026-11-30 23:05 GMT+9", "2026-11-30 15:05 GMT+1", "2026-11-30 15:05 GMT+1",
      "2026-11-30 23:05 JST", "2026-11-30 23:05 GMT+9", "2026-11-30 14:05 UTC", "2026-11-30 14:05 UTC",
      "2026-11-30 15:05 GMT+1", "2026-11-30 15:05 GMT+1",
    ]);
    // A moment in summer: the same cached Berlin formatter names the summer offset.
    expect(formatDateTime(new Date("2026-07-01T12:00:00Z"), { locale: "en", timeZone: "Europe/Berlin" })).toBe("2026-07-01 14:00 GMT+2");
  });
});
