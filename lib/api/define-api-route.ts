import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { countApiRequest } from "@/lib/db/api-tokens/rate-limit";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/db/api-tokens/idempotency";
import { authenticateApiToken, recordApiRefusal, type ApiCaller } from "@/lib/db/api-tokens/tokens";
import type { Scope } from "@/lib/db/scope";
import { AppError } from "@/lib/errors";
import { interpolate } from "@/lib/i18n/format";
import { messages, type MessageKey } from "@/lib/i18n/messages";
import { idempotencyKeySchema } from "@/lib/validation/api";
import { listedIgnored, repeatedParameters, unknownParameters } from "@/lib/validation/ignored-filters";
import type { Endpoint } from "./endpoints";
import { apiLocale, ApiError, errorBody, fromAppError, type ApiErrorCode, type ApiProblem } from "./errors";
import { MAX_BODY_BYTES } from "./limits";
import { apiRateLimit, rateLimitHeaders } from "./rate-limit";
import { readBodyCapped } from "./read-body";
import { bearerToken } from "./token";

// The one wrapper every /api/v1 handler goes through, as defineAction is for server actions:
// token → rate limit → scope → path and query (zod) → body (capped) → Idempotency-Key → handler with a
// typed ctx, and every AppError/ApiError mapped to the pinned error JSON. Handlers only call lib/db
// with ctx.scope, which applies the same tenant and client filters as for a signed-in member.

type Infer<T> = T extends z.ZodType ? z.infer<T> : Record<string, never>;

export interface ApiContext<E extends Endpoint> {
  scope: Scope;
  caller: ApiCaller;
  query: Infer<E["query"]>;
  params: Infer<E["params"]>;
  /** The raw request body (UTF-8), for endpoints that take one. */
  body: string;
  locale: "ja" | "en";
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

export type ApiAnswer = { status?: number; json: unknown } | { status?: number; text: string; contentType: string };

export const json = (value: unknown, status = 200): ApiAnswer => ({ status, json: value });

type RouteContext = { params: Promise<Record<string, string | string[]>> };

function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

function respond(status: number, body: string, headers: Record<string, string>, contentType = "application/json; charset=utf-8"): Response {
  return new Response(body, { status, headers: { "Content-Type": contentType, "Cache-Control": "no-store", ...headers } });
}

export function defineApiRoute<E extends Endpoint>(endpoint: E, handler: (ctx: ApiContext<E>) => Promise<ApiAnswer>) {
  return async function route(request: Request, context?: RouteContext): Promise<Response> {
    const locale = apiLocale(request.headers.get("accept-language"));
    const catalogue = messages[locale];
    const t = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(catalogue[key], vars, locale);
    const say = (message: string, vars?: Record<string, string | number>) => (message in catalogue ? t(message as MessageKey, vars) : message);
    const headers: Record<string, string> = {};
    const fail = (error: ApiError) => {
      const message = t((error.messageKey ?? `api.error.${error.code}`) as MessageKey, { mb: MAX_BODY_BYTES / 1024 / 1024, ...error.vars });
      const problems = error.problems?.map((p) => ({ path: p.path, message: say(p.message) }));
      return { status: error.status, body: errorBody(error.code, message, problems) };
    };
    const refuse = (code: ApiErrorCode, problems?: ApiProblem[], messageKey?: string) => {
      const answer = fail(new ApiError(code, problems, messageKey));
      return respond(answer.status, answer.body, headers);
    };

    const ip = clientIp(request.headers);
    const auth = await authenticateApiToken(bearerToken(request.headers.get("authorization")), ip);
    if (!auth.ok) {
      headers["WWW-Authenticate"] = 'Bearer realm="gatehouse"';
      return refuse("unauthorized");
    }
    const { caller } = auth;
    const rate = await countApiRequest(caller.scope, caller.tokenId, apiRateLimit());
    Object.assign(headers, rateLimitHeaders(rate));
    if (!rate.allowed) {
      // Once per window in the audit log, not once per refused request of a runaway script.
      if (rate.firstRefusal) await recordApiRefusal(caller, "rate_limited", ip, { limit: rate.limit, endpoint: endpoint.operationId });
      return refuse("rate_limited");
    }
    if (endpoint.access === "write" && caller.tokenScope !== "write") {
      await recordApiRefusal(caller, "forbidden", ip, { endpoint: endpoint.operationId, tokenScope: caller.tokenScope });
      return refuse("forbidden");
    }

    // A path id that cannot exist is simply not found.
    let params = {} as Infer<E["params"]>;
    if (endpoint.params) {
      const parsed = endpoint.params.safeParse(await context?.params);
      if (!parsed.success) return refuse("not_found");
      params = parsed.data as Infer<E["params"]>;
    }
    // A parameter the endpoint does not read is refused, not ignored: `/findings?severty=critical` would otherwise
    // answer every finding, and a script would never learn its typo (decision 067 for the app's own downloads).
    const searchParams = new URL(request.url).searchParams;
    const known = Object.keys(endpoint.query?.shape ?? {});
    const unknown = unknownParameters(searchParams, new Set(known), known);
    if (unknown.length) {
      const { listed, unlisted } = listedIgnored(unknown);
      const problems = listed.map(({ name, reason }) => ({
        path: `query.${name}`,
        message: reason.kind === "unknown" && reason.near ? t("api.problem.unknownParameterNear", { near: reason.near }) : t("api.problem.unknownParameter"),
      }));
      const names = listed.map((p) => p.name).join(", ") + (unlisted ? ` (+${unlisted})` : "");
      const answer = fail(new ApiError("invalid_request", problems, "api.error.unknownParameters", { count: unknown.length, names }));
      return respond(answer.status, answer.body, headers);
    }
    // A parameter given twice is refused too: no endpoint reads a list from the query, and taking the last
    // (`limit=2&limit=3` → 3) would quietly answer a question the script did not mean to ask.
    const repeated = repeatedParameters(searchParams);
    if (repeated.length) {
      return refuse(
        "invalid_request",
        repeated.map(({ name, reason }) => ({ path: `query.${name}`, message: t("api.problem.repeatedParameter", { count: reason.count }) })),
      );
    }
    let query = {} as Infer<E["query"]>;
    if (endpoint.query) {
      const parsed = endpoint.query.safeParse(Object.fromEntries(searchParams));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => {
          const values = "values" in issue && Array.isArray(issue.values) ? issue.values.join(", ") : "";
          const max = "maximum" in issue ? String(issue.maximum) : "";
          // A custom refusal's own facts (where an invisible character is) fill its sentence too.
          const own = issue.code === "custom" ? (issue.params?.vars as Record<string, string | number> | undefined) : undefined;
          return { path: ["query", ...issue.path.map(String)].join("."), message: say(issue.message, { values, max, ...own }) };
        });
        return refuse("invalid_request", problems);
      }
      query = parsed.data as Infer<E["query"]>;
    }
    let body = "";
    let bodyBytes: Uint8Array = new Uint8Array();
    if (endpoint.body) {
      const read = await readBodyCapped(request, MAX_BODY_BYTES);
      if (!read.ok) return refuse("too_large");
      bodyBytes = read.bytes;
      body = new TextDecoder().decode(read.bytes);
    }

    const key = endpoint.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (key !== null) {
      if (!idempotencyKeySchema.safeParse(key).success) return refuse("invalid_request", [{ path: "header.Idempotency-Key", message: "api.problem.idempotencyKey" }]);
      const url = new URL(request.url);
      const requestHash = createHash("sha256").update(`${endpoint.method} ${url.pathname}${url.search}\n`).update(bodyBytes).digest("hex");
      const claim = await claimIdempotencyKey(caller.scope, caller.tokenId, key, requestHash);
      if (claim.kind === "mismatch") return refuse("invalid_request", [{ path: "header.Idempotency-Key", message: "api.error.idempotencyMismatch" }], "api.error.idempotencyMismatch");
      if (claim.kind === "in_progress") return refuse("conflict");
      if (claim.kind === "replay") return respond(claim.status, claim.body, { ...headers, "Idempotent-Replayed": "true" }, claim.contentType);
    }

    let answer: { status: number; body: string; contentType: string };
    try {
      const result = await handler({ scope: caller.scope, caller, query, params, body, locale, t });
      answer =
        "json" in result
          ? { status: result.status ?? 200, body: JSON.stringify(result.json), contentType: "application/json; charset=utf-8" }
          : { status: result.status ?? 200, body: result.text, contentType: result.contentType };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : error instanceof AppError ? fromAppError(error) : null;
      if (!apiError) {
        if (key !== null) await releaseIdempotencyKey(caller.scope, caller.tokenId, key);
        throw error;
      }
      if (apiError.code === "forbidden") await recordApiRefusal(caller, "forbidden", ip, { endpoint: endpoint.operationId });
      answer = { ...fail(apiError), contentType: "application/json; charset=utf-8" };
    }
    if (key !== null) await completeIdempotencyKey(caller.scope, caller.tokenId, key, answer);
    return respond(answer.status, answer.body, headers, answer.contentType);
  };
}
