import "server-only";
import { headers } from "next/headers";

/** The caller's address as the Next server saw it (first x-forwarded-for hop), and its user agent. */
export async function clientMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || "unknown", userAgent: h.get("user-agent") };
}
