import { describe, expect, it } from "vitest";
import { interpolate, pluralCategory } from "./format";
import { messages } from "./messages";

// A plain {name} or the variable of a plural block, {name, plural, …}.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe("message catalogue", () => {
  it("has the same keys in Japanese and English", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ja).sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(messages.ja) as (keyof typeof messages.ja)[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.ja[key]));
    }
  });

  it("has no empty message", () => {
    for (const locale of ["ja", "en"] as const) {
      for (const [key, value] of Object.entries(messages[locale])) expect(value.trim(), `${locale}:${key}`).not.toBe("");
    }
  });

  it("interpolates variables and leaves unknown placeholders visible", () => {
    expect(interpolate("{page} / {pages}", { page: 2, pages: 9 })).toBe("2 / 9");
    expect(interpolate("hello {name}", {})).toBe("hello {name}");
  });

  it("chooses the English plural form by Intl.PluralRules", () => {
    const tpl = "{count, plural, one {# account} other {# accounts}}";
    expect(interpolate(tpl, { count: 0 })).toBe("0 accounts");
    expect(interpolate(tpl, { count: 1 })).toBe("1 account");
    expect(interpolate(tpl, { count: 2 })).toBe("2 accounts");
    expect(interpolate(tpl, { count: "1,234" })).toBe("1,234 accounts");
    expect(pluralCategory(1, "ja")).toBe("other");
  });

  it("supports exact matches, several blocks and plain placeholders beside them", () => {
    const tpl = "{n, plural, =0 {none} one {# item} other {# items}} for {name}";
    expect(interpolate(tpl, { n: 0, name: "A" })).toBe("none for A");
    expect(interpolate("{a, plural, one {# login} other {# logins}} and {b, plural, one {# device} other {# devices}}", { a: 1, b: 3 }))
      .toBe("1 login and 3 devices");
  });

  it("leaves a plural block visible when its variable is missing or not a number, to be filled in later", () => {
    const tpl = "{count, plural, one {# client found} other {# clients found}}";
    expect(interpolate(tpl, {})).toBe(tpl);
    const deferred = interpolate(tpl, { count: "{count}" });
    expect(deferred).toBe(tpl);
    expect(interpolate(deferred, { count: 1 })).toBe("1 client found");
  });

  it("gives every English count message its singular and plural (0, 1, 2)", () => {
    const en = messages.en;
    const cases: [keyof typeof en, string, string, string][] = [
      ["accounts.count", "0 accounts", "1 account", "2 accounts"],
      ["people.count", "0 people", "1 person", "2 people"],
      ["overview.findings", "0 findings", "1 finding", "2 findings"],
      ["import.errorsTitle", "Nothing was imported: 0 problems:", "Nothing was imported: 1 problem:", "Nothing was imported: 2 problems:"],
    ];
    for (const [key, zero, one, two] of cases) {
      expect(interpolate(en[key], { count: 0 }, "en"), key).toBe(zero);
      expect(interpolate(en[key], { count: 1 }, "en"), key).toBe(one);
      expect(interpolate(en[key], { count: 2 }, "en"), key).toBe(two);
    }
    expect(interpolate(en["people.ownDevicesOnly"], { count: 1 })).toBe("1 more device serves only this person's own logins.");
    expect(interpolate(en["offboarding.cancelBlocked"], { count: 1 }, "en")).toBe("1 done item has changed data (a login disabled or handed over), so this offboarding cannot be cancelled. Undo those first.");
    expect(interpolate(en["offboarding.cancelBlocked"], { count: 2 }, "en")).toContain("2 done items have changed data");
    expect(interpolate(en["import.success"], { accounts: 1, logins: 0 })).toBe("Imported 1 account (0 logins) and computed their risks.");
  });

  it("leaves no '(s)' plural shortcut and no bare {count} noun in English", () => {
    for (const [key, value] of Object.entries(messages.en)) {
      expect(value, key).not.toMatch(/\(s\)/);
      expect(value, key).not.toMatch(/\{(count|logins|devices|accounts)\} (accounts|people|findings|problems|logins|devices|clients)\b/);
    }
  });
});
