import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { en } from "@/lib/i18n/messages/validation/en";
import { ja } from "@/lib/i18n/messages/validation/ja";
import { loadValidationSentences, offlineSentences, pageLocale, validationSentences, validationSentencesSettled } from "./validation-sentences";

const chunks = { ja, en };

describe("the browser's validation sentences", () => {
  it.each(LOCALES)("hold exactly the catalogue's validation.* sentences in %s", (locale) => {
    const catalogue = Object.fromEntries(Object.entries(messages[locale]).filter(([key]) => key.startsWith("validation.")));
    expect(Object.keys(catalogue).length).toBeGreaterThan(50);
    expect(chunks[locale]).toEqual(catalogue);
  });

  it("hold nothing but validation.* sentences, so no page text is loaded twice", () => {
    for (const locale of LOCALES) expect(Object.keys(chunks[locale]).filter((key) => !key.startsWith("validation."))).toEqual([]);
  });

  it("load the asked language only, and are there once settled", async () => {
    expect(validationSentencesSettled("en")).toBe(false);
    expect(validationSentences("en")).toBeUndefined();
    await loadValidationSentences("en");
    expect(validationSentencesSettled("en")).toBe(true);
    expect(validationSentences("en")?.["validation.passwordsDiffer"]).toBe(messages.en["validation.passwordsDiffer"]);
    expect(validationSentences("ja")).toBeUndefined();
    await loadValidationSentences("ja");
    expect(validationSentences("ja")?.["validation.unknownPerson"]).toBe(messages.ja["validation.unknownPerson"]);
  });

  it.each(LOCALES)("say a person typed but not chosen in %s even when they cannot be loaded (offline)", (locale) => {
    // The one refusal the browser makes without its sentences: the catalogue's own words, not the key.
    expect(offlineSentences(locale)).toEqual({ "validation.unknownPerson": messages[locale]["validation.unknownPerson"] });
  });

  it("take the page's language as Japanese where there is no document", () => {
    expect(pageLocale()).toBe("ja");
  });
});
