import { describe, expect, it } from "vitest";
import { sharedFor } from "./shared-by-translator";
import type { Translate } from "./server";

describe("sharedFor", () => {
  it("builds once per translator and key, and separately for another translator", () => {
    const t1: Translate = (key) => `1:${key}`;
    const t2: Translate = (key) => `2:${key}`;
    let builds = 0;
    const make = (t: Translate) => () => {
      builds++;
      return [{ value: "a", label: t("form.save") }];
    };
    const a = sharedFor(t1, "roles", make(t1));
    expect(sharedFor(t1, "roles", make(t1))).toBe(a);
    expect(builds).toBe(1);
    const b = sharedFor(t2, "roles", make(t2));
    expect(b).not.toBe(a);
    expect(b[0].label).toBe("2:form.save");
    expect(sharedFor(t1, "other", () => 1)).toBe(1);
    expect(builds).toBe(2);
  });
});
