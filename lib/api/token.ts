import { createHash, randomBytes } from "node:crypto";

// An API token is 32 random bytes (256 bits) behind a recognisable prefix, so secret scanners and
// people can tell it is a Gatehouse token. Only its SHA-256 is stored (decision 016): with 256 bits of
// entropy no dictionary or brute force applies, so a slow password hash would only cost every request.

export const TOKEN_PREFIX = "gh_";
const TOKEN_PATTERN = /^gh_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Whether a string has a token's shape: anything else is refused without a database look-up. */
export function isApiTokenShape(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What lists show to tell tokens apart: the prefix and the first 6 characters of the secret. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** `Authorization: Bearer <token>` → the token, or null when the header is missing or not Bearer. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
