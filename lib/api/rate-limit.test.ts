import { describe, expect, it } from "vitest";
import { apiRateLimit, decideApiRate, rateLimitHeaders } from "./rate-limit";

describe("API rate limit", () => {
  it("allows up to the limit in a window, then refuses until the window ends", () => {
    expect(decideApiRate(1, 3, 59_500)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
    expect(decideApiRate(3, 3, 10_000)).toEqual({ allowed: true, limit: 3, remaining: 0, resetSeconds: 10 });
    expect(decideApiRate(4, 3, 10_001)).toEqual({ allowed: false, limit: 3, retryAfterSeconds: 11, firstRefusal: true });
    expect(decideApiRate(9, 3, 0)).toEqual({ allowed: false, limit: 3, retryAfterSeconds: 1, firstRefusal: false });
  });

  it("says when to retry in whole seconds, at least one", () => {
    const refused = decideApiRate(5, 4, 200);
    expect(rateLimitHeaders(refused)).toMatchObject({ "Retry-After": "1", "RateLimit-Remaining": "0" });
    expect(rateLimitHeaders(decideApiRate(1, 4, 30_000))).toEqual({ "RateLimit-Limit": "4", "RateLimit-Remaining": "3", "RateLimit-Reset": "30" });
  });

  it("reads its limit from the environment, falling back to 600 per minute on nonsense", () => {
    expect(apiRateLimit({})).toBe(600);
    expect(apiRateLimit({ GATEHOUSE_API_RATE_LIMIT: "50" })).toBe(50);
    for (const bad of ["0", "-1", "1.5", "many"]) expect(apiRateLimit({ GATEHOUSE_API_RATE_LIMIT: bad })).toBe(600);
  });
});
