// Every request body has a limit, answered by the app (proxy.ts) from the declared length before any
// of the body is read. The import route counts its own body as it streams (lib/http/limited-body.ts)
// and answers by JSON path; server actions and everything else carry a form's fields, never 1 MB.

/** Server actions' body limit; next.config.ts gives Next the same figure, so Next's own refusal never shows. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/**
 * Routes that take a large body and read it themselves within their own limit, answering in their own
 * format: the import page's upload (SNAPSHOT_MAX_BYTES, lib/validation/json-safety.ts), and the public API under /api/v1 (API.md's
 * `too_large`).
 */
export function readsItsOwnBody(path: string): boolean {
  return path === "/api/import" || path.startsWith("/api/v1/");
}

export type BodyRefusal = { status: 411 | 413; maxBytes: number; serverAction: boolean } | null;

/**
 * Whether a request must be refused for its body's size, from its method, path and headers alone. A body
 * without a declared length (chunked) is refused too, except on a route that counts its own bytes:
 * browsers always declare it, so only a client that hides its size meets this.
 */
export function bodyLimitRefusal(method: string, path: string, headers: Headers): BodyRefusal {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (readsItsOwnBody(path)) return null;
  const serverAction = headers.has("next-action");
  const maxBytes = SERVER_ACTION_MAX_BYTES;
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) {
    const hasBody = headers.has("transfer-encoding");
    return hasBody ? { status: 411, maxBytes, serverAction } : null;
  }
  return Number(length) > maxBytes ? { status: 413, maxBytes, serverAction } : null;
}
