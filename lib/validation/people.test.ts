import { describe, expect, it } from "vitest";
import { completeOffboardingTaskSchema, offboardPersonSchema, parsePersonListPage, personIdSchema, personListQuerySchema, personSearchSchema } from "./people";

describe("the people list's query", () => {
  it("keeps a one-line search, trimmed", () => {
    expect(personListQuerySchema.parse({ q: "  田中 " }).q).toBe("田中");
  });

  it("drops a search holding a control character, or longer than 200, instead of failing the page", () => {
    for (const q of ["\u0000", "a\u0000b", "line\nbreak", "x".repeat(201)]) expect(personListQuerySchema.parse({ q }).q).toBeUndefined();
  });
});

describe("the people list's filters and what it did not apply", () => {
  it("keeps valid filters, and a blank one (the form's \"all\") is no filter rather than a dropped one", () => {
    const { query, ignored } = parsePersonListPage({ q: " 田中 ", external: "yes", departed: "", sort: "name" });
    expect(query).toMatchObject({ q: "田中", external: "yes", departed: undefined, sort: "name", dir: "asc" });
    expect(ignored).toEqual([]);
  });

  it("names each filter it dropped and why, reading the first of a repeated parameter as the list does", () => {
    const { query, ignored } = parsePersonListPage({ q: "x".repeat(201), external: ["maybe", "yes"], departed: "true" });
    expect(query).toMatchObject({ q: undefined, external: undefined, departed: undefined });
    expect(ignored).toEqual([
      { name: "q", value: `${"x".repeat(40)}…`, reason: { kind: "tooLong", max: 200 } },
      { name: "external", value: "maybe", reason: { kind: "oneOf", values: ["yes", "no"] } },
      { name: "external", value: "yes", reason: { kind: "repeated" } },
      { name: "departed", value: "true", reason: { kind: "oneOf", values: ["yes", "no"] } },
    ]);
    expect(parsePersonListPage({ q: "line\nbreak" }).ignored).toEqual([{ name: "q", value: "line\uFFFDbreak", reason: { kind: "controlChar" } }]);
  });

  it("reads yes and no in any case (decision 101)", () => {
    expect(parsePersonListPage({ external: "YES", departed: "No" })).toMatchObject({ query: { external: "yes", departed: "no" }, ignored: [] });
  });

  it("does not report the page, size or sort, which are not filters", () => {
    expect(parsePersonListPage({ page: "abc", sort: "bogus" }).ignored).toEqual([]);
  });

  it("knows every parameter its own links write, and names any other", () => {
    expect(parsePersonListPage({ q: "a", external: "yes", departed: "no", sort: "name", dir: "desc", pageSize: "50", page: "2" }).ignored).toEqual([]);
    expect(parsePersonListPage({ externl: "yes", external: " no " })).toMatchObject({
      query: { external: "no" },
      ignored: [{ name: "externl", value: "yes", reason: { kind: "unknown" } }],
    });
  });
});

describe("a person's id and the person picker's search", () => {
  it("a path id with a control character is no person's (the page answers 404, not 500)", () => {
    expect(personIdSchema.safeParse("3dbc2f50-69ac-47cb-a2b2-5b4b052fa646").success).toBe(true);
    for (const bad of ["\u0000<not an id>", "p\u001f1", "p\u007f", "", "a".repeat(65)]) expect(personIdSchema.safeParse(bad).success).toBe(false);
  });

  it("the forms' hidden person and task ids refuse a control character too", () => {
    expect(offboardPersonSchema.safeParse({ personId: "p\u00001", departedAt: "2026-01-01", confirm: "yes" }).error?.issues.map((i) => i.path[0])).toEqual(["personId"]);
    expect(completeOffboardingTaskSchema.safeParse({ taskId: "t-1", newPersonId: "p\u00001" }).success).toBe(false);
    expect(completeOffboardingTaskSchema.parse({ taskId: "t-1", newPersonId: "" }).newPersonId).toBeUndefined();
  });

  it("GET /api/people?q= takes one line of at most 100 characters (a NUL answered 500)", () => {
    expect(personSearchSchema.parse({}).q).toBe("");
    expect(personSearchSchema.parse({ q: "佐藤" }).q).toBe("佐藤");
    for (const q of ["\u0000", "a\u0001b", "line\nbreak", "x".repeat(101)]) expect(personSearchSchema.safeParse({ q }).success).toBe(false);
  });
});
