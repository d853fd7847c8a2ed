import { describe, expect, it } from "vitest";
import { parseAccountListPage } from "@/lib/validation/accounts";
import { interpolate } from "./format";
import { ignoredFilterSentences } from "./ignored-filters";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const translator = (locale: "ja" | "en"): Translate => (key: MessageKey, vars) => interpolate(messages[locale][key], vars, locale);

describe("the sentences naming the filters a page did not apply", () => {
  const { ignored } = parseAccountListPage({ severity: "CRITICAL", market: "jp", max: "{count}" });

  it("says which value was ignored and why, in English", () => {
    expect(ignoredFilterSentences(ignored, translator("en"))).toEqual([
      "Ignored filter market=jp: not a marketplace code (2 or 3 capital letters, such as JP or US).",
      "Ignored filter severity=CRITICAL: not one of critical, high, medium, low.",
      // A value that looks like a placeholder is shown as typed, not filled in.
      "Ignored filter max={count}: not a whole number from 0 to 100.",
    ]);
    expect(translator("en")("filters.ignoredTitle", { count: 1 })).toBe("A filter in this link could not be used, so the list is shown without it.");
    expect(translator("en")("filters.ignoredTitle", { count: 3 })).toBe("3 filters in this link could not be used, so the list is shown without them.");
  });

  it("and in Japanese", () => {
    expect(ignoredFilterSentences(ignored, translator("ja"))[1]).toBe("絞り込み severity=CRITICAL は適用していません。critical, high, medium, low のいずれでもありません。");
  });

  it("has a sentence for every reason, in both languages", () => {
    const all = parseAccountListPage({ q: "a\u0000", client: "c".repeat(65), market: "x", plan: "x", rule: "x", min: "x" }).ignored;
    expect(new Set(all.map((i) => i.reason.kind))).toEqual(new Set(["controlChar", "tooLong", "marketplace", "oneOf", "rule", "wholeNumber"]));
    for (const locale of ["ja", "en"] as const) {
      for (const sentence of ignoredFilterSentences(all, translator(locale))) expect(sentence).not.toMatch(/\{(name|value|reason|values|max|min)\}/);
    }
  });
});
