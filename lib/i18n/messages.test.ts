import { describe, expect, it } from "vitest";
import { interpolate } from "./format";
import { messages } from "./messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
});
