// The app's HTTP server, started by scripts/start.ts (`npm start`, `npm run dev`): Next.js's own request
// handling (the same as `next start` / `next dev`), behind one step of ours that records the TCP peer's
// address in a header no client can set and drops forwarding headers that no declared proxy sent
// (lib/auth/peer-stamp.ts, decision 010).
import { createServer } from "node:http";
import next from "next";
import { withPeerAddress } from "@/lib/auth/peer-stamp";
import { parseTrustedProxies } from "@/lib/auth/trusted-proxies";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
/** Above the 60 s idle limit of common load balancers and nginx's upstream keep-alive. */
const KEEP_ALIVE_MS = 65_000;

async function main() {
  const app = next({ dev, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Validated by the launcher (lib/env.ts) before this process starts.
  const trust = parseTrustedProxies(process.env.GATEHOUSE_TRUSTED_PROXIES);
  const server = createServer(withPeerAddress((req, res) => void handle(req, res), trust));
  // An idle connection stays open longer than a proxy's (or client's) own idle limit, so the other side
  // always closes first: with Node's 5 s default, a proxy reusing a connection as Node closes it gets a
  // reset, a 502 for the user (decision 073).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // Next's upgrade handler (development reloads) attaches itself to this server on the first request.
  server.listen(port, () => console.log(`[gatehouse] serving on http://localhost:${port}${dev ? " (development)" : ""}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // A request still streaming (a CSV export) gets a few seconds, not forever.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[gatehouse] could not serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
