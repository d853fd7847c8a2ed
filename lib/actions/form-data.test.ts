import { describe, expect, it } from "vitest";
import { asFormData, nextSeq } from "./form-data";

describe("asFormData", () => {
  it("passes a form through", () => {
    const form = new FormData();
    form.set("locale", "en");
    expect(asFormData(form)).toBe(form);
  });

  it.each([["a string", "locale=en"], ["a number", 42], ["a plain object", { get: () => "en", entries: () => [] }], ["null", null], ["undefined", undefined], ["an array", [["locale", "en"]]], ["a URLSearchParams", new URLSearchParams("locale=en")]])(
    "is null for %s",
    (_, value) => {
      expect(asFormData(value)).toBeNull();
    },
  );
});

describe("nextSeq", () => {
  it("is one more than the previous state's", () => {
    expect(nextSeq({ ok: false, seq: 0 })).toBe(1);
    expect(nextSeq({ ok: true, seq: 41 })).toBe(42);
  });

  it.each([["nothing", undefined], ["null", null], ["a string", "seq"], ["a number", 7], ["a form", new FormData()], ["a string seq", { seq: "x" }], ["a negative seq", { seq: -3 }], ["a fraction", { seq: 1.5 }], ["an unsafe integer", { seq: Number.MAX_SAFE_INTEGER + 2 }], ["NaN", { seq: Number.NaN }]])(
    "starts again at 1 after %s",
    (_, previous) => {
      expect(nextSeq(previous)).toBe(1);
    },
  );
});
