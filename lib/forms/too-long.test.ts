import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/validation/en";
import { ja } from "@/lib/i18n/messages/validation/ja";
import { TOO_LONG, TOO_LONG_TYPED, tooLongSentence } from "./too-long";

describe("a value past its field's limit", () => {
  it("is refused with the limit and the length typed, in both languages", () => {
    expect(tooLongSentence(TOO_LONG, en[TOO_LONG_TYPED], 200, "n".repeat(215))).toBe("200 characters at most (you typed 215). Nothing was cut: shorten it and send the form again.");
    expect(tooLongSentence(TOO_LONG, ja[TOO_LONG_TYPED], 200, "名".repeat(215))).toBe("200文字までです（215文字入力されています）。入力はそのまま残しています。短くしてからもう一度送信してください。");
  });

  it("says nothing of its own for another refusal, a field without a limit, or a value within it", () => {
    expect(tooLongSentence("validation.required", en[TOO_LONG_TYPED], 200, "n".repeat(215))).toBeUndefined();
    expect(tooLongSentence(TOO_LONG, en[TOO_LONG_TYPED], undefined, "n".repeat(215))).toBeUndefined();
    expect(tooLongSentence(TOO_LONG, en[TOO_LONG_TYPED], 200, "n".repeat(200))).toBeUndefined();
    expect(tooLongSentence(TOO_LONG, undefined, 200, "n".repeat(215))).toBeUndefined();
  });

  it("counts what the schema judged: spaces around the value are trimmed before the limit, so they are not counted", () => {
    expect(tooLongSentence(TOO_LONG, en[TOO_LONG_TYPED], 200, `${"n".repeat(205)}          `)).toMatch(/^200 characters at most \(you typed 205\)/);
    expect(tooLongSentence(TOO_LONG, en[TOO_LONG_TYPED], 200, `  ${"n".repeat(200)}  `)).toBeUndefined();
  });
});
