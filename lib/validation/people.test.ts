import { describe, expect, it } from "vitest";
import { personListQuerySchema } from "./people";

describe("the people list's query", () => {
  it("keeps a one-line search, trimmed", () => {
    expect(personListQuerySchema.parse({ q: "  田中 " }).q).toBe("田中");
  });

  it("drops a search holding a control character, or longer than 200, instead of failing the page", () => {
    for (const q of ["\u0000", "a\u0000b", "line\nbreak", "x".repeat(201)]) expect(personListQuerySchema.parse({ q }).q).toBeUndefined();
  });
});
