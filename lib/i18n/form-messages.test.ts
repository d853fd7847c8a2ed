import { describe, expect, it } from "vitest";
import { answerSentences, errorCodeSentences, formMessages } from "./form-messages";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const translator = (locale: "ja" | "en"): Translate => (key) => messages[locale][key];
const en = translator("en");
const ja = translator("ja");

describe("answerSentences", () => {
  it("says the code, each field's error and a validation message, in the reader's language", () => {
    const state = { ok: false, seq: 2, error: "INVALID_INPUT" as const, message: "validation.noOffboardingToCancel", fieldErrors: { name: "validation.tooLong", departedAt: "validation.date" }, values: { name: "x" } };
    const said = answerSentences(state, ja);
    expect(said).toEqual({
      ...state,
      said: {
        INVALID_INPUT: messages.ja["error.INVALID_INPUT"],
        "validation.noOffboardingToCancel": messages.ja["validation.noOffboardingToCancel"],
        "validation.tooLong": messages.ja["validation.tooLong"],
        "validation.date": messages.ja["validation.date"],
        // Unfilled: the form fills in the field's own limit and the length typed.
        "validation.tooLongTyped": "{max}文字までです（{count}文字入力されています）。入力はそのまま残しています。短くしてからもう一度送信してください。",
      },
    });
    expect(answerSentences(state, en).said?.["validation.tooLong"]).toBe(messages.en["validation.tooLong"]);
  });

  it("adds a stale edit's words on a CONFLICT", () => {
    const said = answerSentences({ ok: false, seq: 1, error: "CONFLICT", message: "CONFLICT", current: { name: "A", version: "3" } }, en).said;
    expect(said).toEqual({
      CONFLICT: messages.en["error.CONFLICT"],
      "form.currentValue": messages.en["form.currentValue"],
      "form.conflictWithCurrent": messages.en["form.conflictWithCurrent"],
    });
  });

  it("leaves out what is not a form's sentence, which the form shows as it is", () => {
    const said = answerSentences({ ok: false, seq: 1, error: "INVALID_INPUT", message: "api.problem.cursor", fieldErrors: { a: "Invalid input", b: "validation.noSuchKey", c: "nav.accounts" } }, en).said;
    expect(said).toEqual({ INVALID_INPUT: messages.en["error.INVALID_INPUT"] });
  });

  it("leaves a success as it is", () => {
    const ok = { ok: true, seq: 3, data: { token: "t" } };
    expect(answerSentences(ok, en)).toBe(ok);
  });
});

describe("formMessages", () => {
  it("carries the success sentence only", () => {
    expect(formMessages(en, "form.saved")).toEqual({ success: messages.en["form.saved"] });
    expect(formMessages(ja, "form.saved")).toEqual({ success: messages.ja["form.saved"] });
  });

  it("errorCodeSentences: every refusal code's sentence", () => {
    expect(errorCodeSentences(en)).toEqual(Object.fromEntries((["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT"] as const).map((c) => [c, messages.en[`error.${c}` as MessageKey]])));
  });
});
