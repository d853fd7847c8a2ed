import { describe, expect, it } from "vitest";
import { recordTriageSchema, TRIAGE_NOTE_MAX_LENGTH } from "./triage";

const problems = (r: ReturnType<typeof recordTriageSchema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => [String(i.path[0]), i.message]));

describe("recordTriageSchema", () => {
  it("reads the answers in checklist order and takes the single 'this was it' as the cause", () => {
    const v = recordTriageSchema.parse({ accountId: "a", loginId: "l", outcome: "RESOLVED", "answer.credentials": "not", "answer.lost-phone": "this", "answer.outage": "" });
    expect(v.cause).toBe("lost-phone");
    expect(v.answers).toEqual([{ step: "lost-phone", answer: "this" }, { step: "credentials", answer: "not" }]);
    expect(v.openTask).toBe(false);
    expect(v.note).toBeNull();
  });

  it("a chosen cause wins; no login is null; the task request is a tick", () => {
    const v = recordTriageSchema.parse({ accountId: "a", loginId: "", outcome: "ESCALATED", cause: "outage", openTask: "yes", note: "  support case 123  " });
    expect(v).toMatchObject({ loginId: null, cause: "outage", openTask: true, note: "support case 123" });
  });

  it("resolved needs a cause (field-level), other outcomes do not", () => {
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "RESOLVED" }))).toEqual([["cause", "validation.triageCauseRequired"]]);
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "RESOLVED", "answer.outage": "this", "answer.credentials": "this" }))).toEqual([["cause", "validation.triageCauseRequired"]]);
    expect(recordTriageSchema.parse({ accountId: "a", outcome: "LOCKED_OUT" }).cause).toBeNull();
  });

  it("refuses unknown outcomes, causes, answers and long notes", () => {
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "MAYBE" }))).toEqual([["outcome", "validation.choose"]]);
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "ESCALATED", cause: "aliens" }))[0][0]).toBe("cause");
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "ESCALATED", "answer.outage": "perhaps" }))[0][0]).toBe("answer.outage");
    expect(problems(recordTriageSchema.safeParse({ accountId: "a", outcome: "ESCALATED", note: "n".repeat(TRIAGE_NOTE_MAX_LENGTH + 1) }))).toEqual([["note", "validation.noteTooLong"]]);
  });
});
