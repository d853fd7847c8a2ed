import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("list cursors", () => {
  it("round-trip any key", () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 200 }), (key) => decodeCursor(encodeCursor(key)) === key));
  });

  it("refuse what the server did not make", () => {
    for (const bad of ["", "x", "not-base64!", Buffer.from("[]").toString("base64url"), Buffer.from('{"after":""}').toString("base64url"), Buffer.from('{"after":1}').toString("base64url")])
      expect(decodeCursor(bad), bad).toBeNull();
  });
});
