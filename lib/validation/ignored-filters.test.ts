import { describe, expect, it } from "vitest";
import { IGNORED_VALUE_MAX_LENGTH, ignoredFilters, listedIgnored, nearFilter, oneOf, repeatedParameters, shownValue, textReason, UNKNOWN_PARAMETERS_LISTED, unknownParameters } from "./ignored-filters";

describe("a dropped filter's value, as the notice shows it", () => {
  it("keeps a short value as it is, markup included (React escapes it)", () => {
    expect(shownValue("CRITICAL")).toBe("CRITICAL");
    expect(shownValue("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
  });

  it("cuts a long value to the limit, with an ellipsis, never halving an emoji", () => {
    const shown = shownValue("x".repeat(IGNORED_VALUE_MAX_LENGTH - 1) + "😀😀😀");
    expect(Array.from(shown)).toHaveLength(IGNORED_VALUE_MAX_LENGTH + 1);
    expect(shown.endsWith("x😀…")).toBe(true);
    expect(shownValue("y".repeat(IGNORED_VALUE_MAX_LENGTH))).toBe("y".repeat(IGNORED_VALUE_MAX_LENGTH));
  });

  it("replaces line breaks, NULs and text-direction overrides, which could rearrange the sentence around it", () => {
    expect(shownValue("a\nb\u0000c\u202ed\u2066e")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
  });
});

describe("which filters were dropped", () => {
  const reason = oneOf(["yes", "no"]);

  it("names a value given but not applied, with its reason", () => {
    expect(ignoredFilters([{ name: "external", raw: "maybe", applied: false, reason }])).toEqual([
      { name: "external", value: "maybe", reason: { kind: "oneOf", values: ["yes", "no"] } },
    ]);
  });

  it("says nothing of an applied value, a missing one or a blank one (a form's \"any\")", () => {
    expect(ignoredFilters([
      { name: "a", raw: "yes", applied: true, reason },
      { name: "b", raw: undefined, applied: false, reason },
      { name: "c", raw: "", applied: false, reason },
      { name: "d", raw: "  ", applied: false, reason },
    ])).toEqual([]);
  });

  it("tells a text that is too long from one holding a control character", () => {
    expect(textReason(5)("abcdef")).toEqual({ kind: "tooLong", max: 5 });
    expect(textReason(5)(" abc\u0000 ")).toEqual({ kind: "controlChar" });
    // Measured as the schema measures it: a search is trimmed first (so these spaces are not too long), an id is not.
    expect(textReason(5)("abcde  ")).not.toEqual({ kind: "tooLong", max: 5 });
    expect(textReason(5, { trimmed: false })("abcde  ")).toEqual({ kind: "tooLong", max: 5 });
  });
});

describe("what a notice shows of a value", () => {
  it("keeps at most two combining marks on a letter, so a value cannot rise over the form", () => {
    expect(shownValue(`a${"\u0301".repeat(60)}b`)).toBe("a\u0301\u0301b");
    expect(shownValue("e\u0301")).toBe("e\u0301");
  });
});

describe("parameters a page does not read", () => {
  const known = new Set(["q", "sort"]);
  const unknown = (name: string, value = "") => ({ name, value, reason: { kind: "unknown" } });

  it("are named once each, in the link's order, from URLSearchParams or Next's searchParams alike", () => {
    expect(unknownParameters(new URLSearchParams("sev=critical&q=a&sort=x&b=1&sev=high"), known)).toEqual([unknown("sev", "critical"), unknown("b", "1")]);
    expect(unknownParameters({ sev: ["critical", "high"], q: "a", b: "1" }, known)).toEqual([unknown("sev", "critical"), unknown("b", "1")]);
  });

  it("show their first non-blank value, or none", () => {
    expect(unknownParameters(new URLSearchParams("sev=&sev=%20&sev=high&critical"), known)).toEqual([unknown("sev", "high"), unknown("critical")]);
  });

  it("show their name as a value is shown: cut short, control characters replaced", () => {
    expect(unknownParameters({ [`x\u0000${"y".repeat(60)}`]: "1" }, known)).toEqual([unknown(`x\uFFFD${"y".repeat(38)}…`, "1")]);
  });

  it("take no name from an object's prototype", () => {
    expect(unknownParameters({ toString: "1" }, new Set())).toEqual([unknown("toString", "1")]);
    expect(unknownParameters({}, new Set())).toEqual([]);
  });
});

describe("parameters a download or the API reads once, given more than once", () => {
  const repeated = (name: string, count: number) => ({ name, value: "", reason: { kind: "repeatedParameter", count } });

  it("are named once each, in the link's order, with how many times, from URLSearchParams or Next's searchParams alike", () => {
    expect(repeatedParameters(new URLSearchParams("limit=2&q=a&format=csv&limit=3&format=xlsx&limit=4"))).toEqual([repeated("limit", 3), repeated("format", 2)]);
    expect(repeatedParameters({ limit: ["2", "3"], q: "a" })).toEqual([repeated("limit", 2)]);
  });

  it("count a repeat of the same value, or of a blank one, as much as a different one", () => {
    expect(repeatedParameters(new URLSearchParams("format=csv&format=csv&lang=&lang"))).toEqual([repeated("format", 2), repeated("lang", 2)]);
  });

  it("are only the names asked about, when a route's other parameters are judged by a parser of their own", () => {
    expect(repeatedParameters(new URLSearchParams("severity=high&severity=high&format=csv&format=xlsx"), ["format", "lang"])).toEqual([repeated("format", 2)]);
    expect(repeatedParameters(new URLSearchParams("format=csv&lang=ja"), ["format", "lang"])).toEqual([]);
  });

  it("show their name as a value is shown, and take no name from an object's prototype", () => {
    expect(repeatedParameters(new URLSearchParams([["x\u0000y", "1"], ["x\u0000y", "2"]]))).toEqual([repeated("x\uFFFDy", 2)]);
    expect(repeatedParameters({ toString: "1" })).toEqual([]);
  });
});

describe("the filter an unknown name was probably meant to be", () => {
  const filters = ["q", "client", "market", "plan", "status", "severity", "rule", "min", "max"];

  it("is found for a shortening, a slip or two, or another case", () => {
    expect(nearFilter("sev", filters)).toBe("severity");
    expect(nearFilter("sevrity", filters)).toBe("severity");
    expect(nearFilter("clinet", filters)).toBe("client");
    expect(nearFilter("Status", filters)).toBe("status");
    expect(nearFilter("markt", filters)).toBe("market");
  });

  it("is none for a name that was never a filter", () => {
    for (const name of ["utm_source", "fbclid", "ref", "x", "page", "critical", "q2"]) expect(nearFilter(name, filters)).toBeUndefined();
  });

  it("is given with the unknown name, and only for the page's filters", () => {
    expect(unknownParameters(new URLSearchParams("sev=critical&utm_source=mail"), new Set(["severity"]), ["severity"])).toEqual([
      { name: "sev", value: "critical", reason: { kind: "unknown", near: "severity" } },
      { name: "utm_source", value: "mail", reason: { kind: "unknown" } },
    ]);
  });
});

describe("how many a notice or refusal names one by one", () => {
  const unknown = (i: number) => ({ name: `p${i}`, value: "", reason: { kind: "unknown" } as const });
  const own = { name: "severity", value: "x", reason: { kind: "oneOf", values: ["high"] } } as const;

  it("every filter of the page's own, and the first unknown names; the rest are counted", () => {
    const many = [own, ...Array.from({ length: 12 }, (_, i) => unknown(i))];
    const { listed, unlisted } = listedIgnored(many);
    expect(listed).toEqual([own, ...Array.from({ length: UNKNOWN_PARAMETERS_LISTED }, (_, i) => unknown(i))]);
    expect(unlisted).toBe(12 - UNKNOWN_PARAMETERS_LISTED);
    expect(listedIgnored([own, unknown(0)])).toEqual({ listed: [own, unknown(0)], unlisted: 0 });
  });
});
