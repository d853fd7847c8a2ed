import type { IncomingMessage, RequestListener } from "node:http";
import { PEER_HEADER } from "./trusted-proxies";

/**
 * Next.js gives route handlers, server actions and Auth.js's `authorize` the request's headers but not
 * its socket (NextRequest.ip is gone since Next 15, and `next start` passes a client's X-Forwarded-For
 * through). Gatehouse's server therefore writes the TCP peer's address into a header of its own on every
 * request, replacing whatever a client sent under that name (decision 010).
 */
export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
}

export function withPeerAddress(listener: RequestListener): RequestListener {
  return (req, res) => {
    stampPeerAddress(req);
    return listener(req, res);
  };
}
