import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_SIZE, poolSize } from "./pool-size";

describe("poolSize", () => {
  it("is 10 unless GATEHOUSE_DB_POOL_SIZE says otherwise", () => {
    expect(poolSize({})).toBe(DEFAULT_POOL_SIZE);
    expect(poolSize({ GATEHOUSE_DB_POOL_SIZE: "" })).toBe(10);
    expect(poolSize({ GATEHOUSE_DB_POOL_SIZE: "4" })).toBe(4);
    expect(poolSize({ GATEHOUSE_DB_POOL_SIZE: "100" })).toBe(100);
  });

  it("refuses anything but a whole number from 1 to 100", () => {
    for (const bad of ["0", "-1", "2.5", "101", "four", " "]) expect(() => poolSize({ GATEHOUSE_DB_POOL_SIZE: bad })).toThrow(/GATEHOUSE_DB_POOL_SIZE/);
  });
});
