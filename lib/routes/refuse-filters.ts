import "server-only";
import { refusedFilters } from "@/lib/i18n/ignored-filters";
import { getLocale, getT } from "@/lib/i18n/server";
import type { IgnoredFilter } from "@/lib/validation/ignored-filters";

/**
 * A download's answer to filters in its link that it cannot apply: the list pages show everything and say so, but
 * a file is handed on without the notice, so `severity=CRITICAL` must not become every account. Nothing is read or
 * written; the body names each parameter, its value (as the page shows it) and why, in the reader's language.
 * `status`: each route family's own answer to bad input (400 beside /api/clients, 422 beside /api/snapshot's), or 404
 * NOT_FOUND for a filter naming what the caller cannot reach (a client, decision 093), as /api/v1 answers one.
 */
export async function refuseFilters(ignored: readonly IgnoredFilter[], status: 400 | 404 | 422): Promise<Response> {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return Response.json(
    { error: status === 404 ? "NOT_FOUND" : "INVALID_INPUT", ...refusedFilters(ignored, t, locale) },
    { status, headers: { "Cache-Control": "no-store", "Content-Language": locale } },
  );
}
