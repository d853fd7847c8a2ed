import type { IncomingMessage, RequestListener } from "node:http";
import { isTrustedPeer, PEER_HEADER, type TrustedProxies } from "./trusted-proxies";

/** Headers only a proxy may write: what they say about the client, its scheme and its host. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * Next.js gives route handlers, server actions and Auth.js's `authorize` the request's headers but not
 * its socket (NextRequest.ip is gone since Next 15, and `next start` passes a client's X-Forwarded-For
 * through). Gatehouse's server therefore writes the TCP peer's address into a header of its own on every
 * request, replacing whatever a client sent under that name, and drops the forwarding headers unless the
 * peer is a declared proxy, so Next and Auth.js build URLs and cookie names from the connection itself
 * (decision 010).
 */
export function stampPeerAddress(req: IncomingMessage, trust: TrustedProxies): void {
  const peer = req.socket.remoteAddress ?? "";
  req.headers[PEER_HEADER] = peer;
  if (!isTrustedPeer(peer, trust)) for (const name of FORWARDING_HEADERS) delete req.headers[name];
}

export function withPeerAddress(listener: RequestListener, trust: TrustedProxies): RequestListener {
  return (req, res) => {
    stampPeerAddress(req, trust);
    return listener(req, res);
  };
}
