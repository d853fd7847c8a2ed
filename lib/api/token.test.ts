import { describe, expect, it } from "vitest";
import { bearerToken, displayPrefix, generateApiToken, hashApiToken, isApiTokenShape } from "./token";

describe("API tokens", () => {
  it("are 256-bit, prefixed, distinct and of the shape the gate accepts", () => {
    const tokens = Array.from({ length: 200 }, generateApiToken);
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) {
      expect(token.startsWith("gh_")).toBe(true);
      expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
      expect(isApiTokenShape(token)).toBe(true);
    }
  });

  it("refuses anything else by shape", () => {
    const token = generateApiToken();
    for (const bad of ["", "gh_", token.slice(0, -1), `${token}x`, token.replace("gh_", "gx_"), `${token.slice(0, -1)}=`, ` ${token}`])
      expect(isApiTokenShape(bad), bad).toBe(false);
  });

  it("hashes to a stable SHA-256 hex that differs per token and never contains the token", () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(generateApiToken())).not.toBe(hashApiToken(token));
    expect(displayPrefix(token)).toBe(token.slice(0, 9));
  });

  it("reads the Bearer scheme only", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
