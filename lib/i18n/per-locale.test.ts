import { describe, expect, it } from "vitest";
import { perLocale, translatorFor } from "./per-locale";

describe("perLocale", () => {
  it("builds once per locale, with that locale's words", () => {
    let builds = 0;
    const words = perLocale((t, locale) => {
      builds++;
      return { locale, any: t("table.any"), found: t("table.clientsFound", { count: 3 }) };
    });
    const ja = words("ja");
    expect(words("ja")).toBe(ja);
    expect(ja.any).toBe("すべて");
    const en = words("en");
    expect(en).not.toBe(ja);
    expect(en).toMatchObject({ locale: "en", any: "Any" });
    expect(builds).toBe(2);
  });

  it("gives a frozen value: every reader of the language shares it, so an edit in place would reach them all", () => {
    const words = perLocale((t) => ({ any: t("table.any"), options: [{ value: "x", label: t("table.any") }] }));
    const ja = words("ja");
    expect(Object.isFrozen(ja) && Object.isFrozen(ja.options) && Object.isFrozen(ja.options[0])).toBe(true);
    expect(() => ja.options.push({ value: "y", label: "y" })).toThrow(TypeError);
    expect(words("ja").options).toHaveLength(1);
  });

  it("translates as a reader's translator does, variables included", () => {
    expect(translatorFor("en")("table.clientsFound", { count: 1 })).not.toBe(translatorFor("en")("table.clientsFound", { count: 2 }));
    expect(translatorFor("ja")("table.any")).toBe("すべて");
  });
});
