import { BlockList, isIP } from "node:net";

// Whose address is it? The TCP peer's, unless the operator declares the proxies in front of the app
// (GATEHOUSE_TRUSTED_PROXIES): then the address the nearest untrusted hop was seen from, read from the
// right of X-Forwarded-For, where the trusted proxies appended it. The left of that header is whatever
// the client wrote, so it is never read on its own (decision 010).

/**
 * The request header that carries the TCP peer's address: set by Gatehouse's own server
 * (scripts/serve.ts) on every request, replacing anything a client sent under that name.
 */
export const PEER_HEADER = "x-gatehouse-peer";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "networks"; list: BlockList; text: string };

const NAMED_NETWORKS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * GATEHOUSE_TRUSTED_PROXIES: unset or empty → none; a whole number 1–10 → that many proxies, each
 * appending to X-Forwarded-For; otherwise comma-separated addresses, CIDR networks, `loopback`, `private`.
 * Throws with the offending part named.
 */
export function parseTrustedProxies(value: string | undefined | null): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text === "none") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`at most 10 proxy hops, got ${hops}`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    for (const entry of NAMED_NETWORKS[part] ?? [part]) {
      const [address, prefixText, extra] = entry.split("/");
      const family = isIP(address);
      const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
      if (!family || extra !== undefined || (prefixText !== undefined && !/^\d+$/.test(prefixText)) || prefix > (family === 6 ? 128 : 32))
        throw new Error(`"${part}" is not an address, a CIDR network (e.g. 10.0.0.0/8), "loopback" or "private"`);
      list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    }
  }
  return { kind: "networks", list, text };
}

/** A canonical address ("::ffff:10.0.0.1" → "10.0.0.1", ports and brackets dropped), or null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let text = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped) text = mapped[1];
  const family = isIP(text);
  if (family === 4) return text;
  if (family === 6) return text.toLowerCase();
  return null;
}

function isTrusted(address: string, trust: Extract<TrustedProxies, { kind: "networks" }>): boolean {
  return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Whether the TCP peer is a declared proxy, whose forwarding headers may be believed (with a hop count: every peer). */
export function isTrustedPeer(peerRaw: string | null | undefined, trust: TrustedProxies): boolean {
  const peer = normaliseAddress(peerRaw);
  if (peer === null || trust.kind === "none") return false;
  return trust.kind === "hops" || isTrusted(peer, trust);
}

/**
 * The client's address. `peer`: the TCP peer (PEER_HEADER); `forwardedFor`: the X-Forwarded-For header
 * as received (several headers joined by commas). Null when the peer is unknown (the app was not
 * started through scripts/serve.ts).
 */
export function resolveClientAddress(peerRaw: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustedProxies): string | null {
  const peer = normaliseAddress(peerRaw);
  if (peer === null) return null;
  if (trust.kind === "none") return peer;
  // Nearest hop last: [what the client wrote …, what each proxy appended …, the TCP peer].
  const hops = [...(forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean), peer];
  if (trust.kind === "hops") {
    const index = Math.max(0, hops.length - 1 - trust.hops);
    // An entry a trusted proxy wrote that is not an address: count the request as that proxy's.
    for (let i = index; i < hops.length; i++) {
      const address = normaliseAddress(hops[i]);
      if (address !== null) return address;
    }
    return peer;
  }
  let last = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normaliseAddress(hops[i]);
    if (address === null) return last;
    if (!isTrusted(address, trust)) return address;
    last = address;
  }
  return last;
}
