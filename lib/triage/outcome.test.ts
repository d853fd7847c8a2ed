import { describe, expect, it } from "vitest";
import { answersOf, causeOf } from "./outcome";

describe("triage outcome helpers", () => {
  it("reads answer.<cause> fields in checklist order, ignoring anything else", () => {
    expect(answersOf({ "answer.outage": "not", "answer.suspension": "this", "answer.credentials": "maybe", "answer.unknown": "this", note: "x" })).toEqual([
      { step: "suspension", answer: "this" },
      { step: "outage", answer: "not" },
    ]);
    expect(answersOf({})).toEqual([]);
  });

  it("the cause is the one chosen, else the only 'this was it', else none", () => {
    const one = [{ step: "lost-phone" as const, answer: "this" as const }, { step: "outage" as const, answer: "not" as const }];
    expect(causeOf(null, one)).toBe("lost-phone");
    expect(causeOf("outage", one)).toBe("outage");
    expect(causeOf(null, [...one, { step: "credentials", answer: "this" }])).toBeNull();
    expect(causeOf(null, [{ step: "outage", answer: "not" }])).toBeNull();
  });
});
