import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("the page to return to after signing in", () => {
  it("keeps a path of this site, with its query", () => {
    expect(safeNextPath("/accounts/abc")).toBe("/accounts/abc");
    expect(safeNextPath("/accounts?severity=critical&sort=score")).toBe("/accounts?severity=critical&sort=score");
  });

  it("keeps the accounts table when it was asked for", () => {
    expect(safeNextPath("/accounts")).toBe("/accounts");
  });

  it("refuses anything that could leave the site, and falls back to the overview", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "accounts", "/a\nb", "", null, undefined, 42, "/signin", "/signin?next=/x", "/api/auth/signout", `/${"a".repeat(1001)}`])
      expect(safeNextPath(bad)).toBe("/");
  });
});
