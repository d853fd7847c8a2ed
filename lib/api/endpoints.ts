import type { z } from "zod";
import {
  accountListSchema,
  accountParamsSchema,
  accountsQuerySchema,
  apiAccountDetailSchema,
  auditResultSchema,
  findingListSchema,
  findingsQuerySchema,
  snapshotQuerySchema,
  snapshotUpsertQuerySchema,
  snapshotUpsertResultSchema,
} from "../validation/api";
import type { ApiErrorCode } from "./errors";

// The catalogue of /api/v1: each route handler is defined from its entry (lib/api/define-api-route.ts)
// and the OpenAPI document is generated from the same entries, so neither can drift from the other.

export type ApiAccess = "none" | "read" | "write";

export interface Endpoint {
  method: "GET" | "POST";
  /** OpenAPI path template ({id}), under /api/v1. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  access: ApiAccess;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** "snapshot": a gatehouse.snapshot/v1 document (its own published schema). */
  body?: "snapshot";
  /** "snapshot" answers are snapshot documents; "openapi" the document itself. */
  response: z.ZodType | "snapshot" | "openapi";
  /** Error answers besides those every token route can give (401, 429). */
  errors: ApiErrorCode[];
}

export const ENDPOINTS = {
  openapi: {
    method: "GET", path: "/api/v1/openapi.json", operationId: "getOpenApi", access: "none", response: "openapi", errors: [],
    summary: "This OpenAPI 3.1 document", description: "Generated from the same zod schemas the handlers parse with. Needs no token.",
  },
  audit: {
    method: "POST", path: "/api/v1/audit", operationId: "auditSnapshot", access: "read", body: "snapshot", response: auditResultSchema,
    errors: ["forbidden", "invalid_snapshot", "too_large", "conflict", "invalid_request"],
    summary: "Audit a snapshot (nothing stored)",
    description: "Answers exactly what `gatehouse audit --json` prints for the same document, evaluated as of its `asOf` (else today, UTC).",
  },
  snapshots: {
    method: "POST", path: "/api/v1/snapshots", operationId: "upsertSnapshot", access: "write", query: snapshotUpsertQuerySchema, body: "snapshot", response: snapshotUpsertResultSchema,
    errors: ["forbidden", "not_found", "invalid_snapshot", "invalid_request", "too_large", "conflict"],
    summary: "Upsert a snapshot into the organisation (all or nothing)",
    description:
      "Matches accounts by external id, under `client` (created if new; none without it). Records of those accounts that the snapshot no longer lists are removed. Posting the same snapshot twice changes nothing the second time. A token restricted to clients must name one of them (403 otherwise; 404 for a client outside its restriction; 403 for a listed account that lives under another client). Problems in the document are reported (422) before the restriction is checked.",
  },
  snapshot: {
    method: "GET", path: "/api/v1/snapshot", operationId: "exportSnapshot", access: "read", query: snapshotQuerySchema, response: "snapshot",
    errors: ["forbidden", "not_found", "invalid_request"],
    summary: "Export the organisation's (or a client's) data as a snapshot",
    description: "A `gatehouse.snapshot/v1` document with external ids and `asOf` = today (UTC); `gatehouse audit` on it gives the findings the app holds.",
  },
  accounts: {
    method: "GET", path: "/api/v1/accounts", operationId: "listAccounts", access: "read", query: accountsQuerySchema, response: accountListSchema,
    errors: ["forbidden", "not_found", "invalid_request"],
    summary: "List seller accounts with their score and open findings by severity",
    description:
      "A `client` that names no client the token can reach (none of that name, another organisation's, or one outside the token's clients, alike) is 404 `not_found`, never an empty list; a client of its own with no accounts lists none (200).",
  },
  account: {
    method: "GET", path: "/api/v1/accounts/{id}", operationId: "getAccount", access: "read", params: accountParamsSchema, response: apiAccountDetailSchema,
    errors: ["forbidden", "not_found", "invalid_request"],
    summary: "One seller account by external id, with its findings",
  },
  findings: {
    method: "GET", path: "/api/v1/findings", operationId: "listFindings", access: "read", query: findingsQuerySchema, response: findingListSchema,
    errors: ["forbidden", "not_found", "invalid_request"],
    summary: "List findings (filter by status, severity, account)",
    description:
      "An `account` that names no account the token can reach (no such external id, another organisation's, or one outside the token's clients, alike) is 404 `not_found`, never an empty list, as `GET /api/v1/accounts/{id}` answers it; an account of its own with no findings (or none matching) lists none (200).",
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
