import { describe, expect, it } from "vitest";
import { isSessionCookie } from "./session-cookie";

describe("the session cookie's name", () => {
  it.each(["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token.1"])("%s is the session", (name) => {
    expect(isSessionCookie(name)).toBe(true);
  });

  it.each(["authjs.csrf-token", "__Host-authjs.csrf-token", "authjs.callback-url", "x-authjs.session-token", "authjs.session-token.x", "gh_org"])("%s is not", (name) => {
    expect(isSessionCookie(name)).toBe(false);
  });
});
