import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { apiLocale, ApiError, errorBody, fromAppError, zodProblems } from "./errors";

describe("API errors", () => {
  it("maps lib's AppError codes to the stable API codes and statuses", () => {
    expect(fromAppError(new AppError("NOT_FOUND")).status).toBe(404);
    expect(fromAppError(new AppError("FORBIDDEN")).code).toBe("forbidden");
    expect(fromAppError(new AppError("CONFLICT")).status).toBe(409);
    const invalid = fromAppError(new AppError("INVALID_INPUT", "bad", { clientIds: "validation.unknownClient" }));
    expect(invalid.code).toBe("invalid_request");
    expect(invalid.problems).toEqual([{ path: "clientIds", message: "validation.unknownClient" }]);
  });

  it("puts problems on 422 answers only", () => {
    expect(JSON.parse(errorBody("invalid_request", "m", [{ path: "query.limit", message: "x" }]))).toEqual({ error: { code: "invalid_request", message: "m", problems: [{ path: "query.limit", message: "x" }] } });
    expect(JSON.parse(errorBody("not_found", "m", [{ path: "a", message: "b" }]))).toEqual({ error: { code: "not_found", message: "m" } });
    expect(new ApiError("too_large").status).toBe(413);
    expect(new ApiError("rate_limited").status).toBe(429);
  });

  it("names a zod problem by where it was and its path", () => {
    const result = z.object({ limit: z.number().max(3, "too many") }).safeParse({ limit: 9 });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodProblems(result.error, "query")).toEqual([{ path: "query.limit", message: "too many" }]);
  });

  it("answers in Japanese only when the caller prefers it over English", () => {
    expect(apiLocale(null)).toBe("en");
    expect(apiLocale("ja")).toBe("ja");
    expect(apiLocale("ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(apiLocale("en-US,ja;q=0.5")).toBe("en");
    expect(apiLocale("fr, ja;q=0.4")).toBe("ja");
    expect(apiLocale("ja;q=0, en")).toBe("en");
  });
});
