import { describe, expect, it } from "vitest";
import { StringIds } from "./string-ids";

describe("StringIds", () => {
  it("gives distinct strings dense ids in first-seen order and finds them again", () => {
    const ids = new StringIds(2);
    expect(["d-1", "d-2", "d-1", "", "d-3", "d-2"].map((key) => ids.add(key))).toEqual([0, 1, 0, 2, 3, 1]);
    expect(ids.keys).toEqual(["d-1", "d-2", "", "d-3"]);
    expect(ids.find("d-3")).toBe(3);
    expect(ids.find("d-4")).toBe(-1);
  });

  it("matches equal strings that are different objects, and keeps every id through growth", () => {
    const ids = new StringIds(1);
    const keys = Array.from({ length: 5000 }, (_, i) => `device-${i}-${"x".repeat(i % 7)}`);
    keys.forEach((key, i) => expect(ids.add(key)).toBe(i));
    expect(ids.size).toBe(5000);
    for (let i = 0; i < keys.length; i++) expect(ids.find(JSON.parse(JSON.stringify(keys[i])))).toBe(i);
    expect(ids.find("device-5000-")).toBe(-1);
  });
});
