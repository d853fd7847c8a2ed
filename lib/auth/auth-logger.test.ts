import { AuthError, CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { createAuthLogger } from "./auth-logger";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

function recorder() {
  const lines: { level: "error" | "warn"; text: string }[] = [];
  const sink = {
    error: (...parts: unknown[]) => lines.push({ level: "error", text: parts.map(String).join(" ") }),
    warn: (...parts: unknown[]) => lines.push({ level: "warn", text: parts.map(String).join(" ") }),
  };
  return { lines, logger: createAuthLogger(sink) };
}

describe("createAuthLogger", () => {
  it("logs a refused sign-in as one line with its code and no stack", () => {
    const { lines, logger } = recorder();
    logger.error(new CredentialsSignin());
    logger.error(new RateLimited());
    expect(lines).toEqual([
      { level: "warn", text: "[auth] sign-in refused: credentials" },
      { level: "warn", text: "[auth] sign-in refused: rate_limited" },
    ]);
  });

  it("logs any other error in full, with the stack of what went wrong inside authorize", () => {
    const { lines, logger } = recorder();
    const outage = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    // As Auth.js wraps an exception thrown inside authorize (its typings omit this constructor form).
    logger.error(new CallbackRouteError(outage as unknown as string, { provider: "credentials" } as ErrorOptions));
    expect(lines[0]).toMatchObject({ level: "error", text: expect.stringContaining("[auth][error] CallbackRouteError") });
    expect(lines.some((l) => l.level === "error" && l.text.includes("ECONNREFUSED") && l.text.includes("auth-logger.test.ts"))).toBe(true);
    expect(lines.some((l) => l.text.includes('"provider": "credentials"'))).toBe(true);
  });

  it("logs a plain error and an Auth.js error without a cause with their own stack", () => {
    const { lines, logger } = recorder();
    logger.error(new TypeError("boom"));
    logger.error(new AuthError("misconfigured"));
    expect(lines.filter((l) => l.level === "error").map((l) => l.text.split("\n")[0])).toEqual([
      "[auth][error] TypeError: boom",
      expect.stringMatching(/^\s+at /),
      expect.stringMatching(/^\[auth\]\[error\] AuthError: misconfigured/),
      expect.stringMatching(/^\s+at /),
    ]);
  });

  it("keeps Auth.js's warnings", () => {
    const { lines, logger } = recorder();
    logger.warn("debug-enabled");
    expect(lines).toEqual([{ level: "warn", text: "[auth][warn][debug-enabled] Read more: https://warnings.authjs.dev" }]);
  });
});
