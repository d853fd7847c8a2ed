import pg from "pg";
import { describe, expect, it } from "vitest";
import { RAW_TYPES, rawParams, utcDate, utcTimestamp } from "./raw-rows";

// Tokyo, so that a parser reading local time would be nine hours out (Node applies a changed TZ at once).
process.env.TZ = "Asia/Tokyo";

const parse = (oid: number, text: string) => (RAW_TYPES.getTypeParser(oid, "text") as (t: string) => unknown)(text);

describe("a raw read's values, as Prisma's $queryRawUnsafe gives them", () => {
  it("reads a timestamp and a date as UTC, whatever the process's time zone", () => {
    // pg's own parser reads local time: the case these parsers exist for.
    expect((pg.types.getTypeParser(1114 as never) as (t: string) => Date)("2026-01-01 23:30:00").toISOString()).toBe("2026-01-01T14:30:00.000Z");
    expect(utcTimestamp("2026-12-06 15:04:05.123").toISOString()).toBe("2026-12-06T15:04:05.123Z");
    expect(utcTimestamp("2026-12-06 00:00:00").toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(utcDate("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect((parse(1114, "2026-01-01 23:30:00") as Date).toISOString()).toBe("2026-01-01T23:30:00.000Z");
    expect((parse(1082, "2026-01-01") as Date).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("reads their arrays element by element, NULLs kept", () => {
    expect((parse(1115, '{"2026-12-06 15:04:05.123",NULL}') as (Date | null)[]).map((d) => d?.toISOString() ?? null)).toEqual(["2026-12-06T15:04:05.123Z", null]);
    expect((parse(1182, "{2026-12-06,2026-12-07}") as Date[]).map((d) => d.toISOString())).toEqual(["2026-12-06T00:00:00.000Z", "2026-12-07T00:00:00.000Z"]);
  });

  it("reads int8 (count(*), bigint) as BigInt, as Prisma does, and its array too", () => {
    expect(parse(20, "9007199254740993")).toBe(9007199254740993n);
    expect(parse(1016, "{1,NULL,3}")).toEqual([1n, null, 3n]);
  });

  it("leaves every other type to pg: int4 a number, json parsed, text[] strings, bool", () => {
    expect(parse(23, "42")).toBe(42);
    expect(parse(3802, '{"a":[1,"x"]}')).toEqual({ a: [1, "x"] });
    expect(parse(1009, '{a,"b c"}')).toEqual(["a", "b c"]);
    expect(parse(16, "t")).toBe(true);
  });

  it("sends a Date parameter as its UTC instant, everything else as given", () => {
    expect(rawParams([new Date("2026-01-02T03:04:05.678Z"), "x", 1, null, ["a"]])).toEqual(["2026-01-02T03:04:05.678Z", "x", 1, null, ["a"]]);
  });
});
