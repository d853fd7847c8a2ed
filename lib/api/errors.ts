import type { z } from "zod";
import { AppError, type AppErrorCode } from "../errors";

// The API's error contract (../shared/API.md): {"error": {"code", "message", "problems"?}} with stable
// codes; problems only with 422.

export const API_ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** A method the path does not answer (decision 084): the Allow header names the ones it does. */
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  invalid_request: 422,
  invalid_snapshot: 422,
  rate_limited: 429,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

export interface ApiProblem {
  path: string;
  message: string;
}

/** Thrown inside an API handler; `messageKey` names the catalogue sentence when it is not the code's own. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly problems?: ApiProblem[],
    readonly messageKey?: string,
    readonly vars?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "ApiError";
  }
  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}

const FROM_APP: Record<AppErrorCode, ApiErrorCode> = {
  UNAUTHENTICATED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  INVALID_INPUT: "invalid_request",
  CONFLICT: "conflict",
};

/** lib/ throws AppError for every caller; the API says the same thing with its own stable codes. */
export function fromAppError(error: AppError): ApiError {
  const code = FROM_APP[error.code];
  if (code !== "invalid_request") return new ApiError(code);
  const details = error.details && typeof error.details === "object" ? (error.details as Record<string, string>) : {};
  const problems = Object.entries(details).map(([path, message]) => ({ path, message }));
  return new ApiError(code, problems.length ? problems : [{ path: "(request)", message: error.message }]);
}

/** zod issues as problems; `where` prefixes the path ("query", "header"). Messages may be catalogue keys. */
export function zodProblems(error: z.ZodError, where: string): ApiProblem[] {
  return error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join("."), message: issue.message }));
}

export function errorBody(code: ApiErrorCode, message: string, problems?: ApiProblem[]): string {
  return JSON.stringify({ error: { code, message, ...(API_ERROR_STATUS[code] === 422 ? { problems: problems ?? [] } : {}) } });
}

/** The reader's language from Accept-Language: Japanese when preferred over English, else English. */
export function apiLocale(header: string | null): "ja" | "en" {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((r) => r.tag.startsWith("ja") || r.tag.startsWith("en"));
  return first?.tag.startsWith("ja") ? "ja" : "en";
}

export { AppError };
