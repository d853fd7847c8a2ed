// Every request body has a limit, answered by the app (proxy.ts) from the declared length before any
// of the body is read. Server actions carry a form's fields, never 1 MB — except the import page's, whose
// preview and confirmation carry a snapshot (a file, or its previewed text posted back) of up to
// SNAPSHOT_MAX_BYTES each; the action itself refuses a file over that limit by JSON path.
import { SNAPSHOT_MAX_BYTES } from "../validation/json-safety";

/** Server actions' body limit outside the import page. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;
/** The import page's server action: a file and the pasted or previewed text, with room for the form. */
export const IMPORT_ACTION_MAX_BYTES = 2 * SNAPSHOT_MAX_BYTES + SERVER_ACTION_MAX_BYTES;

/**
 * Routes that read their body themselves within their own limit, in their own format: the public API (API.md's
 * `too_large`), and the large-file import, which streams up to GATEHOUSE_MAX_LARGE_IMPORT_MB (default 200 MB) to
 * disk and counts as it goes (app/api/import/large/route.ts). Found at stop 29: refused here at 1 MB, every
 * large file sent through the page was answered 413.
 */
export function readsItsOwnBody(path: string): boolean {
  return path.startsWith("/api/v1/") || path === "/api/import/large";
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
  const maxBytes = serverAction && path === "/import" ? IMPORT_ACTION_MAX_BYTES : SERVER_ACTION_MAX_BYTES;
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) {
    const hasBody = headers.has("transfer-encoding");
    return hasBody ? { status: 411, maxBytes, serverAction } : null;
  }
  return Number(length) > maxBytes ? { status: 413, maxBytes, serverAction } : null;
}
