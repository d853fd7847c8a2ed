import { describe, expect, it } from "vitest";
import { decide, RATE_LIMIT, waitMinutes } from "./rate-limit";

const now = 1_000_000_000;
const minutesAgo = (...m: number[]) => m.map((x) => now - x * 60_000);

describe("sign-in rate limit", () => {
  it("allows four recent failures for one e-mail and refuses the fifth", () => {
    expect(decide(now, minutesAgo(1, 2, 3, 4), [])).toEqual({ allowed: true });
    expect(decide(now, minutesAgo(1, 2, 3, 4, 5), [])).toEqual({ allowed: false, reason: "email", retryAfterSeconds: 10 * 60 });
  });

  it("forgets failures older than 15 minutes", () => {
    expect(decide(now, minutesAgo(1, 2, 3, 4, 15), [])).toEqual({ allowed: true });
    expect(decide(now, minutesAgo(1, 2, 3, 4, 14.99), [])).toMatchObject({ allowed: false });
  });

  it("limits one address to 20 failures across e-mails", () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => now - i * 1000);
    expect(decide(now, [], nineteen)).toEqual({ allowed: true });
    const twenty = [...nineteen, now - 60_000];
    expect(decide(now, [], twenty)).toEqual({ allowed: false, reason: "address", retryAfterSeconds: 14 * 60 });
  });

  it("reports the longer of two waits", () => {
    const r = decide(now, minutesAgo(1, 1, 1, 1, 1), Array.from({ length: 20 }, () => now - 10 * 60_000));
    expect(r).toEqual({ allowed: false, reason: "email", retryAfterSeconds: 14 * 60 });
  });

  it("rounds waits up to whole minutes for people", () => {
    expect(waitMinutes(1)).toBe(1);
    expect(waitMinutes(61)).toBe(2);
    expect(waitMinutes(RATE_LIMIT.windowMs / 1000)).toBe(15);
  });
});
