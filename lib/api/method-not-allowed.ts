import { interpolate } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { apiLocale, errorBody } from "./errors";

// A method an /api/v1 path does not answer (GET /api/v1/audit, DELETE /api/v1/accounts): Next.js's own 405
// had an empty body (stop 42, finding 10); this one is the API's error JSON with an Allow header (decision 084).
// No token is read: the method is wrong whoever asks, and the answer reveals nothing but the path's methods.

/** The Allow header of a path that answers `allowed` (HEAD with GET, as Next.js answers it, and OPTIONS). */
export const allowHeader = (allowed: string[]) => [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");

export function methodNotAllowed(...allowed: string[]) {
  const allow = allowHeader(allowed);
  return function refuse(request: Request): Response {
    const locale = apiLocale(request.headers.get("accept-language"));
    const message = interpolate(messages[locale]["api.error.method_not_allowed"], { method: request.method, allow }, locale);
    return new Response(errorBody("method_not_allowed", message), {
      status: 405,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Allow: allow },
    });
  };
}

/**
 * OPTIONS, which Next.js answers by itself only while a route exports no handler for every method: once the
 * others are the refusal above, its Allow would name them all.
 */
export function allowedOptions(...allowed: string[]) {
  const allow = allowHeader(allowed);
  return function options(): Response {
    return new Response(null, { status: 204, headers: { Allow: allow } });
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Refusals<A extends Method> = Record<Exclude<Method, A>, (request: Request) => Response> & { OPTIONS: () => Response };

/**
 * Every handler a route that answers `allowed` adds beside its own: the refusal above for each other method and
 * OPTIONS, for one line per route, `export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET")`
 * (route exports must be static names, so the route still lists them; the type refuses a name it answers itself).
 */
export function refusedMethods<A extends Method>(...allowed: A[]): Refusals<A> {
  const refuse = methodNotAllowed(...allowed);
  const others = METHODS.filter((m) => !(allowed as Method[]).includes(m));
  return { ...Object.fromEntries(others.map((m) => [m, refuse])), OPTIONS: allowedOptions(...allowed) } as Refusals<A>;
}
