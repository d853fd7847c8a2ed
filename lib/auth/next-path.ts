/** Where to go after signing in: only a path of this site (never another origin), else the overview. */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 1000) return fallback;
  // "/x" is ours; "//host", "/\host" and anything with a scheme or control characters is not.
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || [...value].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  if (value === "/signin" || value.startsWith("/signin?") || value.startsWith("/api/")) return fallback;
  return value;
}
