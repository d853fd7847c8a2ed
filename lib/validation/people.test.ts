import { describe, expect, it } from "vitest";
import { completeOffboardingTaskSchema, offboardPersonSchema, personIdSchema, personListQuerySchema, personSearchSchema } from "./people";

describe("the people list's query", () => {
  it("keeps a one-line search, trimmed", () => {
    expect(personListQuerySchema.parse({ q: "  田中 " }).q).toBe("田中");
  });

  it("drops a search holding a control character, or longer than 200, instead of failing the page", () => {
    for (const q of ["\u0000", "a\u0000b", "line\nbreak", "x".repeat(201)]) expect(personListQuerySchema.parse({ q }).q).toBeUndefined();
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
