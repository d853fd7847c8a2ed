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

describe("GATEHOUSE_IMPORT_HEAP_MB at start", () => {
  it("takes a whole number of megabytes from 64 up, and stops the app on anything else", () => {
    expect(parseEnv({}).GATEHOUSE_IMPORT_HEAP_MB).toBeUndefined();
    expect(parseEnv({ GATEHOUSE_IMPORT_HEAP_MB: "256" }).GATEHOUSE_IMPORT_HEAP_MB).toBe(256);
    expect(() => parseEnv({ GATEHOUSE_IMPORT_HEAP_MB: "32" })).toThrow(/GATEHOUSE_IMPORT_HEAP_MB: must be at least 64/);
    expect(() => parseEnv({ GATEHOUSE_IMPORT_HEAP_MB: "1.5" })).toThrow(/GATEHOUSE_IMPORT_HEAP_MB/);
    expect(() => parseEnv({ GATEHOUSE_IMPORT_HEAP_MB: "lots" })).toThrow(/GATEHOUSE_IMPORT_HEAP_MB/);
  });
});
