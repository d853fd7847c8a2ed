import { NextResponse, type NextRequest } from "next/server";
import { bodyLimitRefusal } from "@/lib/http/body-limits";
import { interpolate } from "@/lib/i18n/format";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import * as inputSafety from "@/lib/i18n/messages/input-safety";
import { contentSecurityPolicy } from "@/lib/security/headers";

/**
 * A body over its limit is answered here, in the reader's language, before any of it is read (Next would
 * otherwise read up to its own limit and answer in English). A server action's fetch shows a text/plain
 * answer's text as its error.
 */
function refuseBody(request: NextRequest): Response | null {
  const refusal = bodyLimitRefusal(request.method, request.nextUrl.pathname, request.headers);
  if (!refusal) return null;
  const locale = toLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const message = interpolate(inputSafety[locale]["error.TOO_LARGE"], { mb: refusal.maxBytes / 1024 / 1024 }, locale);
  const headers = { "cache-control": "no-store", connection: "close" };
  if (refusal.serverAction) return new Response(message, { status: refusal.status, headers: { ...headers, "content-type": "text/plain" } });
  return Response.json({ error: "TOO_LARGE", message }, { status: refusal.status, headers });
}

// Runs before every page and route: body limits, then a per-request CSP nonce. Next reads the nonce from the request's
// CSP header and puts it on its own scripts. Authorisation is not done here (see lib/auth/scope.ts).
export function proxy(request: NextRequest) {
  const refused = refuseBody(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-pathname", request.nextUrl.pathname);
  headers.set("x-path-and-query", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
