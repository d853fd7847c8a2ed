import "server-only";
import { headers } from "next/headers";
import { parseTrustedProxies, PEER_HEADER, resolveClientAddress, type TrustedProxies } from "./trusted-proxies";

let trust: TrustedProxies | undefined;
let warned = false;

/**
 * The caller's address and user agent. The address is the TCP peer's, as Gatehouse's server recorded it
 * (scripts/serve.ts), or, behind proxies the operator declared in GATEHOUSE_TRUSTED_PROXIES, the address
 * they appended to X-Forwarded-For — never what a client wrote there itself.
 */
export async function clientMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  // Validated at start by lib/env.ts; parsed once per process here.
  trust ??= parseTrustedProxies(process.env.GATEHOUSE_TRUSTED_PROXIES);
  const ip = resolveClientAddress(h.get(PEER_HEADER), h.get("x-forwarded-for"), trust);
  if (ip === null && !warned) {
    warned = true;
    console.warn("[gatehouse] the client's address is unknown (the app was not started with `npm start`): every request shares one per-address sign-in limit");
  }
  return { ip: ip ?? "unknown", userAgent: h.get("user-agent") };
}
