import { describe, expect, it } from "vitest";
import { optionalRef, recordId } from "./record-fields";
import { CONTROL_CHARACTER_KEY } from "./text";

// Ids arrive in paths (`/clients/%00…`) and in forms' hidden fields; PostgreSQL refuses a NUL in text (22021), so an
// id with a control character must be refused here, where it becomes a 404 or a form's refusal, never a 500.
const CONTROL = ["\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u2028", "\u202e"];

describe("a record's id", () => {
  it("accepts a generated id and one of 64 characters", () => {
    expect(recordId.safeParse("8a451f6d-6494-4a51-bda5-b576aeadec17").success).toBe(true);
    expect(recordId.safeParse("a".repeat(64)).success).toBe(true);
  });

  it.each(CONTROL.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`, `${c}<not an id>`]))("refuses %s with the control-character key", (_, bad) => {
    const parsed = recordId.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_KEY]);
  });

  it("refuses an empty id and one too long, as before", () => {
    expect(recordId.safeParse("").error?.issues[0].message).toBe("validation.required");
    expect(recordId.safeParse("a".repeat(65)).error?.issues[0].message).toBe("validation.tooLong");
  });

  it("an optional reference: empty is none, a control character is refused", () => {
    expect(optionalRef.parse("")).toBeNull();
    expect(optionalRef.parse("c-1")).toBe("c-1");
    expect(optionalRef.safeParse("c\u00001").success).toBe(false);
  });
});
