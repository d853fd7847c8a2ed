import { describe, expect, it } from "vitest";
import { normaliseAddress, parseTrustedProxies, resolveClientAddress } from "./trusted-proxies";

const none = parseTrustedProxies(undefined);

describe("the client's address without declared proxies", () => {
  it("is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", null, none)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1, 203.0.113.7, 10.0.0.1", none)).toBe("203.0.113.7");
  });

  it("writes IPv4-mapped and bracketed forms one way, and knows no peer when none was recorded", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", null, none)).toBe("127.0.0.1");
    expect(resolveClientAddress("2001:DB8::1", null, none)).toBe("2001:db8::1");
    expect(resolveClientAddress(null, "198.51.100.1", none)).toBeNull();
    expect(resolveClientAddress("", "198.51.100.1", none)).toBeNull();
  });
});

describe("behind a declared number of proxies", () => {
  it("takes the address the nearest proxy appended, not what the client wrote before it", () => {
    const one = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7", one)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 2.2.2.2, 203.0.113.7", one)).toBe("203.0.113.7");
    const two = parseTrustedProxies("2");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7, 10.0.0.9", two)).toBe("203.0.113.7");
  });

  it("falls back to the farthest hop recorded when the header is shorter, and skips entries that are not addresses", () => {
    expect(resolveClientAddress("10.0.0.2", null, parseTrustedProxies("1"))).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7", parseTrustedProxies("3"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "unknown", parseTrustedProxies("1"))).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7:51234", parseTrustedProxies("1"))).toBe("203.0.113.7");
  });
});

describe("behind declared proxy networks", () => {
  const trust = parseTrustedProxies("10.0.0.0/8, loopback");

  it("ignores X-Forwarded-For from a peer outside them", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", trust)).toBe("203.0.113.7");
  });

  it("walks from the right past trusted hops to the first untrusted one", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.1, 203.0.113.7", trust)).toBe("203.0.113.7");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1, 203.0.113.7, 10.1.2.3", trust)).toBe("203.0.113.7");
    // A client that writes a trusted address on the left gains nothing: the walk stops before it.
    expect(resolveClientAddress("10.0.0.2", "10.0.0.5, 203.0.113.7", trust)).toBe("203.0.113.7");
  });

  it("takes the leftmost hop when every hop is trusted, and the last good hop before an unreadable one", () => {
    expect(resolveClientAddress("10.0.0.2", "10.0.0.3", trust)).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.2", "garbage, 10.0.0.3", trust)).toBe("10.0.0.3");
  });

  it("matches IPv6 networks", () => {
    expect(resolveClientAddress("fd00::1", "2001:db8::7", parseTrustedProxies("private"))).toBe("2001:db8::7");
    expect(resolveClientAddress("::1", "2001:db8::7", parseTrustedProxies("::1"))).toBe("2001:db8::7");
  });
});

describe("the setting", () => {
  it.each(["", "0", "none"])("%j declares no proxy", (value) => {
    expect(parseTrustedProxies(value)).toEqual({ kind: "none" });
  });

  it.each(["11", "10.0.0.0/33", "10.0.0.0/", "proxy.example", "10.0.0.0/8/1", "::1/129"])("%j is refused with the part named", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow();
  });

  it("normalises addresses", () => {
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress(" 192.0.2.1 ")).toBe("192.0.2.1");
    expect(normaliseAddress("192.0.2.1:80")).toBe("192.0.2.1");
    expect(normaliseAddress("not-an-ip")).toBeNull();
  });
});
