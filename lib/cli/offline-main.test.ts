import { describe, expect, it } from "vitest";
import { roomToGrow } from "./offline-main";

const GB = 1024 ** 3;

describe("whether an audit lets its heap grow by V8's largest factor (decision 043)", () => {
  it("does where the heap limit is ample and no container limit is low", () => {
    expect(roomToGrow(4 * GB, undefined)).toBe(true);
    expect(roomToGrow(2 * GB, 0)).toBe(true);
    expect(roomToGrow(4 * GB, 16 * GB)).toBe(true);
  });

  it("does not on a small heap limit or under a container limit below 4 GB", () => {
    expect(roomToGrow(2 * GB - 1, undefined)).toBe(false);
    expect(roomToGrow(4 * GB, 4 * GB - 1)).toBe(false);
    expect(roomToGrow(1 * GB, 2 * GB)).toBe(false);
  });
});
