import { describe, expect, it } from "vitest";
import { ACCOUNT_SEARCH_MAX_LENGTH, isAccountSearchTooLong, parseAccountListQuery } from "./accounts";

describe("the accounts table's search", () => {
  it("applies a search up to the limit", () => {
    const q = "k".repeat(ACCOUNT_SEARCH_MAX_LENGTH);
    expect(parseAccountListQuery(new URLSearchParams({ q })).q).toBe(q);
    expect(isAccountSearchTooLong(new URLSearchParams({ q }))).toBe(false);
    expect(isAccountSearchTooLong({ q: ` ${q} ` })).toBe(false);
  });

  it("does not apply a longer one, and says it is too long rather than dropping it silently", () => {
    const q = "k".repeat(ACCOUNT_SEARCH_MAX_LENGTH + 1);
    expect(parseAccountListQuery(new URLSearchParams({ q })).q).toBeUndefined();
    expect(isAccountSearchTooLong(new URLSearchParams({ q }))).toBe(true);
    expect(isAccountSearchTooLong({ q: [q, "short"] })).toBe(true);
  });

  it("has nothing to say without a search", () => {
    expect(isAccountSearchTooLong(new URLSearchParams())).toBe(false);
    expect(isAccountSearchTooLong({})).toBe(false);
  });
});
