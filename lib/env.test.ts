import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("GATEHOUSE_TRUSTED_PROXIES at start", () => {
  it("accepts none, a hop count, and networks", () => {
    expect(parseEnv({}).GATEHOUSE_TRUSTED_PROXIES).toBeUndefined();
    expect(parseEnv({ GATEHOUSE_TRUSTED_PROXIES: "1" }).GATEHOUSE_TRUSTED_PROXIES).toBe("1");
    expect(parseEnv({ GATEHOUSE_TRUSTED_PROXIES: "10.0.0.0/8, loopback" }).GATEHOUSE_TRUSTED_PROXIES).toBe("10.0.0.0/8, loopback");
  });

  it("stops the app with the variable and the bad part named", () => {
    expect(() => parseEnv({ GATEHOUSE_TRUSTED_PROXIES: "proxy.internal" })).toThrow(/GATEHOUSE_TRUSTED_PROXIES: "proxy.internal" is not an address/);
  });
});
