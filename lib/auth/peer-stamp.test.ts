import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { stampPeerAddress } from "./peer-stamp";
import { parseTrustedProxies } from "./trusted-proxies";

const request = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;
const forged = { "x-gatehouse-peer": "203.0.113.9", "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", forwarded: "for=1.2.3.4", "x-real-ip": "1.2.3.4", cookie: "a=b" };

describe("the server's stamp on every request", () => {
  it("replaces a client's own peer header with the socket's address and drops its forwarding headers", () => {
    const req = request("::ffff:192.0.2.10", forged);
    stampPeerAddress(req, parseTrustedProxies(undefined));
    expect(req.headers).toEqual({ "x-gatehouse-peer": "::ffff:192.0.2.10", cookie: "a=b" });
  });

  it("keeps the forwarding headers a declared proxy sent, and only those", () => {
    const trust = parseTrustedProxies("10.0.0.0/8");
    const fromProxy = request("10.1.2.3", forged);
    stampPeerAddress(fromProxy, trust);
    expect(fromProxy.headers).toEqual({ ...forged, "x-gatehouse-peer": "10.1.2.3" });
    const direct = request("192.0.2.10", forged);
    stampPeerAddress(direct, trust);
    expect(direct.headers["x-forwarded-for"]).toBeUndefined();
    const hops = request("192.0.2.10", forged);
    stampPeerAddress(hops, parseTrustedProxies("1"));
    expect(hops.headers["x-forwarded-proto"]).toBe("https");
  });
});
